// Purchase orders: products bought from a supplier for a warehouse. Lifecycle (docs):
// draft → open (sent to the supplier) → receiving → received (automatic, as receipts arrive)
// → closed; draft/open may be cancelled. Only drafts are edited; only open ones get shipping
// details. Receiving adds the accepted units to stock at the PO's unit cost.
import { onPostgres, type Executor } from '../../db/index.ts';
import { DomainError, invalidField, notFound } from '../errors.ts';
import { lockLevels, receiveStock } from '../inventory/ledger.ts';
import { getInventoryLocation } from '../inventory/places.ts';
import { getSupplier } from '../suppliers/suppliers.ts';
import { getWarehouse } from '../warehouses/warehouses.ts';

export const PO_STATUSES = ['draft', 'open', 'receiving', 'received', 'cancelled', 'closed'] as const;
export type PoStatus = (typeof PO_STATUSES)[number];
export const PAYMENT_TERMS = ['none', 'cash_on_delivery', 'payment_on_receipt', 'payment_in_advance', 'net_7', 'net_15', 'net_30', 'net_45', 'net_60'] as const;
export const PAYMENT_STATUSES = ['none', 'unpaid', 'partially_paid', 'paid', 'refunded', 'credit_issued', 'other'] as const;

export interface PoProduct {
  sku: string;
  supplierSku: string | null;
  quantity: number;
  /** Unit cost, cents. */
  costCents: number | null;
  receivedQuantity: number;
  rejectedQuantity: number;
}

export interface PoReceipt {
  sku: string;
  locationId: number;
  receivedQuantity: number;
  rejectedQuantity: number;
  lot: string | null;
  expirationDate: string | null;
  receivedAt: string;
}

export interface PoDetails {
  orderDate: string | null;
  expectedDeliveryDate: string | null;
  paymentTerms: string | null;
  paymentStatus: string | null;
  currencyCode: string;
  shippingCarrier: string | null;
  trackingNumber: string | null;
  noteToSupplier: string | null;
}

export interface PurchaseOrder extends PoDetails {
  id: number;
  orderNumber: string;
  supplierId: number;
  supplierName: string;
  status: PoStatus;
  warehouseId: number;
  referenceNumber: string | null;
  products: PoProduct[];
  receipts: PoReceipt[];
  createdAt: string;
  updatedAt: string;
}

export interface PoInput extends PoDetails {
  supplierId: number;
  warehouseId: number;
  referenceNumber: string | null;
  products: { sku: string; supplierSku: string | null; quantity: number; costCents: number | null }[];
}

type Body = PoDetails & { products: PoProduct[]; receipts: PoReceipt[] };
type Row = { id: number; supplier_id: number; order_number: string; status: string; warehouse_id: number | null; reference_number: string | null; body: string; created_at: string; updated_at: string };

const COLUMNS = ['id', 'supplier_id', 'order_number', 'status', 'warehouse_id', 'reference_number', 'body', 'created_at', 'updated_at'] as const;

async function assemble(ex: Executor, accountId: number, rows: Row[]): Promise<PurchaseOrder[]> {
  if (rows.length === 0) return [];
  const suppliers = await ex.selectFrom('suppliers').select(['id', 'name']).where('account_id', '=', accountId).where('id', 'in', [...new Set(rows.map((r) => r.supplier_id))]).execute();
  return rows.map((r) => {
    const body = JSON.parse(r.body) as Body;
    return {
      ...body,
      id: r.id,
      orderNumber: r.order_number,
      supplierId: r.supplier_id,
      supplierName: suppliers.find((s) => s.id === r.supplier_id)?.name ?? '',
      status: r.status as PoStatus,
      warehouseId: r.warehouse_id ?? 0,
      referenceNumber: r.reference_number,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    };
  });
}

async function loadRow(ex: Executor, accountId: number, id: number, lock: boolean): Promise<Row> {
  let query = ex.selectFrom('purchase_orders').select(COLUMNS).where('account_id', '=', accountId).where('id', '=', id);
  if (lock && onPostgres(ex)) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw notFound('purchase order', `se-${id}`);
  return row;
}

export async function getPurchaseOrder(ex: Executor, accountId: number, id: number, lock = false): Promise<PurchaseOrder> {
  return (await assemble(ex, accountId, [await loadRow(ex, accountId, id, lock)]))[0];
}

function checkProducts(products: PoInput['products']) {
  if (products.length === 0) throw invalidField('products', 'a purchase order needs at least one product', []);
  const seen = new Set<string>();
  products.forEach((p, i) => {
    if (!p.sku.trim()) throw invalidField(`products[${i}].sku`, 'sku cannot be empty', p.sku);
    if (seen.has(p.sku)) throw invalidField(`products[${i}].sku`, `SKU ${p.sku} is listed twice`, p.sku);
    seen.add(p.sku);
  });
}

