// Tracking subscriptions (POST /tracking/start|stop) and finding a label by tracking number.
import type { Executor } from '../../db/index.ts';
import { carrierFamily } from '../tracking/index.ts';
import { assembleLabels } from './store.ts';
import type { Label } from './types.ts';

export async function subscribe(ex: Executor, accountId: number, carrierCode: string, trackingNumber: string, now: string): Promise<void> {
  await ex
    .insertInto('tracking_subscriptions')
    .values({ account_id: accountId, carrier_code: carrierCode, tracking_number: trackingNumber, created_at: now })
    .onConflict((oc) => oc.columns(['account_id', 'carrier_code', 'tracking_number']).doNothing())
    .execute();
}

export async function unsubscribe(ex: Executor, accountId: number, carrierCode: string, trackingNumber: string): Promise<void> {
  await ex
    .deleteFrom('tracking_subscriptions')
    .where('account_id', '=', accountId)
    .where('carrier_code', '=', carrierCode)
    .where('tracking_number', '=', trackingNumber)
    .execute();
}

/** The account's label carrying this tracking number (on any of its packages) with that carrier. */
export async function findLabelByTracking(ex: Executor, accountId: number, carrierCode: string, trackingNumber: string): Promise<Label | null> {
  const family = carrierFamily(carrierCode);
  if (!family) return null;
  const row = await ex
    .selectFrom('labels as l')
    .innerJoin('label_packages as p', 'p.label_id', 'l.id')
    .selectAll('l')
    .where('l.account_id', '=', accountId)
    .where('p.carrier_family', '=', family)
    .where('p.tracking_number', '=', trackingNumber.replace(/\s+/g, '').toUpperCase())
    .executeTakeFirst();
  return row ? (await assembleLabels(ex, [row]))[0] : null;
}
