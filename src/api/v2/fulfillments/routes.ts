// GET/POST /v2/fulfillments: shipments marked shipped outside Shipdock (V1 fulfillments seen by shipment).
import type { Fulfillment } from '../../../domain/fulfillments/fulfillments.ts';
import { listFulfillments } from '../../../domain/fulfillments/fulfillments.ts';
import { fulfillShipment, orderOfShipment, shipmentsOfOrders } from '../../../domain/fulfillments/shipments.ts';
import { DomainError } from '../../../domain/errors.ts';
import type { OrderAddress } from '../../../domain/orders/types.ts';
import { actingAccount } from '../../common/context.ts';
import { parseSeId, seId } from '../../common/ids.ts';
import type { SurfacePlugin } from '../shared/plugin.ts';
import { envelope, windowOf } from '../inventory/list.ts';

const dateTime = { type: 'string', format: 'date-time' } as const;
const listQuery = {
  type: 'object',
  properties: {
    page: { type: 'integer', minimum: 1, maximum: 10_000_000, default: 1 },
    page_size: { type: 'integer', minimum: 1, maximum: 500, default: 25 },
    sort_dir: { type: 'string', enum: ['asc', 'desc'], default: 'asc' },
    sort_by: { type: 'string', enum: ['created_at', 'ship_date'], default: 'created_at' },
    ship_to_name: { type: 'string', maxLength: 200 },
    ship_to_country_code: { type: 'string', maxLength: 2 },
    shipment_number: { type: 'string', maxLength: 200 },
    shipment_id: { type: 'string', maxLength: 40 },
    fulfillment_id: { type: 'string', maxLength: 40 },
    batch_id: { type: 'string', maxLength: 40 },
    order_source_id: { type: 'string', maxLength: 40 },
    fulfillment_provider_code: { type: 'string', maxLength: 50 },
    tracking_number: { type: 'string', maxLength: 100 },
    ship_date_start: dateTime,
    ship_date_end: dateTime,
    create_date_start: dateTime,
    create_date_end: dateTime,
  },
} as const;

const createBody = {
  type: 'object',
  required: ['fulfillments'],
  properties: {
    fulfillments: {
      type: 'array',
      minItems: 1,
      maxItems: 100,
      items: {
        type: 'object',
        required: ['shipment_id', 'tracking_number', 'carrier_code'],
        properties: {
          shipment_id: { type: 'string', minLength: 1, maxLength: 40 },
          tracking_number: { type: 'string', minLength: 1, maxLength: 100 },
          carrier_code: { type: 'string', minLength: 1, maxLength: 50 },
          ship_date: dateTime,
          notify_customer: { type: 'boolean' },
          notify_order_source: { type: 'boolean' },
        },
      },
    },
  },
} as const;

type ListQuery = {
  page: number;
  page_size: number;
  sort_dir: 'asc' | 'desc';
  sort_by: 'created_at' | 'ship_date';
  ship_to_name?: string;
  ship_to_country_code?: string;
  shipment_number?: string;
  shipment_id?: string;
  fulfillment_id?: string;
  fulfillment_provider_code?: string;
  tracking_number?: string;
  ship_date_start?: string;
  ship_date_end?: string;
  create_date_start?: string;
  create_date_end?: string;
};
type CreateItem = { shipment_id: string; tracking_number: string; carrier_code: string; ship_date?: string; notify_customer?: boolean; notify_order_source?: boolean };

const toV2ShipTo = (a: OrderAddress) => ({
  instructions: null,
  name: a.name ?? '',
  phone: a.phone ?? '',
  email: null,
  company_name: a.company ?? null,
  address_line1: a.street1 ?? '',
  address_line2: a.street2 ?? null,
  address_line3: a.street3 ?? null,
  city_locality: a.city ?? '',
  state_province: a.state ?? '',
  postal_code: a.postalCode ?? '',
  country_code: a.country ?? '',
  address_residential_indicator: a.residential === true ? 'yes' : a.residential === false ? 'no' : 'unknown',
});

const CARRIER_NAMES: Record<string, string> = { ups: 'UPS', fedex: 'FedEx', usps: 'USPS', stamps_com: 'USPS', dhl_express: 'DHL Express', ontrac: 'OnTrac', canada_post: 'Canada Post' };

