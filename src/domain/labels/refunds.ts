// Refund Assist, as Shipdock models it. A label's refund_status:
//   live and unused (no carrier scan yet)  -> request_scheduled: Refund Assist would claim it
//   cancel_refund on such a label          -> excluded: left out of refund requests (stays live)
//   voided (PUT /void)                     -> approved: Shipdock credits a void at once
//   live and already scanned by the carrier -> none (null): nothing to refund
// cancel_refund is refused (400 invalid_status) unless the label is request_scheduled or
// already excluded (then it is a no-op).
import type { Executor } from '../../db/index.ts';
import { lockRow } from '../../db/locks.ts';
import { DomainError } from '../errors.ts';
import { getLabel } from './store.ts';
import { isInCarrierHands, trackLabel } from './tracking.ts';
import type { Label } from './types.ts';

export type RefundStatus = 'request_scheduled' | 'pending' | 'approved' | 'rejected' | 'excluded';

export interface RefundState {
  refundStatus: RefundStatus | null;
  /** When the refund was asked for: the void time for a voided label. */
  requestedAt: string | null;
  voidType: 'manual' | 'refund_assist' | null;
}

export async function refundState(ex: Executor, label: Label, now: Date): Promise<RefundState> {
  if (label.status === 'voided') return { refundStatus: 'approved', requestedAt: label.voidedAt, voidType: 'manual' };
  const stored = await ex.selectFrom('label_refunds').select('refund_status').where('label_id', '=', label.id).executeTakeFirst();
  if (stored?.refund_status === 'excluded') return { refundStatus: 'excluded', requestedAt: null, voidType: null };
  if (isInCarrierHands(trackLabel(label, now))) return { refundStatus: null, requestedAt: null, voidType: null };
  return { refundStatus: 'request_scheduled', requestedAt: null, voidType: null };
}

export async function cancelRefund(ex: Executor, accountId: number, labelId: number, now: Date): Promise<{ label: Label; refund: RefundState }> {
  await lockRow(ex, 'labels', labelId);
  const label = await getLabel(ex, accountId, labelId);
  const state = await refundState(ex, label, now);
  if (state.refundStatus === 'excluded') return { label, refund: state };
  if (state.refundStatus !== 'request_scheduled') {
    const why =
      state.refundStatus === 'approved'
        ? `label se-${labelId} is voided and its refund was already credited`
        : `label se-${labelId} has been scanned by the carrier; no refund request is scheduled`;
    throw new DomainError('business_rules', `${why}: only a label with refund status request_scheduled can be excluded`, 'invalid_status');
  }
  await ex
    .insertInto('label_refunds')
    .values({ label_id: labelId, account_id: accountId, refund_status: 'excluded', modified_at: now.toISOString() })
    .onConflict((oc) => oc.column('label_id').doUpdateSet({ refund_status: 'excluded', modified_at: now.toISOString() }))
    .execute();
  return { label, refund: { refundStatus: 'excluded', requestedAt: null, voidType: null } };
}
