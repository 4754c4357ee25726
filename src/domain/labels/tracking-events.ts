// Tracked parcels and their `track` webhooks. Every label bought in Shipdock is tracked from
// purchase (and POST /tracking/stop|start removes / restores it). Each parcel keeps a cursor: how
// many of its simulated events have been raised, and when the next one happens. Whenever the
// account's clock passes `next_event_at` (a sandbox clock advance, or time simply passing, seen by
// the job runner's periodic task) the events passed are raised once each, in order, as `track`
// and `track_event_v2` webhooks carrying the tracking information as of that event.
import { accountClockGroups, accountClockOffset } from '../../db/account-clocks.ts';
import type { Db, Executor } from '../../db/index.ts';
import { lockRow } from '../../db/locks.ts';
import { preparedQuery } from '../../db/prepared.ts';
import { hasSubscribers, raiseEvents, type PendingEvent } from '../events/raise.ts';
import type { TrackingEvent, TrackingResult } from '../tracking/index.ts';
import { assembleLabels, findLabel } from './store.ts';
import { labelEventTimes, trackLabel } from './tracking.ts';
import { toV2TrackingEvent, toV2TrackingStatus } from './tracking-wire.ts';
import type { Label } from './types.ts';

/** Simulated journeys end within weeks; "the end of time" for the last event of a parcel. */
const HORIZON_MS = 400 * 24 * 3600_000;
const PARCELS_PER_ROUND = 500;

/** Events oldest first (simulateTracking lists them newest first). */
function chronological(t: TrackingResult) {
  return [...t.events].reverse();
}

/** Event times are whole seconds without milliseconds; cursors store full ISO instants. */
const instant = (occurredAt: string | undefined) => (occurredAt === undefined ? null : new Date(occurredAt).toISOString());
const happenedBy = (events: TrackingEvent[], now: Date) => events.filter((e) => Date.parse(e.occurredAt) <= now.getTime()).length;

function cursorAt(label: Label, now: Date): { raised: number; next: string | null } {
  const times = labelEventTimes(label).filter((t) => t <= now.getTime() + HORIZON_MS);
  const raised = times.filter((t) => t <= now.getTime()).length;
  return { raised, next: raised < times.length ? new Date(times[raised]).toISOString() : null };
}

type WireEvent = ReturnType<typeof toV2TrackingEvent>;

/**
 * The tracking as it stood right after event `index`: that event is the latest and the status is
 * its own. `wire` holds every event already in wire form (oldest first), shared by all the updates.
 */
function trackingAsOf(label: Label, full: TrackingResult, events: TrackingEvent[], wire: WireEvent[], index: number) {
  const latest = events[index];
  const status = toV2TrackingStatus(
    {
      ...full,
      statusCode: latest.statusCode,
      statusDescription: latest.statusDescription,
      statusDetailCode: latest.statusDetailCode,
      statusDetailDescription: latest.statusDetailDescription,
      carrierStatusCode: latest.carrierStatusCode,
      carrierStatusDescription: latest.carrierStatusDescription,
      carrierDetailCode: latest.carrierDetailCode,
      actualDeliveryDate: latest.statusCode === 'DE' ? latest.occurredAt : null,
      exceptionDescription: latest.statusCode === 'EX' ? latest.description : null,
    },
    { id: label.carrierId, code: label.carrierCode },
    label.trackingNumber,
  );
  return { ...status, events: wire.slice(0, index + 1).reverse() };
}

/**
 * Starts tracking a label's parcel. At purchase nothing has happened yet; a parcel tracked again
 * after /tracking/stop skips the events that happened meanwhile.
 */
export async function startParcelTracking(ex: Executor, label: Label, now: string, fromPurchase: boolean): Promise<void> {
  const at = new Date(now);
  const cursor = fromPurchase ? { raised: 0, next: cursorAt(label, new Date(new Date(label.createdAt).getTime() - 1)).next } : cursorAt(label, at);
  await trackParcel(ex, { accountId: label.accountId, labelId: label.id, raised: cursor.raised, next: cursor.next, now });
}
// Every purchase: compiled once.
const trackParcel = preparedQuery((ex, p: { accountId: number; labelId: number; raised: number; next: string | null; now: string }) =>
  ex
    .insertInto('tracked_parcels')
    .values({ account_id: p.accountId, label_id: p.labelId, events_raised: p.raised, next_event_at: p.next, created_at: p.now })
    .onConflict((oc) => oc.column('label_id').doNothing()),
);

export async function stopParcelTracking(ex: Executor, accountId: number, labelId: number): Promise<void> {
  await ex.deleteFrom('tracked_parcels').where('account_id', '=', accountId).where('label_id', '=', labelId).execute();
}

export async function isParcelTracked(ex: Executor, accountId: number, labelId: number): Promise<boolean> {
  return Boolean(await ex.selectFrom('tracked_parcels').select('id').where('account_id', '=', accountId).where('label_id', '=', labelId).executeTakeFirst());
}

export const TRACKING_DATA = 'tracking';

