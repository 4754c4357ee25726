// Orders: ShipStation-style status tabs, search and paging; the order page with its actions.
// Every action calls the domain (orders, rates, labels) in one transaction, never the HTTP API.
import type { FastifyPluginAsync } from 'fastify';
import type { Executor } from '../../db/index.ts';
import { DomainError } from '../../domain/errors.ts';
import { purchaseLabel } from '../../domain/labels/purchase.ts';
import type { LabelOptions } from '../../domain/labels/types.ts';
import { cancelOrder, holdOrderUntil, markAsShipped, restoreFromHold } from '../../domain/orders/actions.ts';
import { listOrders, type OrderFilter } from '../../domain/orders/list.ts';
import { getOrder } from '../../domain/orders/store.ts';
import type { OrderStatus } from '../../domain/orders/types.ts';
import { findRate, latestRateResponse, rateShipment } from '../../domain/rates/shop.ts';
import { listCarriers } from '../../domain/carriers/connections.ts';
import { resolveShipFrom } from '../../domain/shipments/resolve.ts';
import { findShipmentByOrder } from '../../domain/shipments/store.ts';
import type { Shipment } from '../../domain/shipments/types.ts';
import { listTags } from '../../domain/tags/tags.ts';
import { field, formAction, idParam, render } from '../render.ts';
import { accountId, BASE } from '../session.ts';

export const ORDER_TABS: { status: OrderStatus; label: string }[] = [
  { status: 'awaiting_payment', label: 'Awaiting payment' },
  { status: 'awaiting_shipment', label: 'Awaiting shipment' },
  { status: 'on_hold', label: 'On hold' },
  { status: 'shipped', label: 'Shipped' },
  { status: 'cancelled', label: 'Cancelled' },
];
export const PAGE_SIZE = 25;
const SEARCH_BY = { number: 'Order number', name: 'Customer name', sku: 'SKU or item' } as const;

/** Labels bought from the dashboard: a 4x6 PDF (PNG and ZPL renders are available for download too). */
export const DASHBOARD_LABEL: LabelOptions = {
  labelFormat: 'pdf',
  labelLayout: '4x6',
  downloadType: 'url',
  displayScheme: 'label',
  testLabel: false,
  chargeEvent: 'carrier_default',
  rmaNumber: null,
};

async function orderShipment(ex: Executor, account: number, orderId: number): Promise<Shipment> {
  const shipment = await findShipmentByOrder(ex, account, orderId);
  if (!shipment) throw new DomainError('business_rules', `Order ${orderId} has no shipment to rate or label.`);
  // Orders may leave ship-from to the default warehouse.
  return shipment.shipFrom ? shipment : { ...shipment, ...(await resolveShipFrom(ex, account, shipment)) };
}

