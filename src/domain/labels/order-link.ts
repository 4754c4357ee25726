// A label and the sales order behind its shipment: buying one ships the V1 order (and tells V1
// SHIP_NOTIFY subscribers); voiding it puts the order back to awaiting shipment.
import type { Executor } from '../../db/index.ts';
import { markOrderShipped, reopenAfterVoid } from '../orders/actions.ts';
import { enqueueShipNotify } from '../webhooks/events.ts';
import type { Webhook } from '../webhooks/webhooks.ts';
import type { Label } from './types.ts';

async function storeOfOrder(ex: Executor, orderId: number | null): Promise<number | null> {
  if (orderId === null) return null;
  const row = await ex.selectFrom('orders').select('store_id').where('id', '=', orderId).executeTakeFirst();
  return row?.store_id ?? null;
}

/** `shipNotify`: the account's SHIP_NOTIFY hooks (purchaseSetup). */
export async function labelPurchased(ex: Executor, label: Label, shipNotify: Webhook[], now: string): Promise<void> {
  if (label.orderId !== null && !label.isReturn) {
    await markOrderShipped(
      ex,
      label.accountId,
      label.orderId,
      { carrierCode: label.carrierCode, serviceCode: label.serviceCode, trackingNumber: label.trackingNumber, shipDate: label.shipDate, labelId: label.id },
      now,
    );
  }
  await enqueueShipNotify(ex, shipNotify, label.notifyBatchId, await storeOfOrder(ex, label.orderId), now);
}

export async function labelVoided(ex: Executor, label: Pick<Label, 'id' | 'accountId' | 'orderId' | 'isReturn'>, now: string): Promise<void> {
  if (label.orderId === null || label.isReturn) return;
  await reopenAfterVoid(ex, label.accountId, label.orderId, label.id, now);
}
