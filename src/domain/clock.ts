// The one source of "now": tests and users move it forward to watch tracking events and holds advance.
// Two layers: a process-wide offset (tests move it), and each account's sandbox offset, applied
// through an AsyncLocalStorage scope opened per request (and per job) once the account is known,
// so code that asks `clock.now()` sees its account's time without being told which account it is.
import { AsyncLocalStorage } from 'node:async_hooks';

export interface ClockScope {
  /** The account's sandbox offset, added to the process clock; 0 until the account is known. */
  offsetMs: number;
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

  /** Runs `fn` on an account's clock. */
  withOffset<T>(offsetMs: number, fn: () => T): T {
    return this.scopes.run({ offsetMs }, fn);
  }

  /** Opens an empty scope around `fn` (a request); `currentScope()` then fills it in. */
  open<T>(fn: () => T): T {
    return this.scopes.run({ offsetMs: 0 }, fn);
  }

  /** The scope opened around the current request or job, if any. */
  currentScope(): ClockScope | undefined {
    return this.scopes.getStore();
  }
}
