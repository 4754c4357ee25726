import type { Executor } from '../../db/index.ts';
import { lockRow } from '../../db/locks.ts';
import { refundPremium } from '../insurance/shipsurance.ts';
import { voidRefusal } from '../sandbox/magic.ts';
import { setShipmentStatus } from '../shipments/store.ts';
import { refundLabel } from './funding.ts';
import { labelVoided } from './order-link.ts';
import { getLabel, setLabelStatus } from './store.ts';
import { isInCarrierHands, trackLabel } from './tracking.ts';

export interface VoidResult {
  approved: boolean;
  message: string;
}

/** Voids a label unless it is already void or already moving; a funded carrier and a Shipsurance premium are refunded. */
export async function voidLabel(ex: Executor, accountId: number, labelId: number, now: Date): Promise<VoidResult> {
  await lockRow(ex, 'labels', labelId);
  const label = await getLabel(ex, accountId, labelId);
  if (label.status === 'voided') return { approved: false, message: `Label se-${label.id} was already voided at ${label.voidedAt}.` };
  if (isInCarrierHands(trackLabel(label, now))) {
    return { approved: false, message: `Label se-${label.id} is already in transit with the carrier and can no longer be voided.` };
  }
  const refusal = voidRefusal(label.shipTo, label.carrierName);
  if (refusal) return { approved: false, message: refusal };
  const at = now.toISOString();
  await setLabelStatus(ex, label.id, 'voided', at);
  await refundLabel(ex, accountId, label.carrierId, label.id, at);
  await refundPremium(ex, accountId, label.id, at);
  // A voided return label leaves its shipment as it was: the outbound label still ships it.
  if (label.outboundLabelId === null) await setShipmentStatus(ex, accountId, label.shipmentId, 'pending', at);
  await labelVoided(ex, label, at);
  return { approved: true, message: 'Request for refund submitted.  This label has been voided.' };
}
