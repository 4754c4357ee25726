// Authentication, plan gating and rate limiting, per surface, as onRequest hooks.
import type { FastifyReply, FastifyRequest, onRequestHookHandler } from 'fastify';
import { authenticateApiKey, authenticateV1, resolveOnBehalfOf, type Principal } from '../../domain/accounts/authenticate.ts';
import { authenticateEphemeralToken, ephemeralCredentialId } from '../../domain/accounts/ephemeral-tokens.ts';
import { hasShippingApi, planHasApiAccess } from '../../domain/accounts/plans.ts';
import type { Account } from '../../domain/accounts/accounts.ts';
import { DomainError } from '../../domain/errors.ts';
import type { AppContext, Surface } from './context.ts';
import { accountClockOffset } from '../../db/account-clocks.ts';

/**
 * An onRequest hook from an authentication step that answers the account's sandbox clock offset:
 * the rest of the request runs on that clock (`ctx.clock` answers with the account's time). Only
 * a moved clock opens a scope: once any AsyncLocalStorage scope has run, Node 20's promise hooks
 * cost every request ~10 us (a tenth of a GET by id).
 */
function onAccountClock(ctx: AppContext, authenticate: (request: FastifyRequest, reply: FastifyReply) => Promise<number>): onRequestHookHandler {
  return (request, reply, done) => {
    authenticate(request, reply).then((offsetMs) => ctx.clock.withOffset(offsetMs, done), done);
  };
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** No credentials needed (download links, V1 registeraccount). */
    public?: boolean;
    /** Partner API: partner keys only. */
    partner?: boolean;
  }
}

const unauthorized = (message: string) => new DomainError('unauthorized', message);

function basicCredentials(header: string | undefined): { key: string; secret: string } | null {
  const match = header ? /^Basic\s+(\S+)\s*$/i.exec(header) : null;
  if (!match) return null;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return null;
  return { key: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}

function apiKeyHeader(request: FastifyRequest): string | null {
  const value = request.headers['api-key'];
  const key = Array.isArray(value) ? value[0] : value;
  return key?.trim() || null;
}

/** `Authorization: Bearer <token>`: how client-side code presents an ephemeral token. */
function bearerToken(request: FastifyRequest): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
  return match?.[1] ?? null;
}

async function ephemeralPrincipal(ctx: AppContext, token: string, now: string): Promise<Principal> {
  const result = await authenticateEphemeralToken(ctx.database.db, token, now);
  if (result.kind === 'expired') throw unauthorized('The ephemeral token has expired; request a new one.');
  if (result.kind === 'unknown') throw unauthorized('The ephemeral token is invalid.');
  // One rate-limit bucket per account, so minting tokens cannot multiply the limit.
  const clockOffsetMs = await accountClockOffset(ctx.database.db, result.account.id);
  return { kind: 'account', account: result.account, credentialId: ephemeralCredentialId(result.account.id), clockOffsetMs };
}

async function enforceRateLimit(ctx: AppContext, reply: FastifyReply, bucket: string, limit: number, surface: Surface) {
  if (limit === 0) return;
  const decision = await ctx.rateLimiter.hit(bucket, limit);
  if (surface === 'v1') {
    reply.header('X-Rate-Limit-Limit', decision.limit);
    reply.header('X-Rate-Limit-Remaining', decision.remaining);
    reply.header('X-Rate-Limit-Reset', decision.resetSeconds);
  }
  if (!decision.allowed) {
    reply.header('Retry-After', decision.resetSeconds);
    throw new DomainError('rate_limited', `Rate limit of ${limit} requests per minute exceeded; retry in ${decision.resetSeconds} seconds.`);
  }
}

function requireApiPlan(account: Account, request: FastifyRequest, surface: Surface) {
  // The Inventory API add-on opens these on any plan (docs: inventory, totes, purchase orders, suppliers).
  const inventory = surface === 'v2' && /^\/v2\/(inventory|inventory_warehouses|inventory_locations|totes|purchase_orders|suppliers)(\/|\?|$)/.test(request.url);
  if (inventory) {
    if (!account.addons.includes('inventory_api')) {
      throw new DomainError('plan_required', 'The Inventory API add-on is not enabled for this account.', 'invalid_billing_plan');
    }
    return;
  }
  // V2 also opens with the Shipping API add-on; V1 needs the plan itself.
  if (surface === 'v2' ? !hasShippingApi(account) : !planHasApiAccess(account.plan)) {
    throw new DomainError('plan_required', `The ${account.plan} plan does not include API access; upgrade to Standard or above.`, 'invalid_billing_plan');
  }
}

export function v1Authentication(ctx: AppContext) {
  return onAccountClock(ctx, async (request, reply) => {
    request.principal = null;
    request.account = null;
    if (request.routeOptions.config?.public) return 0;
    const credentials = basicCredentials(request.headers.authorization);
    if (!credentials) throw unauthorized('Authorization has been denied for this request.');
    const principal = await authenticateV1(ctx.database.db, credentials.key, credentials.secret, ctx.clock.nowIso());
    if (principal?.kind !== 'account') throw unauthorized('Authorization has been denied for this request.');
    request.principal = principal;
    request.account = principal.account;
    await enforceRateLimit(ctx, reply, `v1:${principal.credentialId}`, ctx.config.rateLimitV1, 'v1');
    requireApiPlan(principal.account, request, 'v1');
    return principal.clockOffsetMs;
  });
}

export function apiKeyAuthentication(ctx: AppContext, surface: 'v2' | 'shipengine') {
  return onAccountClock(ctx, async (request, reply) => {
    request.principal = null;
    request.account = null;
    const config = request.routeOptions.config ?? {};
    if (config.public) return 0;
    const key = apiKeyHeader(request);
    const bearer = key ? null : bearerToken(request);
    if (!key && !bearer) throw unauthorized('The API-Key header is missing. Send your API key in the API-Key header.');
    const now = ctx.clock.nowIso();
    const principal = key ? await authenticateApiKey(ctx.database.db, key, now) : await ephemeralPrincipal(ctx, bearer!, now);
    if (!principal) throw unauthorized('The API key is invalid, expired or disabled.');
    request.principal = principal;

    if (principal.kind === 'partner') {
      if (surface !== 'shipengine') throw unauthorized('Partner API keys work on the ShipEngine /v1 surface only.');
      const onBehalfOf = request.headers['on-behalf-of'];
      const target = (Array.isArray(onBehalfOf) ? onBehalfOf[0] : onBehalfOf)?.trim();
      if (target) {
        const account = await resolveOnBehalfOf(ctx.database.db, principal.partnerId, target, now);
        if (!account) throw new DomainError('forbidden', `On-Behalf-Of ${target} is not an active account of this partner.`);
        request.account = account;
        await enforceRateLimit(ctx, reply, `account:${account.id}`, ctx.config.rateLimitV2, surface);
        return accountClockOffset(ctx.database.db, account.id);
      }
      if (!config.partner) {
        throw new DomainError('forbidden', 'A partner API key needs an On-Behalf-Of header to call account endpoints.');
      }
      await enforceRateLimit(ctx, reply, principal.credentialId, ctx.config.rateLimitV2, surface);
      return 0;
    }

    if (config.partner) throw new DomainError('forbidden', 'This endpoint requires a partner API key.');
    request.account = principal.account;
    await enforceRateLimit(ctx, reply, principal.credentialId, ctx.config.rateLimitV2, surface);
    if (surface === 'v2') requireApiPlan(principal.account, request, surface);
    return principal.clockOffsetMs;
  });
}
