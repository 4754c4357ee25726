// POST /v2/labels/shipping_rules/{shipping_rule_id}: the label request of POST /labels, with the
// carrier and service chosen by the rule (domain/shipping-rules). V2 only.
import { purchaseLabel } from '../../../domain/labels/purchase.ts';
import { applyShippingRule } from '../../../domain/shipping-rules/rules.ts';
import { labelFile } from '../../../domain/labels/documents.ts';
import { labelStatusCode } from '../../../domain/labels/tracking.ts';
import { actingAccount } from '../../common/context.ts';
import { parseSeId } from '../../common/ids.ts';
import { newLabelShipment, toLabelOptions, type LabelRequest } from '../labels/purchase.ts';
import { toV2Label } from '../labels/mapper.ts';
import { createLabelBody } from '../labels/schemas.ts';
import type { SurfacePlugin } from '../shared/plugin.ts';
import { seIdParam } from '../shared/query.ts';

export const shippingRuleRoutes: SurfacePlugin = async (app, { surface }) => {
  if (surface !== 'v2') return;
  const { db } = app.ctx.database;
  const base = `${app.ctx.config.publicUrl}/v2`;
  const clock = app.ctx.clock;

  app.post<{ Params: { shipping_rule_id: string }; Body: LabelRequest }>(
    '/labels/shipping_rules/:shipping_rule_id',
    { schema: { tags: ['labels'], params: seIdParam('shipping_rule_id'), body: createLabelBody } },
    async (request) => {
      const accountId = actingAccount(request).id;
      const ruleId = parseSeId(request.params.shipping_rule_id)!;
      const now = clock.nowIso();
      const body = request.body;
      return db.transaction().execute(async (tx) => {
        const fresh = await newLabelShipment(tx, accountId, body, now, (s) => applyShippingRule(tx, accountId, ruleId, s));
        const label = await purchaseLabel(tx, accountId, { ...fresh, options: toLabelOptions(body), isReturn: body.is_return_label }, now);
        const inline = body.label_download_type === 'inline' ? await labelFile(tx, label, `label-${label.id}.${label.labelFormat}`, now) : null;
        return toV2Label(label, labelStatusCode(label, clock.now()), { base, inlineData: inline?.content.toString('base64') ?? null });
      });
    },
  );
};