interface TrackingDataArgs {
  labelId: number;
  /** The tracking as it stood after this many events. */
  events: number;
  /** ShipEngine's API_TRACK data also carries `label_url`. */
  classic?: boolean;
}

/**
 * The two events of one tracking update: ShipEngine's `track` and the 2026 `track_event_v2`.
 * Their data is rebuilt when delivered (simulation is deterministic), so the queue stays small.
 */
function trackEvents(label: Label, events: number): PendingEvent[] {
  const query = `carrier_code=${encodeURIComponent(label.carrierCode)}&tracking_number=${encodeURIComponent(label.trackingNumber)}`;
  const ref = (classic: boolean) => ({ resolver: TRACKING_DATA, args: { labelId: label.id, events, ...(classic ? { classic } : {}) } satisfies TrackingDataArgs });
  return [
    { event: 'track', payload: { resourcePath: `/tracking?${query}`, dataRef: ref(true) } },
    { event: 'track_event_v2', payload: { resourcePath: `/labels/se-${label.id}/track`, dataRef: ref(false) } },
  ];
}

/** The `data` of a tracking webhook (registered as the `tracking` data resolver). */
export async function trackingWebhookData(ex: Executor, accountId: number, args: unknown): Promise<unknown | null> {
  const { labelId, events, classic } = args as TrackingDataArgs;
  const label = await findLabel(ex, accountId, labelId);
  if (!label) return null;
  const full = trackLabel(label, new Date(Date.parse(label.createdAt) + HORIZON_MS));
  const all = chronological(full);
  if (events < 1 || events > all.length) return null;
  const data = trackingAsOf(label, full, all, all.slice(0, events).map(toV2TrackingEvent), events - 1);
  return classic ? { label_url: null, ...data } : data;
}

/**
 * Raises every tracking event of the account's parcels that happened by `now` and was not raised
 * yet; returns how many events were passed. Serialized per account (the account row is locked),
 * so two processes never raise an event twice.
 */
export async function raiseDueTrackEvents(ex: Executor, accountId: number, now: Date): Promise<number> {
  await lockRow(ex, 'accounts', accountId);
  const nowIso = now.toISOString();
  const listening = await hasSubscribers(ex, accountId, ['track', 'track_event_v2']);
  let passed = 0;
  for (;;) {
    const parcels = await ex
      .selectFrom('tracked_parcels')
      .selectAll()
      .where('account_id', '=', accountId)
      .where('next_event_at', '<=', nowIso)
      .orderBy('id')
      .limit(PARCELS_PER_ROUND)
      .execute();
    if (parcels.length === 0) return passed;
    const rows = await ex.selectFrom('labels').selectAll().where('id', 'in', parcels.map((p) => p.label_id)).execute();
    const labels = new Map((await assembleLabels(ex, rows)).map((l) => [l.id, l]));
    const events: PendingEvent[] = [];
    const moved: typeof parcels = [];
    for (const parcel of parcels) {
      const label = labels.get(parcel.label_id);
      if (!label) continue; // its label is gone: the cursor goes with the rewrite below
      // One simulation per parcel: its whole journey, cut at `now` here (events are whole seconds).
      const full = trackLabel(label, new Date(now.getTime() + HORIZON_MS));
      const all = chronological(full);
      const happened = happenedBy(all, now);
      if (listening) for (let i = parcel.events_raised; i < happened; i++) events.push(...trackEvents(label, i + 1));
      const next = all[happened]?.occurredAt;
      passed += Math.max(0, happened - parcel.events_raised);
      moved.push({ ...parcel, events_raised: Math.max(happened, parcel.events_raised), next_event_at: instant(next) });
    }
    // The cursors are rewritten in two statements rather than one update per parcel.
    await ex.deleteFrom('tracked_parcels').where('id', 'in', parcels.map((p) => p.id)).execute();
    if (moved.length > 0) await ex.insertInto('tracked_parcels').values(moved).execute();
    await raiseEvents(ex, accountId, events, nowIso);
  }
}

/** Accounts with a parcel event due by `latest` (the furthest-ahead clock): the periodic sweep's work list. */
export async function accountsWithDueParcels(ex: Executor, latest: Date): Promise<number[]> {
  const rows = await ex.selectFrom('tracked_parcels').select('account_id').distinct().where('next_event_at', '<=', latest.toISOString()).execute();
  return rows.map((r) => r.account_id);
}

/**
 * The periodic sweep: raises the events that time alone (not a clock move) has passed, for every
 * account, each account on its own clock and in its own transaction. `base` is the process clock.
 */
export async function raisePassedTrackEvents(db: Db, base: Date): Promise<number> {
  const groups = await accountClockGroups(db);
  const furthest = Math.max(0, ...groups.keys());
  let passed = 0;
  for (const accountId of await accountsWithDueParcels(db, new Date(base.getTime() + furthest))) {
    const now = new Date(base.getTime() + (await accountClockOffset(db, accountId)));
    passed += await db.transaction().execute((tx) => raiseDueTrackEvents(tx, accountId, now));
  }
  return passed;
}
