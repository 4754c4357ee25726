// V1 labels: POST /shipments/createlabel, /orders/createlabelfororder, /shipments/voidlabel and
// GET /shipments, all on the same label engine as V2.
import type { FastifyPluginAsync } from 'fastify';
import type { Executor } from '../../../db/index.ts';
import { carrierByCode } from '../../../domain/carriers/connections.ts';
import { DomainError, invalidField } from '../../../domain/errors.ts';
import { labelFile } from '../../../domain/labels/documents.ts';
import { purchaseLabel } from '../../../domain/labels/purchase.ts';
import type { Label, LabelOptions } from '../../../domain/labels/types.ts';
import { listV1Shipments } from '../../../domain/labels/v1-list.ts';
import { voidLabel } from '../../../domain/labels/void.ts';
import { findOrder, getOrder } from '../../../domain/orders/store.ts';
import { createShipment } from '../../../domain/shipments/create.ts';
import { resolveShipFrom } from '../../../domain/shipments/resolve.ts';
import { findShipmentByOrder, updateShipmentBody } from '../../../domain/shipments/store.ts';
import type { ShipmentBody } from '../../../domain/shipments/types.ts';
import { parseV1Date } from '../../../domain/time/pacific.ts';
import { actingAccount } from '../../common/context.ts';
import { idempotencyHeaderDoc, idempotent } from '../../common/idempotency.ts';
import { orderOut } from '../orders/mapper.ts';
import { createLabelForOrderSchema, createLabelSchema, listShipmentsQuery, voidLabelSchema } from './schemas.ts';
import { fromV1Dimensions, fromV1Weight } from '../shared/units.ts';
import { fromV1Customs, shipmentFromV1, toV1Shipment, type OrderFacts, type V1LabelRequest } from './v1-shipment.ts';

const v1Options = (testLabel: boolean | undefined): LabelOptions => ({
  labelFormat: 'pdf',
  labelLayout: '4x6',
  downloadType: 'inline',
  displayScheme: 'label',
  testLabel: testLabel === true,
  chargeEvent: 'carrier_default',
  rmaNumber: null,
});

async function carrierIdFor(ex: Executor, accountId: number, carrierCode: string): Promise<number> {
  const carrier = await carrierByCode(ex, accountId, carrierCode);
  if (!carrier) throw invalidField('carrierCode', `no ${carrierCode} carrier is connected to this account`, carrierCode);
  return carrier.id;
}

async function orderFacts(ex: Executor, accountId: number, orderId: number | null, warehouseId: number | null, withItems: boolean): Promise<OrderFacts> {
  const order = orderId === null ? null : await findOrder(ex, accountId, orderId);
  return {
    orderId,
    orderKey: order?.orderKey ?? null,
    orderNumber: order?.orderNumber ?? null,
    customerEmail: order?.customerEmail ?? null,
    userId: order?.userId ?? null,
    warehouseId,
    items: withItems && order ? orderOut(order).items : null,
  };
}

/** The label PDF (and customs form) as V1 returns them: base64 in the response. */
async function files(ex: Executor, label: Label, now: string) {
  const pdf = await labelFile(ex, label, `label-${label.id}.pdf`, now);
  const form = label.customs ? await labelFile(ex, label, `form-${label.id}.pdf`, now) : null;
  return { labelData: pdf?.content.toString('base64') ?? null, formData: form?.content.toString('base64') ?? null };
}

/** V1 dates are Pacific; filters compare against UTC instants or calendar days. */
function instant(value: string | undefined, field: string): string | undefined {
  if (value === undefined) return undefined;
  const date = parseV1Date(value);
  if (!date) throw invalidField(field, `${field} is not a date ShipStation understands`, value);
  return date.toISOString();
}

