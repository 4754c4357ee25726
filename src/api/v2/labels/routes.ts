import { DomainError } from '../../../domain/errors.ts';
import { labelFile } from '../../../domain/labels/documents.ts';
import { listLabels } from '../../../domain/labels/list.ts';
import { purchaseLabel } from '../../../domain/labels/purchase.ts';
import { pickRate, RATE_SHOPPERS, type RateShopper } from '../../../domain/labels/rate-shopper.ts';
import { createReturnLabel } from '../../../domain/labels/returns.ts';
import { findLabelByExternalShipmentId, getLabel } from '../../../domain/labels/store.ts';
import { labelStatusCode } from '../../../domain/labels/tracking.ts';
import type { Label } from '../../../domain/labels/types.ts';
import { voidLabel } from '../../../domain/labels/void.ts';
import { findRate, rateShipment } from '../../../domain/rates/shop.ts';
import { getShipment } from '../../../domain/shipments/store.ts';
import type { Executor } from '../../../db/index.ts';
import { actingAccount } from '../../common/context.ts';
import { idempotencyHeaderDoc, idempotent } from '../../common/idempotency.ts';
import { parseSeId } from '../../common/ids.ts';
import { offsetOf, pageLinks } from '../../common/paging.ts';
import type { SurfacePlugin } from '../shared/plugin.ts';
import { seIdParam } from '../shared/query.ts';
import { toV2Label } from './mapper.ts';
import { newLabelShipment, toLabelOptions, type LabelRequest } from './purchase.ts';
import { createLabelBody, labelOptionsBody, type LabelOptionsBody } from './schemas.ts';
import { labelListQuery, type LabelListQuery } from './list-query.ts';


const servicePointsOf = (body: LabelRequest) => ({ shipTo: body.ship_to_service_point_id, shipFrom: body.ship_from_service_point_id });

