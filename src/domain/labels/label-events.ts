// What buying a label tells V2 / ShipEngine subscribers: `label_created_v2` (pointing at a label
// list that holds it), and its parcel is tracked from now on (`track` webhooks as it moves).
import type { Executor } from '../../db/index.ts';
import { raiseEventTo } from '../events/raise.ts';
import type { ApiWebhook } from '../webhooks/api-webhooks.ts';
import { startParcelTracking } from './tracking-events.ts';
import type { Label } from './types.ts';

/** `subscribers`: the account's label_created_v2 subscriptions (purchaseSetup). */
export async function labelCreatedEvents(ex: Executor, label: Label, subscribers: ApiWebhook[], now: string): Promise<void> {
  // The documented pointer lists the label's batch; a label bought alone is found by its tracking number.
  const resourcePath = label.batchId !== null ? `/labels?batch_id=se-${label.batchId}` : `/labels?tracking_number=${encodeURIComponent(label.trackingNumber)}`;
  await raiseEventTo(ex, label.accountId, subscribers, 'label_created_v2', { resourcePath }, now);
  await startParcelTracking(ex, label, now, true);
}
