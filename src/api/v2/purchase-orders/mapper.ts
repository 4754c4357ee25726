import type { PoInput, PurchaseOrder } from '../../../domain/purchase-orders/purchase-orders.ts';
import { seId } from '../../common/ids.ts';
import { rowIdOf } from '../shared/path-ids.ts';

export interface V2PoBody {
  supplier_id: string;
  warehouse_id: string;
  order_date?: string;
  expected_delivery_date?: string;
  payment_terms?: string;
  payment_status?: string;
  currency_code?: string;
  shipping_carrier?: string | null;
  tracking_number?: string | null;
  reference_number?: string | null;
  note_to_supplier?: string | null;
  products: { sku: string; supplier_sku?: string | null; quantity: number; cost?: number }[];
}

const iso = (value: string | undefined) => (value ? new Date(value).toISOString() : null);

export const fromV2PurchaseOrder = (b: V2PoBody): PoInput => ({
  supplierId: rowIdOf(b.supplier_id, 'supplier'),
  warehouseId: rowIdOf(b.warehouse_id, 'warehouse'),
  orderDate: iso(b.order_date),
  expectedDeliveryDate: iso(b.expected_delivery_date),
  paymentTerms: b.payment_terms ?? null,
  paymentStatus: b.payment_status ?? null,
  currencyCode: (b.currency_code ?? 'USD').toUpperCase(),
  shippingCarrier: b.shipping_carrier ?? null,
  trackingNumber: b.tracking_number ?? null,
  referenceNumber: b.reference_number ?? null,
  noteToSupplier: b.note_to_supplier ?? null,
  products: b.products.map((p) => ({ sku: p.sku.trim(), supplierSku: p.supplier_sku ?? null, quantity: p.quantity, costCents: p.cost === undefined ? null : Math.round(p.cost * 100) })),
});

export const toV2PurchaseOrder = (po: PurchaseOrder) => ({
  purchase_order_id: seId(po.id),
  order_number: po.orderNumber,
  supplier_id: seId(po.supplierId),
  supplier_name: po.supplierName,
  status: po.status,
  order_date: po.orderDate,
  expected_delivery_date: po.expectedDeliveryDate,
  create_date: po.createdAt,
  modify_date: po.updatedAt,
  payment_terms: po.paymentTerms,
  payment_status: po.paymentStatus,
  currency_code: po.currencyCode,
  shipping_carrier: po.shippingCarrier,
  tracking_number: po.trackingNumber,
  reference_number: po.referenceNumber,
  warehouse_id: seId(po.warehouseId),
  note_to_supplier: po.noteToSupplier,
  products: po.products.map((p) => ({
    sku: p.sku,
    supplier_sku: p.supplierSku,
    quantity: p.quantity,
    cost: p.costCents === null ? null : p.costCents / 100,
    received_quantity: p.receivedQuantity,
    rejected_quantity: p.rejectedQuantity,
  })),
  total_cost: { currency: po.currencyCode.toLowerCase(), amount: po.products.reduce((sum, p) => sum + (p.costCents ?? 0) * p.quantity, 0) / 100 },
});
