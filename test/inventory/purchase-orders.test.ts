import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/server.ts';
import { createAccount } from '../../src/domain/accounts/accounts.ts';
import { createApiKey } from '../../src/domain/accounts/keys.ts';
import { pdfText, requireTool, scratchDir, rasterisePdf } from '../documents/document-tools.ts';
import { call, increment, ledgerSum, level, makePlaces } from './helpers.ts';

const origin = { name: 'Dock', phone: '512-555-0100', address_line1: '500 W 2nd St', city_locality: 'Austin', state_province: 'TX', postal_code: '78701', country_code: 'US' };

describe('suppliers and purchase orders', () => {
  let t: TestApp;
  let warehouseId: string;
  let locationId: string;
  let supplierId: string;
  before(async () => {
    t = await startTestApp();
    warehouseId = (await t.api('v2', 'POST', '/v2/warehouses', { name: 'Receiving dock', origin_address: origin })).json().warehouse_id;
    locationId = (await makePlaces(t, 'Inbound')).locationId;
    const res = await call(t, 'POST', '/v2/suppliers', { supplier_name: 'Acme Widgets Inc', supplier_email: 'orders@acmewidgets.com', city: 'Austin', country_code: 'us' });
    assert.equal(res.statusCode, 200, res.body);
    supplierId = res.json().supplier_id;
  });
  after(() => t.close());

  const newPo = async (products = [{ sku: 'WIDGET-001', supplier_sku: 'SUPP-W1', quantity: 100, cost: 9.99 }, { sku: 'GADGET-9', quantity: 10, cost: 4 }]) => {
    const res = await call(t, 'POST', '/v2/purchase_orders', {
      supplier_id: supplierId, warehouse_id: warehouseId, order_date: '2025-01-15T00:00:00Z', expected_delivery_date: '2025-02-01T00:00:00Z',
      payment_terms: 'net_30', payment_status: 'unpaid', currency_code: 'USD', reference_number: 'REF-12345', note_to_supplier: 'Please expedite delivery', products,
    });
    assert.equal(res.statusCode, 200, res.body);
    return res.json();
  };

  test('suppliers: create (docs example), get, update, list by name; names are unique', async () => {
    const got = (await call(t, 'GET', `/v2/suppliers/${supplierId}`)).json();
    assert.equal(got.supplier_name, 'Acme Widgets Inc');
    assert.equal(got.country_code, 'US');
    assert.equal((await call(t, 'PUT', `/v2/suppliers/${supplierId}`, { contact_name: 'John Doe', contact_phone: '512-555-0100' })).statusCode, 204);
    const updated = (await call(t, 'GET', `/v2/suppliers/${supplierId}`)).json();
    assert.equal(updated.contact_name, 'John Doe');
    assert.equal(updated.supplier_email, 'orders@acmewidgets.com', 'fields left out are kept');
    const dup = await call(t, 'POST', '/v2/suppliers', { supplier_name: 'Acme Widgets Inc' });
    assert.equal(dup.statusCode, 409);
    await call(t, 'POST', '/v2/suppliers', { supplier_name: 'Beta Parts' });
    const list = (await call(t, 'GET', '/v2/suppliers?supplier_name=Beta%20Parts')).json();
    assert.equal(list.total, 1);
    assert.equal(list.suppliers[0].supplier_name, 'Beta Parts');
    assert.equal((await call(t, 'GET', '/v2/suppliers?page_size=1')).json().pages, 2);
    assert.equal((await call(t, 'POST', '/v2/suppliers', { supplier_email: 'not-an-email' })).statusCode, 400);
    assert.equal((await call(t, 'GET', '/v2/suppliers/se-999999')).statusCode, 404);
  });

  test('create, get, list, edit while draft; the lifecycle refuses what the docs refuse', async () => {
    const po = await newPo();
    assert.equal(po.status, 'draft');
    assert.match(po.order_number, /^\d{8}-\d{2}$/);
    assert.equal(po.supplier_name, 'Acme Widgets Inc');
    assert.equal(po.products[0].cost, 9.99);
    assert.equal(po.total_cost.amount, 1039);
    assert.equal((await call(t, 'GET', `/v2/purchase_orders/${po.purchase_order_id}`)).json().reference_number, 'REF-12345');
    const edited = await call(t, 'PUT', `/v2/purchase_orders/${po.purchase_order_id}`, { supplier_id: supplierId, warehouse_id: warehouseId, products: [{ sku: 'WIDGET-001', quantity: 50, cost: 10 }] });
    assert.equal(edited.statusCode, 200, edited.body);
    assert.equal(edited.json().products.length, 1);
    assert.equal((await call(t, 'POST', `/v2/purchase_orders/${po.purchase_order_id}/shipping_details`, { tracking_number: 'X' })).statusCode, 400, 'drafts have no shipping details');
    assert.equal((await call(t, 'POST', `/v2/purchase_orders/${po.purchase_order_id}/status`, { status: 'open' })).json().status, 'open');
    const put = await call(t, 'PUT', `/v2/purchase_orders/${po.purchase_order_id}`, { supplier_id: supplierId, warehouse_id: warehouseId, products: [{ sku: 'X', quantity: 1 }] });
    assert.equal(put.statusCode, 400);
    assert.match(put.json().errors[0].message, /draft/);
    const shipping = await call(t, 'POST', `/v2/purchase_orders/${po.purchase_order_id}/shipping_details`, { shipping_carrier: 'UPS', tracking_number: '1Z12345E1234567890' });
    assert.equal(shipping.json().tracking_number, '1Z12345E1234567890');
    assert.equal((await call(t, 'POST', `/v2/purchase_orders/${po.purchase_order_id}/status`, { status: 'received' })).statusCode, 400, 'received follows receipts');
    const list = (await call(t, 'GET', `/v2/purchase_orders?status=open`)).json();
    assert.ok(list.purchase_orders.some((p: { purchase_order_id: string }) => p.purchase_order_id === po.purchase_order_id));
    assert.equal((await call(t, 'GET', `/v2/purchase_orders?order_number=${po.order_number}`)).json().total, 1);
    const cancelled = await newPo();
    assert.equal((await call(t, 'POST', `/v2/purchase_orders/${cancelled.purchase_order_id}/status`, { status: 'cancelled' })).statusCode, 200);
    assert.equal((await call(t, 'POST', `/v2/purchase_orders/${cancelled.purchase_order_id}/status`, { status: 'open' })).statusCode, 400);
    assert.equal((await call(t, 'POST', '/v2/purchase_orders', { supplier_id: 'se-999999', warehouse_id: warehouseId, products: [{ sku: 'A', quantity: 1 }] })).statusCode, 404);
    assert.equal((await call(t, 'POST', '/v2/purchase_orders', { supplier_id: supplierId, warehouse_id: warehouseId, products: [] })).statusCode, 400);
  });

  test('receives add stock at the PO cost (weighted average), move the status, and refuse over-receiving', async () => {
    await increment(t, locationId, 'WIDGET-001', 100, 8);
    const po = await newPo();
    const draftReceive = await call(t, 'POST', `/v2/purchase_orders/${po.purchase_order_id}/receives`, { product_receives: [{ sku: 'WIDGET-001', inventory_location_id: locationId, received_quantity: 1 }] });
    assert.equal(draftReceive.statusCode, 400, 'drafts are not received');
    await call(t, 'POST', `/v2/purchase_orders/${po.purchase_order_id}/status`, { status: 'open' });
    const first = await call(t, 'POST', `/v2/purchase_orders/${po.purchase_order_id}/receives`, {
      product_receives: [{ sku: 'WIDGET-001', inventory_location_id: locationId, received_quantity: 95, rejected_quantity: 5, lot: 'LOT-7', expiration_date: '2027-01-01T00:00:00Z' }],
    });
    assert.equal(first.statusCode, 200, first.body);
    assert.equal(first.json().status, 'receiving');
    assert.equal(first.json().products[0].received_quantity, 95);
    assert.equal(first.json().products[0].rejected_quantity, 5);
    const widget = (await level(t, 'WIDGET-001', locationId))!;
    assert.equal(widget.on_hand, 195);
    assert.equal(widget.average_cost.amount, Math.round(((100 * 800 + 95 * 999) / 195)) / 100);
    const over = await call(t, 'POST', `/v2/purchase_orders/${po.purchase_order_id}/receives`, { product_receives: [{ sku: 'GADGET-9', inventory_location_id: locationId, received_quantity: 11 }] });
    assert.equal(over.statusCode, 400);
    assert.match(over.json().errors[0].message, /only 10/);
    const unknown = await call(t, 'POST', `/v2/purchase_orders/${po.purchase_order_id}/receives`, { product_receives: [{ sku: 'NOPE', inventory_location_id: locationId, received_quantity: 1 }] });
    assert.equal(unknown.statusCode, 400);
    const zero = await call(t, 'POST', `/v2/purchase_orders/${po.purchase_order_id}/receives`, { product_receives: [{ sku: 'GADGET-9', inventory_location_id: locationId }] });
    assert.equal(zero.statusCode, 400);
    const last = await call(t, 'POST', `/v2/purchase_orders/${po.purchase_order_id}/receives`, { product_receives: [{ sku: 'GADGET-9', inventory_location_id: locationId, received_quantity: 10 }] });
    assert.equal(last.json().status, 'received');
    assert.equal((await level(t, 'GADGET-9', locationId))!.average_cost.amount, 4);
    const entries = await t.ctx.database.db.selectFrom('inventory_transactions').selectAll().where('sku', '=', 'WIDGET-001').where('transaction_type', '=', 'receive').execute();
    assert.equal(entries.length, 1);
    assert.equal(entries[0].lot, 'LOT-7');
    assert.equal((await ledgerSum(t, 'WIDGET-001')).onHand, 195);
    assert.equal((await call(t, 'POST', `/v2/purchase_orders/${po.purchase_order_id}/status`, { status: 'closed' })).json().status, 'closed');
  });

  test('order_summary and received_summary are real PDFs with the order\'s lines', async (ctx) => {
    const po = await newPo();
    await call(t, 'POST', `/v2/purchase_orders/${po.purchase_order_id}/status`, { status: 'open' });
    await call(t, 'POST', `/v2/purchase_orders/${po.purchase_order_id}/receives`, { product_receives: [{ sku: 'GADGET-9', inventory_location_id: locationId, received_quantity: 7, rejected_quantity: 1 }] });
    const summary = await call(t, 'GET', `/v2/purchase_orders/${po.purchase_order_id}/documents/order_summary`);
    assert.equal(summary.statusCode, 200);
    assert.equal(summary.headers['content-type'], 'application/pdf');
    assert.equal(summary.rawPayload.subarray(0, 5).toString(), '%PDF-');
    const received = await call(t, 'GET', `/v2/purchase_orders/${po.purchase_order_id}/documents/received_summary`);
    assert.equal(received.statusCode, 200);
    if (!requireTool(ctx, 'pdftotext', 'poppler-utils')) return;
    const dir = scratchDir(ctx);
    const text = pdfText(summary.rawPayload, dir);
    for (const needle of ['Purchase Order', po.order_number, 'Acme Widgets Inc', 'WIDGET-001', 'SUPP-W1', '$9.99', '$999.00', 'Receiving dock', 'Please expedite delivery']) {
      assert.ok(text.includes(needle), `order summary shows ${needle}`);
    }
    const receivedText = pdfText(received.rawPayload, dir);
    assert.match(receivedText, /GADGET-9\s+10\s+7\s+1\s+2/);
    assert.ok(receivedText.includes('Inbound A-1'));
    assert.ok(rasterisePdf(received.rawPayload, dir).length >= 1);
  });

  test('another account sees none of it', async () => {
    const po = await newPo();
    const now = t.ctx.clock.nowIso();
    const other = await createAccount(t.ctx.database.db, { plan: 'standard', addons: ['inventory_api'] }, now);
    const key = { 'api-key': (await createApiKey(t.ctx.database.db, { accountId: other.id }, now)).apiKey };
    assert.equal((await call(t, 'GET', `/v2/purchase_orders/${po.purchase_order_id}`, undefined, key)).statusCode, 404);
    assert.equal((await call(t, 'GET', `/v2/purchase_orders/${po.purchase_order_id}/documents/order_summary`, undefined, key)).statusCode, 404);
    assert.equal((await call(t, 'POST', `/v2/purchase_orders/${po.purchase_order_id}/status`, { status: 'open' }, key)).statusCode, 404);
    assert.equal((await call(t, 'GET', `/v2/suppliers/${supplierId}`, undefined, key)).statusCode, 404);
    assert.equal((await call(t, 'GET', '/v2/purchase_orders', undefined, key)).json().total, 0);
    assert.equal((await call(t, 'POST', '/v2/purchase_orders', { supplier_id: supplierId, warehouse_id: warehouseId, products: [{ sku: 'A', quantity: 1 }] }, key)).statusCode, 404);
    const created = await call(t, 'POST', '/v2/suppliers', { supplier_name: 'Acme Widgets Inc' }, key);
    assert.equal(created.statusCode, 200, 'supplier names are unique per account only');
  });
});
