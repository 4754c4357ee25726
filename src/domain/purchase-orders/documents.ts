/// <reference types="pdfkit" />
// The two purchase order documents, on US Letter: the order summary sent to the supplier and the
// received summary (what arrived, what was rejected, what is still expected).
import type PDFKitDocument from 'pdfkit';
import { lazyPackage } from '../../lazy-package.ts';
import { finishPdf } from '../documents/pdf-buffer.ts';
import { standardFontText } from '../documents/pdf-standard-font-text.ts';
import type { Supplier } from '../suppliers/suppliers.ts';
import type { Warehouse } from '../warehouses/warehouses.ts';
import type { PurchaseOrder } from './purchase-orders.ts';

const PDFDocument = lazyPackage<typeof PDFKitDocument>('pdfkit');

const MARGIN = 50;
const WIDTH = 612 - 2 * MARGIN;
const BOTTOM = 792 - MARGIN;

interface Column {
  title: string;
  width: number;
  align?: 'left' | 'right';
}

const money = (cents: number | null) => (cents === null ? '-' : `$${(cents / 100).toFixed(2)}`);
const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '-');

function header(doc: PDFKit.PDFDocument, title: string, po: PurchaseOrder, supplier: Supplier, warehouse: Warehouse) {
  const t = (s: string) => standardFontText(s);
  doc.font('Helvetica-Bold').fontSize(18).text(t(title), MARGIN, MARGIN);
  doc.font('Helvetica').fontSize(10).text(t(`PO number ${po.orderNumber}   Status ${po.status}`), MARGIN, MARGIN + 26);
  const top = MARGIN + 50;
  const left = [
    'Supplier',
    supplier.name,
    supplier.addressLine1,
    supplier.addressLine2,
    [supplier.city, supplier.state, supplier.postalCode].filter(Boolean).join(', '),
    supplier.countryCode,
    supplier.contactName ? `Contact: ${supplier.contactName}` : null,
    supplier.email,
    supplier.contactPhone,
  ].filter((l): l is string => Boolean(l));
  const a = warehouse.originAddress;
  const right = ['Ship to', warehouse.name, a.addressLine1, a.addressLine2 ?? null, `${a.cityLocality}, ${a.stateProvince} ${a.postalCode}`, a.countryCode].filter(
    (l): l is string => Boolean(l),
  );
  left.forEach((line, i) => doc.font(i === 0 ? 'Helvetica-Bold' : 'Helvetica').text(t(line), MARGIN, top + i * 13, { width: WIDTH / 2 - 10 }));
  right.forEach((line, i) => doc.font(i === 0 ? 'Helvetica-Bold' : 'Helvetica').text(t(line), MARGIN + WIDTH / 2, top + i * 13, { width: WIDTH / 2 }));
  const facts = [
    `Order date: ${day(po.orderDate ?? po.createdAt)}`,
    `Expected delivery: ${day(po.expectedDeliveryDate)}`,
    `Payment terms: ${po.paymentTerms ?? '-'}`,
    `Reference: ${po.referenceNumber ?? '-'}`,
    `Carrier: ${po.shippingCarrier ?? '-'}   Tracking: ${po.trackingNumber ?? '-'}`,
  ];
  const factsTop = top + Math.max(left.length, right.length) * 13 + 14;
  facts.forEach((line, i) => doc.font('Helvetica').text(t(line), MARGIN, factsTop + i * 13));
  return factsTop + facts.length * 13 + 16;
}

function table(doc: PDFKit.PDFDocument, top: number, columns: Column[], rows: string[][]): number {
  let y = top;
  const draw = (cells: string[], bold: boolean) => {
    let x = MARGIN;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(10);
    cells.forEach((cell, i) => {
      doc.text(standardFontText(cell), x + 2, y + 3, { width: columns[i].width - 4, align: columns[i].align ?? 'left', lineBreak: false, ellipsis: true });
      x += columns[i].width;
    });
    y += 16;
    doc.moveTo(MARGIN, y).lineTo(MARGIN + WIDTH, y).lineWidth(0.5).stroke();
  };
  draw(columns.map((c) => c.title), true);
  for (const row of rows) {
    if (y + 16 > BOTTOM) {
      doc.addPage();
      y = MARGIN;
      draw(columns.map((c) => c.title), true);
    }
    draw(row, false);
  }
  return y + 10;
}

export async function renderOrderSummary(po: PurchaseOrder, supplier: Supplier, warehouse: Warehouse): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'LETTER', margin: MARGIN, info: { Title: `Purchase order ${po.orderNumber}` } });
  let y = header(doc, 'Purchase Order', po, supplier, warehouse);
  const columns: Column[] = [
    { title: 'SKU', width: 150 },
    { title: 'Supplier SKU', width: 130 },
    { title: 'Quantity', width: 70, align: 'right' },
    { title: 'Unit cost', width: 80, align: 'right' },
    { title: 'Line total', width: WIDTH - 430, align: 'right' },
  ];
  const rows = po.products.map((p) => [p.sku, p.supplierSku ?? '-', String(p.quantity), money(p.costCents), money(p.costCents === null ? null : p.costCents * p.quantity)]);
  y = table(doc, y, columns, rows);
  const total = po.products.reduce((sum, p) => sum + (p.costCents ?? 0) * p.quantity, 0);
  const units = po.products.reduce((sum, p) => sum + p.quantity, 0);
  doc.font('Helvetica-Bold').text(`Total: ${units} units, ${money(total)} ${po.currencyCode.toUpperCase()}`, MARGIN, y, { width: WIDTH, align: 'right' });
  if (po.noteToSupplier) doc.font('Helvetica').text(standardFontText(`Note to supplier: ${po.noteToSupplier}`), MARGIN, y + 20, { width: WIDTH });
  return finishPdf(doc);
}

export async function renderReceivedSummary(po: PurchaseOrder, supplier: Supplier, warehouse: Warehouse, locationNames: Map<number, string>): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'LETTER', margin: MARGIN, info: { Title: `Purchase order ${po.orderNumber} received` } });
  let y = header(doc, 'Received Summary', po, supplier, warehouse);
  const columns: Column[] = [
    { title: 'SKU', width: 170 },
    { title: 'Ordered', width: 80, align: 'right' },
    { title: 'Received', width: 80, align: 'right' },
    { title: 'Rejected', width: 80, align: 'right' },
    { title: 'Outstanding', width: WIDTH - 410, align: 'right' },
  ];
  const rows = po.products.map((p) => [p.sku, String(p.quantity), String(p.receivedQuantity), String(p.rejectedQuantity), String(Math.max(0, p.quantity - p.receivedQuantity - p.rejectedQuantity))]);
  y = table(doc, y, columns, rows);
  if (po.receipts.length > 0) {
    doc.font('Helvetica-Bold').fontSize(12).text('Receipts', MARGIN, y);
    const receiptColumns: Column[] = [
      { title: 'Date', width: 90 },
      { title: 'SKU', width: 140 },
      { title: 'Location', width: 120 },
      { title: 'Received', width: 70, align: 'right' },
      { title: 'Rejected', width: WIDTH - 420, align: 'right' },
    ];
    table(
      doc,
      y + 18,
      receiptColumns,
      po.receipts.map((r) => [day(r.receivedAt), r.sku, locationNames.get(r.locationId) ?? `se-${r.locationId}`, String(r.receivedQuantity), String(r.rejectedQuantity)]),
    );
  }
  return finishPdf(doc);
}
