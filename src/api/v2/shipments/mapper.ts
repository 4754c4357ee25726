// V2 shipment JSON ⇄ the neutral shipment.
import type { Shipment, ShipmentBody, ShipmentItem, ShipmentPackage } from '../../../domain/shipments/types.ts';
import type { Confirmation, CustomsInput, Dimensions, Weight } from '../../../domain/shipping-types.ts';
import { weightInPounds } from '../../../domain/rating/units.ts';
import { seId } from '../../common/ids.ts';
import { fromV2Address, toV2Address, type V2Address } from '../shared/address.ts';
import { money, toCents, type MonetaryValue } from '../shared/money.ts';

export interface V2Package {
  package_code?: string | null;
  weight: Weight;
  dimensions?: Dimensions | null;
  insured_value?: MonetaryValue | null;
  label_messages?: { reference1?: string | null; reference2?: string | null; reference3?: string | null } | null;
  external_package_id?: string | null;
  content_description?: string | null;
}

export interface V2CustomsItem {
  description?: string | null;
  quantity?: number;
  value?: MonetaryValue | number;
  harmonized_tariff_code?: string | null;
  country_of_origin?: string | null;
  sku?: string | null;
  weight?: Weight | null;
}

export interface V2ShipmentInput {
  carrier_id?: string | null;
  service_code?: string | null;
  external_shipment_id?: string | null;
  shipment_number?: string | null;
  external_order_id?: string | null;
  ship_date?: string | null;
  ship_to: V2Address;
  ship_from?: V2Address | null;
  warehouse_id?: string | null;
  return_to?: V2Address | null;
  is_return?: boolean | null;
  confirmation?: Confirmation;
  customs?: { contents?: string; non_delivery?: string; customs_items?: V2CustomsItem[] } | null;
  advanced_options?: Record<string, unknown> | null;
  insurance_provider?: ShipmentBody['insuranceProvider'];
  tags?: { name: string }[];
  order_source_code?: string | null;
  items?: Record<string, unknown>[];
  packages: V2Package[];
  tax_identifiers?: unknown[] | null;
  comparison_rate_type?: string | null;
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

function fromV2Customs(customs: V2ShipmentInput['customs']): CustomsInput | null {
  if (!customs) return null;
  return {
    contents: customs.contents ?? 'merchandise',
    nonDelivery: customs.non_delivery ?? 'return_to_sender',
    items: (customs.customs_items ?? []).map((item) => ({
      description: item.description ?? '',
      quantity: item.quantity ?? 0,
      valueCents: typeof item.value === 'number' ? Math.round(item.value * 100) : toCents(item.value),
      harmonizedTariffCode: item.harmonized_tariff_code ?? null,
      countryOfOrigin: item.country_of_origin ?? null,
      sku: item.sku ?? null,
      weight: item.weight ?? null,
    })),
  };
}

function fromV2Package(p: V2Package): ShipmentPackage {
  return {
    packageCode: p.package_code ?? null,
    weight: p.weight,
    dimensions: p.dimensions ? { ...p.dimensions, unit: p.dimensions.unit ?? 'inch' } : null,
    insuredValueCents: toCents(p.insured_value),
    labelMessages: {
      reference1: p.label_messages?.reference1 ?? null,
      reference2: p.label_messages?.reference2 ?? null,
      reference3: p.label_messages?.reference3 ?? null,
    },
    externalPackageId: p.external_package_id ?? null,
    contentDescription: p.content_description ?? null,
  };
}

function fromV2Item(i: Record<string, unknown>): ShipmentItem {
  return {
    name: str(i.name) ?? '',
    sku: str(i.sku),
    quantity: typeof i.quantity === 'number' ? i.quantity : 1,
    salesOrderId: str(i.sales_order_id),
    salesOrderItemId: str(i.sales_order_item_id),
    externalOrderId: str(i.external_order_id),
    externalOrderItemId: str(i.external_order_item_id),
    asin: str(i.asin),
    orderSourceCode: str(i.order_source_code),
  };
}

/** Ids in a body keep their number even past the row range: the shipment rules answer with a field error. */
const bodyId = (value: string): number => Number(value.replace(/^se-/, ''));

/** Ship date: a date-time is cut to its day (ShipStation sets the time to midnight UTC). */
export const shipDateOf = (value: string | null | undefined): string | null => (value ? value.slice(0, 10) : null);

export function fromV2Shipment(input: V2ShipmentInput): ShipmentBody {
  return {
    carrierId: input.carrier_id ? bodyId(input.carrier_id) : null,
    serviceCode: input.service_code ?? null,
    shipDate: shipDateOf(input.ship_date),
    shipTo: fromV2Address(input.ship_to),
    shipFrom: input.ship_from ? fromV2Address(input.ship_from) : null,
    warehouseId: input.warehouse_id ? bodyId(input.warehouse_id) : null,
    returnTo: input.return_to ? fromV2Address(input.return_to) : null,
    confirmation: input.confirmation ?? 'none',
    customs: fromV2Customs(input.customs),
    advancedOptions: input.advanced_options ?? {},
    insuranceProvider: input.insurance_provider ?? 'none',
    packages: input.packages.map(fromV2Package),
    items: (input.items ?? []).map(fromV2Item),
    taxIdentifiers: input.tax_identifiers ?? [],
    externalOrderId: input.external_order_id ?? null,
    orderSourceCode: input.order_source_code ?? null,
    isReturn: input.is_return ?? false,
    comparisonRateType: input.comparison_rate_type ?? null,
  };
}

function toV2Package(p: ShipmentPackage) {
  return {
    package_code: p.packageCode ?? 'package',
    weight: p.weight,
    ...(p.dimensions ? { dimensions: p.dimensions } : {}),
    insured_value: money(p.insuredValueCents),
    label_messages: p.labelMessages,
    ...(p.externalPackageId ? { external_package_id: p.externalPackageId } : {}),
    ...(p.contentDescription ? { content_description: p.contentDescription } : {}),
  };
}

function toV2Customs(c: CustomsInput) {
  return {
    contents: c.contents,
    non_delivery: c.nonDelivery,
    customs_items: c.items.map((item, index) => ({
      customs_item_id: seId(index + 1),
      description: item.description,
      quantity: item.quantity,
      value: item.valueCents / 100,
      harmonized_tariff_code: item.harmonizedTariffCode ?? null,
      country_of_origin: item.countryOfOrigin ?? null,
      sku: item.sku ?? null,
    })),
  };
}

export function totalWeight(packages: ShipmentPackage[]): Weight {
  const pounds = packages.reduce((sum, p) => sum + weightInPounds(p.weight), 0);
  return { value: Math.round(pounds * 16 * 100) / 100, unit: 'ounce' };
}

/** Optional fields are left out rather than null: ShipEngine types them non-nullable. */
const present = <T>(value: T | null | undefined): T | undefined => value ?? undefined;

export function toV2Shipment(s: Shipment) {
  // Shipments synced from V1 orders ship from their warehouse (routes fill it in before mapping).
  const shipFrom = s.shipFrom ?? s.shipTo;
  return {
    shipment_id: seId(s.id),
    // Required on ShipEngine, x-nullable on V2: a shipment with no carrier yet says so with null.
    carrier_id: s.carrierId ? seId(s.carrierId) : null,
    service_code: s.serviceCode ?? null,
    external_shipment_id: present(s.externalShipmentId),
    shipment_number: present(s.shipmentNumber),
    external_order_id: present(s.externalOrderId),
    ship_date: s.shipDate ? `${s.shipDate}T00:00:00Z` : undefined,
    created_at: s.createdAt,
    modified_at: s.modifiedAt,
    shipment_status: s.status,
    ship_to: toV2Address(s.shipTo),
    ship_from: toV2Address(shipFrom),
    // Both specs make warehouse_id nullable, and ShipEngine's `shipment` requires it.
    warehouse_id: s.warehouseId ? seId(s.warehouseId) : null,
    return_to: toV2Address(s.returnTo ?? shipFrom),
    is_return: s.isReturn,
    confirmation: s.confirmation,
    customs: s.customs ? toV2Customs(s.customs) : null,
    advanced_options: s.advancedOptions,
    insurance_provider: s.insuranceProvider,
    tags: s.tags.map((name) => ({ name })),
    order_source_code: s.orderSourceCode ?? undefined,
    items: s.items.map((i) => ({
      name: i.name,
      sku: i.sku,
      quantity: i.quantity,
      sales_order_id: i.salesOrderId,
      sales_order_item_id: i.salesOrderItemId,
      external_order_id: i.externalOrderId,
      external_order_item_id: i.externalOrderItemId,
      asin: i.asin,
    })),
    packages: s.packages.map(toV2Package),
    total_weight: totalWeight(s.packages),
    tax_identifiers: s.taxIdentifiers,
    comparison_rate_type: present(s.comparisonRateType),
  };
}