export const v1LabelRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app.ctx.database;
  const clock = app.ctx.clock;

  app.post<{ Body: V1LabelRequest }>('/shipments/createlabel', { schema: { tags: ['v1 shipments'], description: idempotencyHeaderDoc, body: createLabelSchema } }, async (request, reply) => {
    const accountId = actingAccount(request).id;
    const now = clock.nowIso();
    return db.transaction().execute(async (tx) => idempotent(tx, request, reply, now, async () => {
      const carrierId = await carrierIdFor(tx, accountId, request.body.carrierCode);
      const shipment = await createShipment(tx, accountId, shipmentFromV1(request.body, carrierId), {}, now);
      const label = await purchaseLabel(tx, accountId, { shipment, options: v1Options(request.body.testLabel) }, now);
      return toV1Shipment(label, await orderFacts(tx, accountId, null, shipment.warehouseId, false), await files(tx, label, now));
    }));
  });

  /** The order's warehouse (or the default one), with V1's names when there is none. */
  async function v1ShipFrom<T extends ShipmentBody>(tx: Executor, accountId: number, orderId: number, shipment: T): Promise<T> {
    try {
      return { ...shipment, ...(await resolveShipFrom(tx, accountId, shipment)) };
    } catch (error) {
      if (!(error instanceof DomainError) || !['ship_from', 'warehouse_id'].includes(error.issues[0]?.field ?? '')) throw error;
      const message =
        error.issues[0].field === 'warehouse_id'
          ? `Order ${orderId} ships from warehouse ${shipment.warehouseId}, which does not exist; set advancedOptions.warehouseId to one listed by GET /warehouses.`
          : `Order ${orderId} has no Ship From location and the account has no default warehouse: create one with POST /warehouses/createwarehouse, or set advancedOptions.warehouseId on the order.`;
      throw invalidField('advancedOptions.warehouseId', message, shipment.warehouseId ?? undefined, 'field_value_required');
    }
  }

  app.post<{ Body: Omit<V1LabelRequest, 'shipFrom' | 'shipTo'> & { orderId: number } }>(
    '/orders/createlabelfororder',
    { schema: { tags: ['v1 orders'], description: idempotencyHeaderDoc, body: createLabelForOrderSchema } },
    async (request, reply) => {
      const accountId = actingAccount(request).id;
      const now = clock.nowIso();
      const body = request.body;
      return db.transaction().execute(async (tx) => idempotent(tx, request, reply, now, async () => {
        const order = await getOrder(tx, accountId, body.orderId);
        if (order.status === 'shipped' || order.status === 'cancelled') {
          throw new DomainError('business_rules', `Order ${order.id} is ${order.status}; only open orders can get a label.`, 'invalid_status');
        }
        const shipment = await findShipmentByOrder(tx, accountId, order.id);
        if (!shipment) throw new DomainError('not_found', `Order ${order.id} has no shipment to label.`);
        const carrierId = await carrierIdFor(tx, accountId, body.carrierCode);
        const packages = shipment.packages.length > 0 ? shipment.packages : [];
        const [first] = packages;
        const weight = body.weight ? fromV1Weight(body.weight) : first?.weight;
        if (!weight) throw invalidField('weight', 'the order has no weight; send one', undefined, 'field_value_required');
        const updated = {
          ...shipment,
          carrierId,
          serviceCode: body.serviceCode,
          shipDate: body.shipDate?.slice(0, 10) ?? shipment.shipDate,
          confirmation: body.confirmation ?? shipment.confirmation,
          customs: fromV1Customs(body.internationalOptions) ?? shipment.customs,
          packages: [
            {
              ...(first ?? { insuredValueCents: 0, labelMessages: { reference1: null, reference2: null, reference3: null }, externalPackageId: null, contentDescription: null }),
              packageCode: body.packageCode ?? first?.packageCode ?? 'package',
              weight,
              dimensions: body.dimensions ? fromV1Dimensions(body.dimensions) : (first?.dimensions ?? null),
            },
          ],
        };
        await updateShipmentBody(tx, accountId, shipment.id, updated, now);
        const withShipFrom = updated.shipFrom ? updated : await v1ShipFrom(tx, accountId, order.id, updated);
        const label = await purchaseLabel(tx, accountId, { shipment: withShipFrom, options: v1Options(body.testLabel) }, now);
        return toV1Shipment(label, await orderFacts(tx, accountId, order.id, shipment.warehouseId, true), await files(tx, label, now));
      }));
    },
  );

  app.post<{ Body: { shipmentId: number } }>('/shipments/voidlabel', { schema: { tags: ['v1 shipments'], body: voidLabelSchema } }, async (request) => {
    const accountId = actingAccount(request).id;
    return db.transaction().execute((tx) => voidLabel(tx, accountId, request.body.shipmentId, clock.now()));
  });

  app.get<{ Querystring: Record<string, string | number | boolean | undefined> & { page: number; pageSize: number; sortBy: 'ShipDate' | 'CreateDate'; includeShipmentItems: boolean } }>(
    '/shipments',
    { schema: { tags: ['v1 shipments'], querystring: listShipmentsQuery } },
    async (request) => {
      const q = request.query;
      const accountId = actingAccount(request).id;
      const day = (value: unknown, field: string) => (typeof value === 'string' ? instant(value, field)?.slice(0, 10) : undefined);
      const { rows, total } = await listV1Shipments(db, accountId, {
        recipientName: q.recipientName as string | undefined,
        recipientCountryCode: q.recipientCountryCode as string | undefined,
        orderNumber: q.orderNumber as string | undefined,
        orderId: q.orderId as number | undefined,
        carrierCode: q.carrierCode as string | undefined,
        serviceCode: q.serviceCode as string | undefined,
        trackingNumber: q.trackingNumber as string | undefined,
        createDateStart: instant(q.createDateStart as string | undefined, 'createDateStart'),
        createDateEnd: instant(q.createDateEnd as string | undefined, 'createDateEnd'),
        shipDateStart: day(q.shipDateStart, 'shipDateStart'),
        shipDateEnd: day(q.shipDateEnd, 'shipDateEnd'),
        voidDateStart: instant(q.voidDateStart as string | undefined, 'voidDateStart'),
        voidDateEnd: instant(q.voidDateEnd as string | undefined, 'voidDateEnd'),
        storeId: q.storeId as number | undefined,
        batchId: q.batchId as string | undefined,
        sortBy: q.sortBy,
        sortDir: String(q.sortDir ?? 'ASC').toLowerCase() === 'desc' ? 'desc' : 'asc',
        offset: (q.page - 1) * q.pageSize,
        limit: q.pageSize,
      });
      const shipments = await Promise.all(
        rows.map(async (row) => toV1Shipment(row.label, await orderFacts(db, accountId, row.orderId, row.warehouseId, q.includeShipmentItems))),
      );
      return { shipments, total, page: q.page, pages: Math.ceil(total / q.pageSize) };
    },
  );
};
