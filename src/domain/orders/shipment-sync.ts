// One sales order across surfaces: a V1 order is the sales order behind a V2 shipment. Each
// create or update of an order rewrites its pending shipment; labels are bought on that shipment.
//
// Mapping choices: the shipment's shipment_number is the orderNumber and its external_order_id
// the orderKey (the caller's own identifier of the sale, as external_order_id is on V2); each
// item's sales_order_id/sales_order_item_id are the V1 orderId/orderItemId, and its
// external_order_item_id the lineItemKey. external_shipment_id stays null: V2 reserves it for the
// caller's shipment identifier, which a V1 order does not have.
import type { Executor } from '../../db/index.ts';
import type { PostalAddress } from '../shipping-types.ts';
import { findShipmentByOrder, insertShipment, setShipmentStatus, updateShipmentBody } from '../shipments/store.ts';
import type { ShipmentBody } from '../shipments/types.ts';
import type { Order, OrderAddress } from './types.ts';

const WEIGHT_UNIT = { pounds: 'pound', ounces: 'ounce', grams: 'gram' } as const;
const DIMENSION_UNIT = { inches: 'inch', centimeters: 'centimeter' } as const;
const INSURANCE_PROVIDER: Record<string, ShipmentBody['insuranceProvider']> = {
  shipsurance: 'shipsurance',
  carrier: 'carrier',
  provider: 'third_party',
  xcover: 'third_party',
  parcelguard: 'third_party',
};

export function toPostalAddress(a: OrderAddress, email: string | null = null): PostalAddress {
  return {
    name: a.name ?? '',
    phone: a.phone,
    email,
    companyName: a.company,
    addressLine1: a.street1 ?? '',
    addressLine2: a.street2,
    addressLine3: a.street3,
    cityLocality: a.city ?? '',
    stateProvince: a.state ?? '',
    postalCode: a.postalCode ?? '',
    countryCode: (a.country ?? 'US').toUpperCase(),
    residential: a.residential === true ? 'yes' : a.residential === false ? 'no' : 'unknown',
  };
}

/** The connected carrier an order's carrierCode names (the primary one when there are several). */
export async function carrierIdForCode(ex: Executor, accountId: number, carrierCode: string | null): Promise<number | null> {
  if (!carrierCode) return null;
  const row = await ex
    .selectFrom('carriers')
    .select('id')
    .where('account_id', '=', accountId)
    .where('carrier_code', '=', carrierCode.toLowerCase())
    .where('disconnected_at', 'is', null)
    .orderBy('is_primary', 'desc')
    .orderBy('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

/** V2 advanced_options keys for what a V1 order carries in advancedOptions. */
function advancedOptionsOf(order: Order): Record<string, unknown> {
  const a = order.advancedOptions;
  const options: Record<string, unknown> = {
    contains_alcohol: a.containsAlcohol,
    non_machinable: a.nonMachinable,
    saturday_delivery: a.saturdayDelivery,
    custom_field1: a.customField1,
    custom_field2: a.customField2,
    custom_field3: a.customField3,
  };
  if (a.billToParty) {
    Object.assign(options, {
      bill_to_party: a.billToParty,
      bill_to_account: a.billToAccount,
      bill_to_postal_code: a.billToPostalCode,
      bill_to_country_code: a.billToCountryCode,
    });
  }
  return options;
}

export function shipmentBodyOf(order: Order, carrierId: number | null): ShipmentBody {
  const intl = order.internationalOptions;
  const insured = order.insuranceOptions.insureShipment;
  return {
    carrierId,
    serviceCode: order.serviceCode,
    shipDate: order.shipDate,
    shipTo: toPostalAddress(order.shipTo, order.customerEmail),
    shipFrom: null,
    warehouseId: order.advancedOptions.warehouseId,
    returnTo: null,
    confirmation: order.confirmation,
    customs:
      intl.contents || intl.customsItems?.length
        ? {
            contents: intl.contents ?? 'merchandise',
            nonDelivery: intl.nonDelivery ?? 'return_to_sender',
            items: (intl.customsItems ?? []).map((c) => ({
              description: c.description ?? '',
              quantity: c.quantity,
              valueCents: c.valueCents,
              harmonizedTariffCode: c.harmonizedTariffCode,
              countryOfOrigin: c.countryOfOrigin,
            })),
          }
        : null,
    advancedOptions: advancedOptionsOf(order),
    insuranceProvider: insured ? (INSURANCE_PROVIDER[order.insuranceOptions.provider ?? ''] ?? 'carrier') : 'none',
    packages: [
      {
        packageCode: order.packageCode,
        weight: { value: order.weight.value, unit: WEIGHT_UNIT[order.weight.units] },
        dimensions: order.dimensions
          ? { length: order.dimensions.length, width: order.dimensions.width, height: order.dimensions.height, unit: DIMENSION_UNIT[order.dimensions.units] }
          : null,
        insuredValueCents: insured ? order.insuranceOptions.insuredValueCents : 0,
        labelMessages: { reference1: null, reference2: null, reference3: null },
        externalPackageId: null,
        contentDescription: null,
      },
    ],
    items: order.items.map((item) => ({
      name: item.name,
      sku: item.sku,
      quantity: item.quantity,
      salesOrderId: String(order.id),
      salesOrderItemId: String(item.id),
      externalOrderId: order.orderKey,
      externalOrderItemId: item.lineItemKey,
      asin: null,
      orderSourceCode: null,
    })),
    taxIdentifiers: [],
    externalOrderId: order.orderKey,
    orderSourceCode: null,
    isReturn: false,
    comparisonRateType: null,
  };
}

async function syncShipmentTags(ex: Executor, shipmentId: number, tagIds: number[]): Promise<void> {
  await ex.deleteFrom('shipment_tags').where('shipment_id', '=', shipmentId).execute();
  if (tagIds.length > 0) await ex.insertInto('shipment_tags').values(tagIds.map((tagId) => ({ shipment_id: shipmentId, tag_id: tagId }))).execute();
}

export interface SyncOptions {
  /** The connected carrier of the order's carrierCode (carrierIdForCode). */
  carrierId: number | null;
  importBatchId: string | null;
  /** A brand-new order has no shipment yet: nothing to look up or clear. */
  isNew: boolean;
  now: string;
}

/**
 * Brings the order's shipment in line with the order: created when missing, rewritten while it
 * is pending, cancelled with the order. Shipments past pending (a label was bought) are left alone.
 */
export async function syncShipment(ex: Executor, order: Order, options: SyncOptions): Promise<void> {
  const { now } = options;
  const shipment = options.isNew ? null : await findShipmentByOrder(ex, order.accountId, order.id);
  const cancelled = order.status === 'cancelled' || !order.active;
  if (shipment && shipment.status !== 'pending') return;
  const body = shipmentBodyOf(order, options.carrierId);
  if (!shipment) {
    const created = await insertShipment(
      ex,
      order.accountId,
      { body, orderId: order.id, shipmentNumber: order.orderNumber, status: cancelled ? 'cancelled' : 'pending', importBatchId: options.importBatchId },
      now,
    );
    if (order.tagIds.length > 0) await syncShipmentTags(ex, created.id, order.tagIds);
    return;
  }
  await updateShipmentBody(ex, order.accountId, shipment.id, body, now);
  await ex.updateTable('shipments').set({ shipment_number: order.orderNumber }).where('id', '=', shipment.id).execute();
  await syncShipmentTags(ex, shipment.id, order.tagIds);
  if (cancelled) await setShipmentStatus(ex, order.accountId, shipment.id, 'cancelled', now);
}
