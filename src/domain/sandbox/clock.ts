// Each account's test clock (a Shipdock sandbox control): an offset ahead of the process clock,
// never moved back. Moving it raises, in the same transaction, the tracking events it passes.
import { accountClockOffset, saveAccountClockOffset } from '../../db/account-clocks.ts';
import type { Executor } from '../../db/index.ts';
import { lockRow } from '../../db/locks.ts';
import { invalidField } from '../errors.ts';
import { raiseDueTrackEvents } from '../labels/tracking-events.ts';
import { addIsoDuration } from './duration.ts';

export interface AccountClock {
  now: string;
  /** How far the account's clock is ahead of the server's, in milliseconds. */
  offsetMs: number;
}

export interface ClockMove {
  clock: AccountClock;
  /** Tracking events the move passed (each raised once as `track` webhooks). */
  trackingEvents: number;
}

export async function readAccountClock(ex: Executor, accountId: number, base: Date): Promise<AccountClock> {
  const offsetMs = await accountClockOffset(ex, accountId);
  return { now: new Date(base.getTime() + offsetMs).toISOString(), offsetMs };
}

/** Advances by an ISO-8601 duration, or sets a later instant. `base` is the process clock. */
export async function moveAccountClock(ex: Executor, accountId: number, base: Date, to: { duration?: string; at?: string }): Promise<ClockMove> {
  await lockRow(ex, 'accounts', accountId); // concurrent moves apply one after the other
  const current = await readAccountClock(ex, accountId, base);
  const from = new Date(current.now);
  let target: Date;
  if (to.duration !== undefined) {
    target = addIsoDuration(from, to.duration);
  } else {
    target = new Date(to.at ?? '');
    if (to.at === undefined || Number.isNaN(target.getTime())) throw invalidField('now', 'now must be an ISO-8601 date-time.', to.at);
  }
  if (target.getTime() < from.getTime()) {
    throw invalidField(to.duration !== undefined ? 'duration' : 'now', `The test clock never goes back: it is ${current.now}.`, to.duration ?? to.at);
  }
  const offsetMs = target.getTime() - base.getTime();
  await saveAccountClockOffset(ex, accountId, offsetMs, target.toISOString());
  const trackingEvents = await raiseDueTrackEvents(ex, accountId, target);
  return { clock: { now: target.toISOString(), offsetMs }, trackingEvents };
}
