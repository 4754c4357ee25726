// Fixed one-minute windows per credential. PostgreSQL keeps the counters so several server
// processes share one budget; the embedded database serves one process, so memory is enough.
import { sql } from 'kysely';
import type { Db } from '../../db/index.ts';

export interface RateLimitDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the current window ends. */
  resetSeconds: number;
}

export interface RateLimiter {
  hit(bucket: string, limit: number): Promise<RateLimitDecision>;
}

const WINDOW_MS = 60_000;

function decide(hits: number, limit: number, nowMs: number): RateLimitDecision {
  const resetSeconds = Math.max(1, Math.ceil((WINDOW_MS - (nowMs % WINDOW_MS)) / 1000));
  return { allowed: hits <= limit, limit, remaining: Math.max(0, limit - hits), resetSeconds };
}

export class MemoryRateLimiter implements RateLimiter {
  private window = -1;
  private counts = new Map<string, number>();

  async hit(bucket: string, limit: number): Promise<RateLimitDecision> {
    const now = Date.now();
    const window = Math.floor(now / WINDOW_MS);
    if (window !== this.window) {
      this.window = window;
      this.counts.clear();
    }
    const hits = (this.counts.get(bucket) ?? 0) + 1;
    this.counts.set(bucket, hits);
    return decide(hits, limit, now);
  }
}

export class DatabaseRateLimiter implements RateLimiter {
  private lastSweep = -1;

  constructor(private readonly db: Db) {}

  async hit(bucket: string, limit: number): Promise<RateLimitDecision> {
    const now = Date.now();
    const window = Math.floor(now / WINDOW_MS);
    const row = await this.db
      .insertInto('rate_limit_windows')
      .values({ bucket, window_index: window, hits: 1 })
      .onConflict((oc) => oc.columns(['bucket', 'window_index']).doUpdateSet({ hits: sql`rate_limit_windows.hits + 1` }))
      .returning('hits')
      .executeTakeFirstOrThrow();
    if (window !== this.lastSweep) {
      this.lastSweep = window;
      await this.db.deleteFrom('rate_limit_windows').where('window_index', '<', window - 1).execute();
    }
    return decide(Number(row.hits), limit, now);
  }
}