export const labelRoutes: SurfacePlugin = async (app, { surface }) => {
  const { db } = app.ctx.database;
  const base = `${app.ctx.config.publicUrl}${surface === 'v2' ? '/v2' : '/v1'}`;
  const clock = app.ctx.clock;

  /** The response; inline downloads carry the rendered file of the requested format. */
  async function present(ex: Executor, label: Label, downloadType: 'url' | 'inline' = 'url') {
    let inlineData: string | null = null;
    if (downloadType === 'inline') {
      const file = await labelFile(ex, label, `label-${label.id}.${label.labelFormat}`, clock.nowIso());
      inlineData = file ? file.content.toString('base64') : null;
    }
    return toV2Label(label, labelStatusCode(label, clock.now()), { base, inlineData });
  }

  const newShipment = (ex: Executor, accountId: number, body: LabelRequest, now: string) => newLabelShipment(ex, accountId, body, now);

  app.post<{ Body: LabelRequest }>('/labels', { schema: { tags: ['labels'], description: idempotencyHeaderDoc, body: createLabelBody } }, async (request, reply) => {
    const accountId = actingAccount(request).id;
    const now = clock.nowIso();
    return db.transaction().execute(async (tx) => idempotent(tx, request, reply, now, async () => {
      const fresh = await newShipment(tx, accountId, request.body, now);
      const label = await purchaseLabel(
        tx,
        accountId,
        { ...fresh, options: toLabelOptions(request.body), isReturn: request.body.is_return_label, servicePoints: servicePointsOf(request.body) },
        now,
      );
      return present(tx, label, request.body.label_download_type);
    }));
  });

  app.post<{ Params: { rate_id: string }; Body: LabelOptionsBody }>(
    '/labels/rates/:rate_id',
    { schema: { tags: ['labels'], description: idempotencyHeaderDoc, params: seIdParam('rate_id'), body: labelOptionsBody } },
    async (request, reply) => {
      const accountId = actingAccount(request).id;
      const now = clock.nowIso();
      const body = request.body ?? {};
      return db.transaction().execute(async (tx) => idempotent(tx, request, reply, clock.nowIso(), async () => {
        const rate = await findRate(tx, accountId, parseSeId(request.params.rate_id)!);
        if (!rate || rate.shipmentId === null) throw new DomainError('not_found', `rate ${request.params.rate_id} was not found`);
        const shipment = await getShipment(tx, accountId, rate.shipmentId);
        const label = await purchaseLabel(tx, accountId, { shipment, rate, options: toLabelOptions(body) }, now);
        return present(tx, label, body.label_download_type);
      }));
    },
  );

  app.post<{ Params: { shipment_id: string }; Body: LabelOptionsBody }>(
    '/labels/shipment/:shipment_id',
    { schema: { tags: ['labels'], description: idempotencyHeaderDoc, params: seIdParam('shipment_id'), body: labelOptionsBody } },
    async (request, reply) => {
      const accountId = actingAccount(request).id;
      const now = clock.nowIso();
      const body = request.body ?? {};
      return db.transaction().execute(async (tx) => idempotent(tx, request, reply, clock.nowIso(), async () => {
        const shipment = await getShipment(tx, accountId, parseSeId(request.params.shipment_id)!);
        const label = await purchaseLabel(tx, accountId, { shipment, options: toLabelOptions(body) }, now);
        return present(tx, label, body.label_download_type);
      }));
    },
  );

  app.post<{ Params: { rate_shopper_id: RateShopper }; Body: LabelRequest }>(
    '/labels/rate_shopper_id/:rate_shopper_id',
    {
      schema: {
        tags: ['labels'],
        description: idempotencyHeaderDoc,
        params: { type: 'object', required: ['rate_shopper_id'], properties: { rate_shopper_id: { type: 'string', enum: RATE_SHOPPERS } } },
        body: createLabelBody,
      },
    },
    async (request, reply) => {
      const accountId = actingAccount(request).id;
      const now = clock.nowIso();
      return db.transaction().execute(async (tx) => idempotent(tx, request, reply, clock.nowIso(), async () => {
        const fresh = await newShipment(tx, accountId, request.body, now);
        const rated = await rateShipment(tx, accountId, fresh.shipment, {}, now, fresh.shipment.id);
        const rate = pickRate(request.params.rate_shopper_id, rated.rates);
        const label = await purchaseLabel(tx, accountId, { ...fresh, rate, options: toLabelOptions(request.body), servicePoints: servicePointsOf(request.body) }, now);
        return present(tx, label, request.body.label_download_type);
      }));
    },
  );

  app.get<{ Querystring: LabelListQuery }>('/labels', { schema: { tags: ['labels'], querystring: labelListQuery } }, async (request) => {
    const q = request.query;
    const accountId = actingAccount(request).id;
    const id = (value?: string) => (value ? (parseSeId(value) ?? -1) : undefined);
    const { labels, total } = await listLabels(db, accountId, {
      labelStatus: q.label_status,
      serviceCode: q.service_code,
      carrierId: id(q.carrier_id),
      trackingNumber: q.tracking_number,
      batchId: id(q.batch_id),
      rateId: id(q.rate_id),
      shipmentId: id(q.shipment_id),
      warehouseId: id(q.warehouse_id),
      createdAtStart: q.created_at_start && new Date(q.created_at_start).toISOString(),
      createdAtEnd: q.created_at_end && new Date(q.created_at_end).toISOString(),
      sortBy: q.sort_by,
      sortDir: q.sort_dir,
      offset: offsetOf({ page: q.page, pageSize: q.page_size }),
      limit: q.page_size,
    });
    const pages = Math.ceil(total / q.page_size);
    const items = await Promise.all(labels.map((label) => present(db, label)));
    return { labels: items, total, page: q.page, pages, links: pageLinks(request, app.ctx.config.publicUrl, q.page, pages, q.page_size) };
  });

  app.get<{ Params: { label_id: string } }>('/labels/:label_id', { schema: { tags: ['labels'], params: seIdParam('label_id') } }, async (request) =>
    present(db, await getLabel(db, actingAccount(request).id, parseSeId(request.params.label_id)!)),
  );

  app.get<{ Params: { external_shipment_id: string } }>(
    '/labels/external_shipment_id/:external_shipment_id',
    { schema: { tags: ['labels'], params: { type: 'object', properties: { external_shipment_id: { type: 'string', minLength: 1, maxLength: 50 } } } } },
    async (request) => {
      const label = await findLabelByExternalShipmentId(db, actingAccount(request).id, request.params.external_shipment_id);
      if (!label) throw new DomainError('not_found', `no label for external_shipment_id ${request.params.external_shipment_id}`);
      return present(db, label);
    },
  );

  app.put<{ Params: { label_id: string } }>('/labels/:label_id/void', { schema: { tags: ['labels'], params: seIdParam('label_id') } }, async (request) => {
    const accountId = actingAccount(request).id;
    return db.transaction().execute((tx) => voidLabel(tx, accountId, parseSeId(request.params.label_id)!, clock.now()));
  });

  app.post<{ Params: { label_id: string }; Body: LabelOptionsBody }>(
    '/labels/:label_id/return',
    { schema: { tags: ['labels'], description: idempotencyHeaderDoc, params: seIdParam('label_id'), body: labelOptionsBody } },
    async (request, reply) => {
      const accountId = actingAccount(request).id;
      const body = request.body ?? {};
      return db.transaction().execute(async (tx) => idempotent(tx, request, reply, clock.nowIso(), async () => {
        const label = await createReturnLabel(tx, accountId, parseSeId(request.params.label_id)!, toLabelOptions(body), clock.nowIso());
        return present(tx, label, body.label_download_type);
      }));
    },
  );
};
