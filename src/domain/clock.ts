// The one source of "now": tests and users move it forward to watch tracking events and holds advance.
// Two layers: a process-wide offset (tests move it), and each account's sandbox offset, applied
// through an AsyncLocalStorage scope entered by a request (and a job group) whose account's clock
// is moved, so code that asks `clock.now()` sees its account's time without being told which
// account it is. Accounts on the process clock enter no scope: see onAccountClock (api/common/auth.ts).
import { AsyncLocalStorage } from 'node:async_hooks';

interface ClockScope {
  /** The account's sandbox offset, added to the process clock. */
  readonly offsetMs: number;
}

export class Clock {
  private offsetMs = 0;
  private readonly scopes = new AsyncLocalStorage<ClockScope>();

  now(): Date {
    return new Date(Date.now() + this.offsetMs + (this.scopes.getStore()?.offsetMs ?? 0));
  }

  nowIso(): string {
    return this.now().toISOString();
  }

  /** The process clock, whatever account scope is open. */
  baseNow(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** Moves the process clock (every account) forward. */
  advance(ms: number): void {
    this.offsetMs += ms;
  }

  set(to: Date): void {
    this.offsetMs = to.getTime() - Date.now();
  }

  /** Runs `fn` on an account's clock; an account on the process clock needs no scope of its own. */
  withOffset<T>(offsetMs: number, fn: () => T): T {
    if (offsetMs === 0 && this.scopes.getStore() === undefined) return fn();
    return this.scopes.run({ offsetMs }, fn);
  }
}
