// /v2/purchase_orders (Inventory API add-on): create, edit (drafts), status, shipping details,
// receives (stock in at the PO's cost) and the two PDF documents.
import * as pos from '../../../domain/purchase-orders/purchase-orders.ts';
import { renderOrderSummary, renderReceivedSummary } from '../../../domain/purchase-orders/documents.ts';
import { getSupplier } from '../../../domain/suppliers/suppliers.ts';
import { getWarehouse } from '../../../domain/warehouses/warehouses.ts';
import { actingAccount } from '../../common/context.ts';
import { rowIdOf } from '../shared/path-ids.ts';
import type { SurfacePlugin } from '../shared/plugin.ts';
import { envelope, windowOf, type ListPaging } from '../inventory/list.ts';
import { fromV2PurchaseOrder, toV2PurchaseOrder, type V2PoBody } from './mapper.ts';
import { listQuery, params, poBody, receivesBody, shippingDetailsBody, statusBody } from './schemas.ts';

type Params = { purchase_order_id: string };
type ListQuery = ListPaging & { order_number?: string; status?: pos.PoStatus; warehouse_id?: string; reference_number?: string; create_date_start?: string };
type Receives = {
  product_receives: { sku: string; inventory_location_id: string; received_quantity?: number; rejected_quantity?: number; lot?: string; expiration_date?: string }[];
};

export const purchaseOrderRoutes: SurfacePlugin = async (app) => {
  const { db } = app.ctx.database;
  const now = () => app.ctx.clock.nowIso();
  const tags = ['purchase_orders'];
  const id = (p: Params) => rowIdOf(p.purchase_order_id, 'purchase order');
  const write = <T>(fn: (tx: typeof db) => Promise<T>) => db.transaction().execute(fn);

  app.get<{ Querystring: ListQuery }>('/purchase_orders', { schema: { tags, querystring: listQuery } }, async (request) => {
    const q = request.query;
    const w = windowOf(q, 50);
    const { items, total } = await pos.listPurchaseOrders(
      db,
      actingAccount(request).id,
      {
        orderNumber: q.order_number,
        status: q.status,
        warehouseId: q.warehouse_id ? rowIdOf(q.warehouse_id, 'warehouse') : undefined,
        referenceNumber: q.reference_number,
        createdFrom: q.create_date_start ? new Date(q.create_date_start).toISOString() : undefined,
      },
      w,
    );
    return envelope(request, app.ctx.config.publicUrl, 'purchase_orders', items.map(toV2PurchaseOrder), total, w);
  });

  app.post<{ Body: V2PoBody }>('/purchase_orders', { schema: { tags, body: poBody } }, async (request) => {
    const accountId = actingAccount(request).id;
    const input = fromV2PurchaseOrder(request.body);
    return toV2PurchaseOrder(await write((tx) => pos.createPurchaseOrder(tx, accountId, input, now())));
  });

  app.get<{ Params: Params }>('/purchase_orders/:purchase_order_id', { schema: { tags, params } }, async (request) =>
    toV2PurchaseOrder(await pos.getPurchaseOrder(db, actingAccount(request).id, id(request.params))),
  );

  app.put<{ Params: Params; Body: V2PoBody }>('/purchase_orders/:purchase_order_id', { schema: { tags, params, body: poBody } }, async (request) => {
    const accountId = actingAccount(request).id;
    const poId = id(request.params);
    const input = fromV2PurchaseOrder(request.body);
    return toV2PurchaseOrder(await write((tx) => pos.updatePurchaseOrder(tx, accountId, poId, input, now())));
  });

  app.post<{ Params: Params; Body: { status: pos.PoStatus } }>('/purchase_orders/:purchase_order_id/status', { schema: { tags, params, body: statusBody } }, async (request) => {
    const accountId = actingAccount(request).id;
    const poId = id(request.params);
    return toV2PurchaseOrder(await write((tx) => pos.setPurchaseOrderStatus(tx, accountId, poId, request.body.status, now())));
  });

  app.post<{ Params: Params; Body: { shipping_carrier?: string | null; tracking_number?: string | null; expected_delivery_date?: string | null } }>(
    '/purchase_orders/:purchase_order_id/shipping_details',
    { schema: { tags, params, body: shippingDetailsBody } },
    async (request) => {
      const accountId = actingAccount(request).id;
      const poId = id(request.params);
      const b = request.body;
      const input = {
        shippingCarrier: b.shipping_carrier,
        trackingNumber: b.tracking_number,
        expectedDeliveryDate: b.expected_delivery_date ? new Date(b.expected_delivery_date).toISOString() : b.expected_delivery_date,
      };
      return toV2PurchaseOrder(await write((tx) => pos.updateShippingDetails(tx, accountId, poId, input, now())));
    },
  );

  app.post<{ Params: Params; Body: Receives }>('/purchase_orders/:purchase_order_id/receives', { schema: { tags, params, body: receivesBody } }, async (request) => {
    const accountId = actingAccount(request).id;
    const poId = id(request.params);
    const receipts = request.body.product_receives.map((r) => ({
      sku: r.sku,
      locationId: rowIdOf(r.inventory_location_id, 'inventory location'),
      receivedQuantity: r.received_quantity ?? 0,
      rejectedQuantity: r.rejected_quantity ?? 0,
      lot: r.lot ?? null,
      expirationDate: r.expiration_date ? new Date(r.expiration_date).toISOString() : null,
    }));
    return toV2PurchaseOrder(await write((tx) => pos.receivePurchaseOrder(tx, accountId, poId, receipts, now())));
  });

  for (const kind of ['order_summary', 'received_summary'] as const) {
    app.get<{ Params: Params }>(`/purchase_orders/:purchase_order_id/documents/${kind}`, { schema: { tags, params } }, async (request, reply) => {
      const accountId = actingAccount(request).id;
      const po = await pos.getPurchaseOrder(db, accountId, id(request.params));
      const supplier = await getSupplier(db, accountId, po.supplierId);
      const warehouse = await getWarehouse(db, accountId, po.warehouseId);
      let pdf: Buffer;
      if (kind === 'order_summary') pdf = await renderOrderSummary(po, supplier, warehouse);
      else {
        const ids = [...new Set(po.receipts.map((r) => r.locationId))];
        const locations = ids.length ? await db.selectFrom('inventory_locations').select(['id', 'name']).where('account_id', '=', accountId).where('id', 'in', ids).execute() : [];
        pdf = await renderReceivedSummary(po, supplier, warehouse, new Map(locations.map((l) => [l.id, l.name])));
      }
      return reply.type('application/pdf').header('content-disposition', `inline; filename="${kind}-${po.orderNumber}.pdf"`).send(pdf);
    });
  }
};