/** MMDDYYYY-NN: the day's sequence number within the account, as ShipStation numbers them. */
async function nextOrderNumber(ex: Executor, accountId: number, now: string): Promise<string> {
  const [y, m, d] = now.slice(0, 10).split('-');
  const prefix = `${m}${d}${y}-`;
  const count = await ex
    .selectFrom('purchase_orders')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('account_id', '=', accountId)
    .where('order_number', 'like', `${prefix}%`)
    .executeTakeFirstOrThrow();
  return `${prefix}${String(Number(count.n) + 1).padStart(2, '0')}`;
}

const detailsOf = (input: PoDetails): PoDetails => ({
  orderDate: input.orderDate,
  expectedDeliveryDate: input.expectedDeliveryDate,
  paymentTerms: input.paymentTerms,
  paymentStatus: input.paymentStatus,
  currencyCode: input.currencyCode,
  shippingCarrier: input.shippingCarrier,
  trackingNumber: input.trackingNumber,
  noteToSupplier: input.noteToSupplier,
});

const productsOf = (input: PoInput): PoProduct[] => input.products.map((p) => ({ ...p, receivedQuantity: 0, rejectedQuantity: 0 }));

export async function createPurchaseOrder(ex: Executor, accountId: number, input: PoInput, now: string): Promise<PurchaseOrder> {
  await getSupplier(ex, accountId, input.supplierId);
  await getWarehouse(ex, accountId, input.warehouseId);
  checkProducts(input.products);
  const body: Body = { ...detailsOf(input), products: productsOf(input), receipts: [] };
  const row = await ex
    .insertInto('purchase_orders')
    .values({
      account_id: accountId,
      supplier_id: input.supplierId,
      order_number: await nextOrderNumber(ex, accountId, now),
      status: 'draft',
      warehouse_id: input.warehouseId,
      reference_number: input.referenceNumber,
      body: JSON.stringify(body),
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return getPurchaseOrder(ex, accountId, row.id);
}

const wrongStatus = (po: PurchaseOrder, action: string, allowed: string) =>
  new DomainError('business_rules', `Purchase order ${po.orderNumber} is ${po.status}; ${action} only when it is ${allowed}.`, 'invalid_status');

async function save(ex: Executor, po: PurchaseOrder, patch: Partial<{ status: PoStatus; supplierId: number; warehouseId: number; referenceNumber: string | null; body: Body }>, now: string) {
  await ex
    .updateTable('purchase_orders')
    .set({
      ...(patch.status ? { status: patch.status } : {}),
      ...(patch.supplierId !== undefined ? { supplier_id: patch.supplierId } : {}),
      ...(patch.warehouseId !== undefined ? { warehouse_id: patch.warehouseId } : {}),
      ...(patch.referenceNumber !== undefined ? { reference_number: patch.referenceNumber } : {}),
      ...(patch.body ? { body: JSON.stringify(patch.body) } : {}),
      updated_at: now,
    })
    .where('id', '=', po.id)
    .execute();
}

const bodyOf = (po: PurchaseOrder): Body => ({ ...detailsOf(po), products: po.products, receipts: po.receipts });

/** PUT: the whole order is replaced; drafts only. */
export async function updatePurchaseOrder(ex: Executor, accountId: number, id: number, input: PoInput, now: string): Promise<PurchaseOrder> {
  const po = await getPurchaseOrder(ex, accountId, id, true);
  if (po.status !== 'draft') throw wrongStatus(po, 'it can be edited', 'draft (use shipping_details for open orders)');
  await getSupplier(ex, accountId, input.supplierId);
  await getWarehouse(ex, accountId, input.warehouseId);
  checkProducts(input.products);
  await save(ex, po, { supplierId: input.supplierId, warehouseId: input.warehouseId, referenceNumber: input.referenceNumber, body: { ...detailsOf(input), products: productsOf(input), receipts: [] } }, now);
  return getPurchaseOrder(ex, accountId, id);
}

export async function updateShippingDetails(
  ex: Executor,
  accountId: number,
  id: number,
  input: { shippingCarrier?: string | null; trackingNumber?: string | null; expectedDeliveryDate?: string | null },
  now: string,
): Promise<PurchaseOrder> {
  const po = await getPurchaseOrder(ex, accountId, id, true);
  if (po.status !== 'open') throw wrongStatus(po, 'shipping details change', 'open');
  const body = bodyOf(po);
  if (input.shippingCarrier !== undefined) body.shippingCarrier = input.shippingCarrier;
  if (input.trackingNumber !== undefined) body.trackingNumber = input.trackingNumber;
  if (input.expectedDeliveryDate !== undefined) body.expectedDeliveryDate = input.expectedDeliveryDate;
  await save(ex, po, { body }, now);
  return getPurchaseOrder(ex, accountId, id);
}

/** Status changes a caller may make; receiving and received follow receipts. */
const MANUAL: Record<PoStatus, PoStatus[]> = {
  draft: ['open', 'cancelled'],
  open: ['draft', 'cancelled', 'closed'],
  receiving: ['closed'],
  received: ['closed'],
  cancelled: [],
  closed: [],
};

export async function setPurchaseOrderStatus(ex: Executor, accountId: number, id: number, status: PoStatus, now: string): Promise<PurchaseOrder> {
  const po = await getPurchaseOrder(ex, accountId, id, true);
  if (po.status === status) return po;
  if (!MANUAL[po.status].includes(status)) {
    const allowed = MANUAL[po.status];
    throw new DomainError(
      'business_rules',
      `Purchase order ${po.orderNumber} cannot go from ${po.status} to ${status}${allowed.length ? `; it can become ${allowed.join(' or ')}` : ''}.`,
      'invalid_status',
      [{ field: 'status', message: `${po.status} → ${status} is not allowed`, value: status }],
    );
  }
  await save(ex, po, { status }, now);
  return getPurchaseOrder(ex, accountId, id);
}

export interface ReceiveInput {
  sku: string;
  locationId: number;
  receivedQuantity: number;
  rejectedQuantity: number;
  lot: string | null;
  expirationDate: string | null;
}

/** Records receipts; accepted units enter stock at the PO's unit cost. */
export async function receivePurchaseOrder(ex: Executor, accountId: number, id: number, receipts: ReceiveInput[], now: string): Promise<PurchaseOrder> {
  const po = await getPurchaseOrder(ex, accountId, id, true);
  if (po.status !== 'open' && po.status !== 'receiving') throw wrongStatus(po, 'products can be received', 'open or receiving');
  if (receipts.length === 0) throw invalidField('product_receives', 'at least one product must be received', []);
  const products = po.products.map((p) => ({ ...p }));
  for (const locationId of new Set(receipts.map((r) => r.locationId))) await getInventoryLocation(ex, accountId, locationId);
  await lockLevels(ex, receipts.filter((r) => r.receivedQuantity > 0).map((r) => ({ accountId, locationId: r.locationId, sku: r.sku, condition: 'sellable' as const })), now);
  for (const [i, r] of receipts.entries()) {
    const product = products.find((p) => p.sku === r.sku);
    if (!product) throw invalidField(`product_receives[${i}].sku`, `SKU ${r.sku} is not on purchase order ${po.orderNumber}`, r.sku);
    if (r.receivedQuantity + r.rejectedQuantity <= 0) {
      throw invalidField(`product_receives[${i}].received_quantity`, 'received_quantity or rejected_quantity must be greater than 0', r.receivedQuantity);
    }
    const outstanding = product.quantity - product.receivedQuantity - product.rejectedQuantity;
    if (r.receivedQuantity + r.rejectedQuantity > outstanding) {
      throw invalidField(`product_receives[${i}].received_quantity`, `only ${outstanding} of SKU ${r.sku} are still expected on this purchase order`, r.receivedQuantity);
    }
    product.receivedQuantity += r.receivedQuantity;
    product.rejectedQuantity += r.rejectedQuantity;
    if (r.receivedQuantity > 0) {
      await receiveStock(
        ex,
        { accountId, locationId: r.locationId, sku: r.sku, condition: 'sellable' },
        r.receivedQuantity,
        product.costCents,
        { type: 'receive', purchaseOrderId: po.id, lot: r.lot, usableEndDate: r.expirationDate, reason: `purchase order ${po.orderNumber}` },
        now,
      );
    }
  }
  const complete = products.every((p) => p.receivedQuantity + p.rejectedQuantity >= p.quantity);
  const body = { ...bodyOf(po), products, receipts: [...po.receipts, ...receipts.map((r) => ({ ...r, receivedAt: now }))] };
  await save(ex, po, { status: complete ? 'received' : 'receiving', body }, now);
  return getPurchaseOrder(ex, accountId, id);
}

export interface PoFilter {
  orderNumber?: string;
  status?: PoStatus;
  warehouseId?: number;
  referenceNumber?: string;
  createdFrom?: string;
}

export async function listPurchaseOrders(ex: Executor, accountId: number, filter: PoFilter, page: { offset: number; limit: number }) {
  let query = ex.selectFrom('purchase_orders').where('account_id', '=', accountId);
  if (filter.orderNumber) query = query.where('order_number', '=', filter.orderNumber);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.warehouseId !== undefined) query = query.where('warehouse_id', '=', filter.warehouseId);
  if (filter.referenceNumber) query = query.where('reference_number', '=', filter.referenceNumber);
  if (filter.createdFrom) query = query.where('created_at', '>=', filter.createdFrom);
  const [rows, count] = await Promise.all([
    query.select(COLUMNS).orderBy('id', 'desc').offset(page.offset).limit(page.limit).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: await assemble(ex, accountId, rows), total: Number(count.n) };
}
