// What every route can reach: configuration, database, clock and rate limiter, plus who is calling.
import type { Config } from '../../config.ts';
import type { Database } from '../../db/index.ts';
import type { Clock } from '../../domain/clock.ts';
import type { RateLimiter } from '../../domain/limits/rate-limiter.ts';
import type { Account } from '../../domain/accounts/accounts.ts';
import type { Principal } from '../../domain/accounts/authenticate.ts';

export interface AppContext {
  config: Config;
  database: Database;
  clock: Clock;
  rateLimiter: RateLimiter;
}

export type Surface = 'v1' | 'v2' | 'shipengine';

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
  }
  interface FastifyRequest {
    principal: Principal | null;
    /** The account the call acts for: the key's own account, or the On-Behalf-Of target. */
    account: Account | null;
  }
}

export function actingAccount(request: { account: Account | null }): Account {
  if (!request.account) throw new Error('route reached without an authenticated account');
  return request.account;
}