export const orderRoutes: FastifyPluginAsync = async (app) => {
  const ctx = app.ctx;
  const db = ctx.database.db;
  const now = () => ctx.clock.nowIso();

  app.get<{ Querystring: Record<string, string | undefined> }>('/orders', async (request, reply) => {
    const q = request.query;
    const status = ORDER_TABS.find((tab) => tab.status === q.status)?.status ?? 'awaiting_shipment';
    const search = (q.q ?? '').trim().slice(0, 100);
    const by = (q.by && q.by in SEARCH_BY ? q.by : 'number') as keyof typeof SEARCH_BY;
    const page = Math.max(1, Math.min(10_000, Number.parseInt(q.page ?? '1', 10) || 1));
    const filter: OrderFilter = { status };
    if (search) {
      if (by === 'number') filter.orderNumber = search;
      else if (by === 'name') filter.customerName = search;
      else filter.itemKeyword = search;
    }
    const { orders, total } = await listOrders(db, accountId(request), filter, { by: 'order_date', dir: 'desc' }, { offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE });
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    const link = (p: number) => `${BASE}/orders?${new URLSearchParams({ status, ...(search ? { q: search, by } : {}), page: String(p) })}`;
    return render(request, reply, 'orders/list', {
      title: 'Orders',
      nav: 'orders',
      tabs: ORDER_TABS,
      status,
      search,
      by,
      searchBy: SEARCH_BY,
      orders,
      total,
      page,
      pages,
      prev: page > 1 ? link(page - 1) : null,
      next: page < pages ? link(page + 1) : null,
    });
  });

  app.get<{ Params: { id: string } }>('/orders/:id', async (request, reply) => {
    const account = accountId(request);
    const order = await getOrder(db, account, idParam(request.params.id));
    const shipment = await findShipmentByOrder(db, account, order.id);
    const rates = shipment ? await latestRateResponse(db, account, shipment.id) : null;
    const tags = (await listTags(db, account)).filter((t) => order.tagIds.includes(t.id));
    const labels = shipment
      ? await db.selectFrom('labels').select(['id', 'status', 'tracking_number', 'carrier_code', 'service_code', 'cost_cents', 'created_at']).where('account_id', '=', account).where('shipment_id', '=', shipment.id).orderBy('id', 'desc').execute()
      : [];
    const carriers = await listCarriers(db, account);
    return render(request, reply, 'orders/show', {
      title: `Order ${order.orderNumber}`,
      nav: 'orders',
      order,
      statusLabel: ORDER_TABS.find((t) => t.status === order.status)?.label ?? order.status,
      shipment,
      rates: rates && rates.rates.length + rates.invalidRates.length > 0 ? rates : null,
      tags,
      labels,
      carriers,
      open: order.status !== 'shipped' && order.status !== 'cancelled',
      today: now().slice(0, 10),
    });
  });

  const back = (id: string) => `${BASE}/orders/${encodeURIComponent(id)}`;

  app.post<{ Params: { id: string } }>('/orders/:id/rates', async (request, reply) =>
    formAction(request, reply, back(request.params.id), async () => {
      const account = accountId(request);
      const id = idParam(request.params.id);
      const result = await db.transaction().execute(async (tx) => {
        const order = await getOrder(tx, account, id);
        if (order.status === 'shipped' || order.status === 'cancelled') throw new DomainError('business_rules', `Order ${order.orderNumber} is ${order.status}; only open orders are rated.`);
        const shipment = await orderShipment(tx, account, id);
        return rateShipment(tx, account, shipment, {}, now(), shipment.id);
      });
      if (result.rates.length === 0) {
        throw new DomainError('business_rules', `No carrier can ship this order as it is: ${result.invalidRates.map((r) => r.messages.join(' ')).filter(Boolean)[0] ?? 'check its weight and addresses'}.`);
      }
      return `${result.rates.length} rates across ${new Set(result.rates.map((r) => r.carrierId)).size} carriers.`;
    }),
  );

  app.post<{ Params: { id: string }; Body: Record<string, string> }>('/orders/:id/label', async (request, reply) =>
    formAction(request, reply, back(request.params.id), async () => {
      const account = accountId(request);
      const id = idParam(request.params.id);
      const rateId = Number(field(request.body, 'rate_id'));
      const label = await db.transaction().execute(async (tx) => {
        const order = await getOrder(tx, account, id);
        if (order.status === 'shipped' || order.status === 'cancelled') throw new DomainError('business_rules', `Order ${order.orderNumber} is ${order.status}; only open orders get a label.`);
        const shipment = await orderShipment(tx, account, id);
        const rate = Number.isInteger(rateId) && rateId > 0 ? await findRate(tx, account, rateId) : null;
        if (!rate || rate.shipmentId !== shipment.id) throw new DomainError('validation', 'Choose one of the rates shown for this order.');
        return purchaseLabel(tx, account, { shipment, rate, options: DASHBOARD_LABEL }, now());
      });
      return { message: `Label bought: ${label.trackingNumber}.`, to: `${BASE}/shipments/${label.id}` };
    }),
  );

  app.post<{ Params: { id: string }; Body: Record<string, string> }>('/orders/:id/hold', async (request, reply) =>
    formAction(request, reply, back(request.params.id), async () => {
      const until = field(request.body, 'until');
      if (!/^\d{4}-\d{2}-\d{2}$/.test(until) || Number.isNaN(Date.parse(until))) throw new DomainError('validation', 'Choose the date to hold the order until.');
      if (until <= now().slice(0, 10)) throw new DomainError('validation', 'The hold date must be after today.');
      await db.transaction().execute((tx) => holdOrderUntil(tx, accountId(request), idParam(request.params.id), `${until}T00:00:00.000Z`, now()));
      return `Order on hold until ${until}.`;
    }),
  );

  app.post<{ Params: { id: string } }>('/orders/:id/restore', async (request, reply) =>
    formAction(request, reply, back(request.params.id), async () => {
      await db.transaction().execute((tx) => restoreFromHold(tx, accountId(request), idParam(request.params.id), now()));
      return 'Order restored to awaiting shipment.';
    }),
  );

  app.post<{ Params: { id: string }; Body: Record<string, string> }>('/orders/:id/ship', async (request, reply) =>
    formAction(request, reply, back(request.params.id), async () => {
      const account = accountId(request);
      const carrierCode = field(request.body, 'carrier_code');
      const carriers = await listCarriers(db, account);
      if (!carriers.some((c) => c.carrierCode === carrierCode)) throw new DomainError('validation', 'Choose one of your carriers.');
      const shipDate = field(request.body, 'ship_date') || now().slice(0, 10);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(shipDate)) throw new DomainError('validation', 'The ship date must be a date.');
      await db.transaction().execute((tx) =>
        markAsShipped(tx, account, idParam(request.params.id), { carrierCode, shipDate, trackingNumber: field(request.body, 'tracking_number').slice(0, 100) || null, notifyCustomer: false, notifySalesChannel: false }, now()),
      );
      return 'Order marked as shipped.';
    }),
  );

  app.post<{ Params: { id: string } }>('/orders/:id/cancel', async (request, reply) =>
    formAction(request, reply, back(request.params.id), async () => {
      await db.transaction().execute((tx) => cancelOrder(tx, accountId(request), idParam(request.params.id), now()));
      return 'Order cancelled.';
    }),
  );
};
