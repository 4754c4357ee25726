// POST /labels/{label_id}/cancel_refund: leave a label out of Refund Assist (domain/labels/refunds.ts).
import { cancelRefund, type RefundState } from '../../../domain/labels/refunds.ts';
import { labelStatusCode } from '../../../domain/labels/tracking.ts';
import type { Label } from '../../../domain/labels/types.ts';
import { actingAccount } from '../../common/context.ts';
import { parseSeId } from '../../common/ids.ts';
import { money } from '../shared/money.ts';
import type { SurfacePlugin } from '../shared/plugin.ts';
import { seIdParam } from '../shared/query.ts';
import { toV2Label } from './mapper.ts';

function refundDetails(label: Label, refund: RefundState) {
  if (!refund.refundStatus) return null;
  const credited = refund.refundStatus === 'approved';
  return {
    refund_status: refund.refundStatus,
    ...(refund.requestedAt ? { request_date: refund.requestedAt } : {}),
    amount_paid: money(label.costCents),
    amount_requested: credited ? money(label.costCents) : null,
    amount_approved: credited ? money(label.costCents) : null,
    amount_credited: credited ? money(label.costCents) : null,
  };
}

export const refundRoutes: SurfacePlugin = async (app, { surface }) => {
  const { db } = app.ctx.database;
  const base = `${app.ctx.config.publicUrl}${surface === 'v2' ? '/v2' : '/v1'}`;
  const clock = app.ctx.clock;

  app.post<{ Params: { label_id: string } }>(
    '/labels/:label_id/cancel_refund',
    { schema: { tags: ['labels'], params: seIdParam('label_id') } },
    async (request) => {
      const accountId = actingAccount(request).id;
      const now = clock.now();
      const { label, refund } = await db.transaction().execute((tx) => cancelRefund(tx, accountId, parseSeId(request.params.label_id)!, now));
      return { ...toV2Label(label, labelStatusCode(label, now), { base }), void_type: refund.voidType, refund_details: refundDetails(label, refund) };
    },
  );
};