function toV2Fulfillment(f: Fulfillment, shipment: { id: number; shipmentNumber: string | null } | undefined) {
  return {
    fulfillment_id: seId(f.id),
    shipment_id: shipment ? seId(shipment.id) : null,
    shipment_number: shipment?.shipmentNumber ?? f.orderNumber,
    user_id: f.userId,
    tracking_number: f.trackingNumber,
    created_at: f.createdAt,
    ship_date: `${f.shipDate}T00:00:00Z`,
    voided_at: null,
    delivered_at: null,
    fulfillment_carrier_friendly_name: CARRIER_NAMES[f.carrierCode.toLowerCase()] ?? f.carrierCode,
    fulfillment_provider_id: null,
    fulfillment_provider_friendly_name: 'External',
    fulfillment_provider_code: 'external',
    fulfillment_service_code: 'ext',
    fulfillment_fee: { currency: 'usd', amount: 0 },
    void_requested: false,
    voided: false,
    order_source_notified: f.marketplaceNotified,
    notification_error_message: null,
    ship_to: toV2ShipTo(f.shipTo),
  };
}

export const fulfillmentRoutes: SurfacePlugin = async (app) => {
  const { db } = app.ctx.database;
  const clock = app.ctx.clock;

  app.get<{ Querystring: ListQuery }>('/fulfillments', { schema: { tags: ['fulfillments'], querystring: listQuery } }, async (request) => {
    const accountId = actingAccount(request).id;
    const q = request.query;
    const w = windowOf(q);
    const empty = () => envelope(request, app.ctx.config.publicUrl, 'fulfillments', [], 0, w);
    // Every Shipdock fulfillment is an external one: another provider code matches none.
    if (q.fulfillment_provider_code && q.fulfillment_provider_code !== 'external') return empty();
    let orderId: number | undefined;
    if (q.shipment_id) {
      const id = parseSeId(q.shipment_id);
      const found = id === null ? null : await orderOfShipment(db, accountId, id);
      if (found === null) return empty();
      orderId = found;
    }
    let fulfillmentId: number | undefined;
    if (q.fulfillment_id) {
      const id = parseSeId(q.fulfillment_id);
      if (id === null) return empty();
      fulfillmentId = id;
    }
    const { fulfillments, total } = await listFulfillments(
      db,
      accountId,
      {
        fulfillmentId,
        orderId,
        orderNumber: q.shipment_number,
        trackingNumber: q.tracking_number,
        recipientName: q.ship_to_name,
        createdFrom: q.create_date_start ? new Date(q.create_date_start).toISOString() : undefined,
        createdTo: q.create_date_end ? new Date(q.create_date_end).toISOString() : undefined,
        shipDateFrom: q.ship_date_start?.slice(0, 10),
        shipDateTo: q.ship_date_end?.slice(0, 10),
      },
      { by: q.sort_by, dir: q.sort_dir },
      w,
    );
    const shipments = await shipmentsOfOrders(db, accountId, [...new Set(fulfillments.map((f) => f.orderId))]);
    let items = fulfillments.map((f) => toV2Fulfillment(f, shipments.get(f.orderId)));
    if (q.ship_to_country_code) items = items.filter((f) => f.ship_to.country_code.toUpperCase() === q.ship_to_country_code!.toUpperCase());
    return envelope(request, app.ctx.config.publicUrl, 'fulfillments', items, q.ship_to_country_code ? items.length : total, w);
  });

  // Partial success: each fulfillment in its own transaction; failures are reported, not thrown.
  app.post<{ Body: { fulfillments: CreateItem[] } }>('/fulfillments', { schema: { tags: ['fulfillments'], body: createBody } }, async (request) => {
    const accountId = actingAccount(request).id;
    const results = [];
    for (const item of request.body.fulfillments) {
      const now = clock.nowIso();
      try {
        const shipmentId = parseSeId(item.shipment_id);
        if (shipmentId === null) throw new DomainError('not_found', `shipment ${item.shipment_id} was not found`);
        const fulfillment = await db.transaction().execute((tx) =>
          fulfillShipment(
            tx,
            accountId,
            {
              shipmentId,
              trackingNumber: item.tracking_number.trim(),
              carrierCode: item.carrier_code.trim(),
              shipDate: item.ship_date ? new Date(item.ship_date).toISOString().slice(0, 10) : now.slice(0, 10),
              notifyCustomer: item.notify_customer === true,
              notifyOrderSource: item.notify_order_source === true,
            },
            now,
          ),
        );
        const shipments = await shipmentsOfOrders(db, accountId, [fulfillment.orderId]);
        results.push({ ...toV2Fulfillment(fulfillment, shipments.get(fulfillment.orderId)), error_message: null });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        results.push({ shipment_id: item.shipment_id, tracking_number: item.tracking_number, carrier_code: item.carrier_code, error_message: error.message });
      }
    }
    return { has_errors: results.some((r) => r.error_message !== null), fulfillments: results };
  });
};
