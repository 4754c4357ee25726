// V2 `POST /shipments` with create_sales_order: the new shipment gets a V1 order behind it. The
// shipment stays the source of truth at creation (it is linked, not rewritten); later V1 updates
// of the order flow back into it like for any order.
import type { Executor } from '../../db/index.ts';
import { DomainError } from '../errors.ts';
import type { PostalAddress, Weight } from '../shipping-types.ts';
import type { Shipment } from '../shipments/types.ts';
import { completeImport, newImportBatch } from './import-batch.ts';
import { saveOrder } from './save.ts';
import { findOrderRowByKey } from './store.ts';
import { blankItemFields, type AdvancedOptions, type Order, type OrderAddress, type OrderInput } from './types.ts';

const OUNCES: Record<Weight['unit'], number> = { ounce: 1, pound: 16, gram: 1 / 28.349523125, kilogram: 1000 / 28.349523125 };
const INSURANCE_PROVIDER: Record<Shipment['insuranceProvider'], string | null> = {
  none: null,
  shipsurance: 'shipsurance',
  carrier: 'carrier',
  third_party: 'provider',
};

/** A neutral address in the V1 order shape the orders domain stores. */
export function toOrderAddress(a: PostalAddress): OrderAddress {
  return {
    name: a.name,
    company: a.companyName ?? null,
    street1: a.addressLine1,
    street2: a.addressLine2 ?? null,
    street3: a.addressLine3 ?? null,
    city: a.cityLocality,
    state: a.stateProvince,
    postalCode: a.postalCode,
    country: a.countryCode,
    phone: a.phone ?? null,
    residential: a.residential === 'yes' ? true : a.residential === 'no' ? false : null,
    addressVerified: null,
  };
}

const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);

function advancedOptionsOf(shipment: Shipment): AdvancedOptions {
  const a = shipment.advancedOptions;
  return {
    warehouseId: shipment.warehouseId,
    nonMachinable: a.non_machinable === true,
    saturdayDelivery: a.saturday_delivery === true,
    containsAlcohol: a.contains_alcohol === true,
    customField1: text(a.custom_field1),
    customField2: text(a.custom_field2),
    customField3: text(a.custom_field3),
    source: null,
    billToParty: text(a.bill_to_party),
    billToAccount: text(a.bill_to_account),
    billToPostalCode: text(a.bill_to_postal_code),
    billToCountryCode: text(a.bill_to_country_code),
    billToMyOtherAccount: null,
  };
}

async function orderInputOf(ex: Executor, accountId: number, shipment: Shipment): Promise<OrderInput> {
  const carrier = shipment.carrierId === null ? undefined : await ex.selectFrom('carriers').select('carrier_code').where('id', '=', shipment.carrierId).executeTakeFirst();
  const tags = shipment.tags.length === 0 ? [] : await ex.selectFrom('tags').select('id').where('account_id', '=', accountId).where('name', 'in', shipment.tags).execute();
  const ounces = shipment.packages.reduce((sum, p) => sum + p.weight.value * OUNCES[p.weight.unit], 0);
  const firstDimensions = shipment.packages.find((p) => p.dimensions)?.dimensions ?? null;
  const insured = shipment.packages.reduce((sum, p) => sum + p.insuredValueCents, 0);
  const shipTo = toOrderAddress(shipment.shipTo);
  return {
    orderId: null,
    orderNumber: shipment.shipmentNumber ?? String(shipment.id),
    orderKey: shipment.externalOrderId,
    orderDate: shipment.createdAt,
    paymentDate: null,
    shipByDate: null,
    status: 'awaiting_shipment',
    customerUsername: null,
    customerEmail: shipment.shipTo.email ?? null,
    billTo: shipTo,
    shipTo,
    items: shipment.items.map((item) => ({
      lineItemKey: item.externalOrderItemId,
      sku: item.sku,
      name: item.name,
      weight: null,
      quantity: item.quantity,
      unitPriceCents: 0,
      ...blankItemFields(),
    })),
    amountPaidCents: 0,
    taxAmountCents: 0,
    shippingAmountCents: 0,
    customerNotes: null,
    internalNotes: null,
    gift: false,
    giftMessage: null,
    paymentMethod: null,
    requestedShippingService: null,
    carrierCode: carrier?.carrier_code ?? null,
    serviceCode: shipment.serviceCode,
    packageCode: shipment.packages[0]?.packageCode ?? null,
    confirmation: shipment.confirmation === 'delivery_mailed' || shipment.confirmation === 'verbal_confirmation' ? 'delivery' : shipment.confirmation,
    shipDate: shipment.shipDate,
    holdUntil: null,
    weight: { value: Math.round(ounces * 100) / 100, units: 'ounces' },
    dimensions: firstDimensions
      ? { length: firstDimensions.length, width: firstDimensions.width, height: firstDimensions.height, units: firstDimensions.unit === 'centimeter' ? 'centimeters' : 'inches' }
      : null,
    insuranceOptions: { provider: INSURANCE_PROVIDER[shipment.insuranceProvider], insureShipment: shipment.insuranceProvider !== 'none', insuredValueCents: insured },
    internationalOptions: shipment.customs
      ? {
          contents: shipment.customs.contents,
          nonDelivery: shipment.customs.nonDelivery,
          customsItems: shipment.customs.items.map((c, i) => ({
            customsItemId: i + 1,
            description: c.description,
            quantity: c.quantity,
            valueCents: c.valueCents,
            harmonizedTariffCode: c.harmonizedTariffCode ?? null,
            countryOfOrigin: c.countryOfOrigin ?? null,
          })),
        }
      : { contents: null, customsItems: null, nonDelivery: null },
    advancedOptions: advancedOptionsOf(shipment),
    storeId: null,
    tagIds: tags.map((t) => t.id),
  };
}

/**
 * Creates the V1 order behind a V2 shipment (in the caller's transaction) and links the shipment
 * to it. Its orderKey is the shipment's external_order_id (generated when absent); an
 * external_order_id that already keys an order is refused rather than merged into that order.
 * New-order webhooks (ORDER_NOTIFY) fire as for any import.
 */
export async function createOrderFromShipment(ex: Executor, accountId: number, shipment: Shipment, now = new Date().toISOString()): Promise<Order> {
  const input = await orderInputOf(ex, accountId, shipment);
  if (input.orderKey !== null && (await findOrderRowByKey(ex, accountId, input.orderKey))) {
    throw new DomainError('conflict', `A sales order with external_order_id "${input.orderKey}" already exists.`, 'identifier_conflict', [
      { field: 'external_order_id', message: 'external_order_id already names a sales order', code: 'identifier_conflict', value: input.orderKey },
    ]);
  }
  const batch = newImportBatch();
  const order = await saveOrder(ex, accountId, input, { now, batch, linkShipmentId: shipment.id });
  await completeImport(ex, accountId, batch, now);
  return order;
}
