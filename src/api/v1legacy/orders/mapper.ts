// V1 order JSON ⇄ the domain order.
import { validateAddress } from '../../../domain/addresses/index.ts';
import { toPostalAddress } from '../../../domain/orders/shipment-sync.ts';
import type {
  AdvancedOptions,
  Order,
  OrderAddress,
  OrderConfirmation,
  OrderDimensions,
  OrderInput,
  OrderItem,
  OrderItemInput,
  OrderStatus,
  OrderWeight,
} from '../../../domain/orders/types.ts';
import { FieldProblems, calendarDateIn, centsIn, dateOut, dateTimeOut, dollarsOut, instantIn, nullableCentsIn, nullableDollarsOut } from '../shared/values.ts';
import type { V1Address } from '../shared/address.ts';

type Maybe<T> = T | null | undefined;

export interface V1Weight {
  value: number;
  units: OrderWeight['units'];
}

export interface V1OrderItemBody {
  lineItemKey?: Maybe<string>;
  sku?: Maybe<string>;
  name?: Maybe<string>;
  imageUrl?: Maybe<string>;
  weight?: Maybe<V1Weight>;
  quantity?: Maybe<number>;
  unitPrice?: Maybe<number>;
  taxAmount?: Maybe<number>;
  shippingAmount?: Maybe<number>;
  warehouseLocation?: Maybe<string>;
  options?: Maybe<{ name?: Maybe<string>; value?: Maybe<string> }[]>;
  productId?: Maybe<number>;
  fulfillmentSku?: Maybe<string>;
  adjustment?: Maybe<boolean>;
  upc?: Maybe<string>;
}

export interface V1OrderBody {
  orderId?: Maybe<number>;
  orderNumber: string;
  orderKey?: Maybe<string>;
  orderDate: string;
  paymentDate?: Maybe<string>;
  shipByDate?: Maybe<string>;
  orderStatus: OrderStatus;
  customerUsername?: Maybe<string>;
  customerEmail?: Maybe<string>;
  billTo: V1Address;
  shipTo: V1Address;
  items?: Maybe<V1OrderItemBody[]>;
  amountPaid?: Maybe<number>;
  taxAmount?: Maybe<number>;
  shippingAmount?: Maybe<number>;
  customerNotes?: Maybe<string>;
  internalNotes?: Maybe<string>;
  gift?: Maybe<boolean>;
  giftMessage?: Maybe<string>;
  paymentMethod?: Maybe<string>;
  requestedShippingService?: Maybe<string>;
  carrierCode?: Maybe<string>;
  serviceCode?: Maybe<string>;
  packageCode?: Maybe<string>;
  confirmation?: Maybe<OrderConfirmation>;
  shipDate?: Maybe<string>;
  holdUntilDate?: Maybe<string>;
  weight?: Maybe<V1Weight>;
  dimensions?: Maybe<{ length: number; width: number; height: number; units?: Maybe<OrderDimensions['units']> }>;
  insuranceOptions?: Maybe<{ provider?: Maybe<string>; insureShipment?: Maybe<boolean>; insuredValue?: Maybe<number> }>;
  internationalOptions?: Maybe<{
    contents?: Maybe<string>;
    customsItems?: Maybe<{ description?: Maybe<string>; quantity?: Maybe<number>; value?: Maybe<number>; harmonizedTariffCode?: Maybe<string>; countryOfOrigin?: Maybe<string> }[]>;
    nonDelivery?: Maybe<string>;
  }>;
  advancedOptions?: Maybe<Partial<Record<keyof AdvancedOptions | 'storeId', unknown>>>;
  tagIds?: Maybe<number[]>;
}

const s = (v: Maybe<string>): string | null => (v === undefined || v === null ? null : v);
const trimmed = (v: Maybe<string>): string | null => (v?.trim() ? v.trim() : null);

/** The "Address..." wording V1 uses for each validation outcome. */
const ADDRESS_VERIFIED = {
  verified: 'Address validated successfully',
  warning: 'Address validation warning',
  error: 'Address validation failed',
  unverified: 'Address not yet validated',
} as const;

function addressIn(a: V1Address, verify: boolean): OrderAddress {
  const address: OrderAddress = {
    name: s(a.name),
    company: s(a.company),
    street1: s(a.street1),
    street2: s(a.street2),
    street3: s(a.street3),
    city: s(a.city),
    state: s(a.state),
    postalCode: s(a.postalCode),
    country: a.country ? a.country.toUpperCase() : null,
    phone: s(a.phone),
    residential: a.residential ?? null,
    addressVerified: null,
  };
  // ShipStation checks ship-to addresses as orders arrive; addressVerified is read-only.
  if (verify) address.addressVerified = ADDRESS_VERIFIED[validateAddress(toPostalAddress(address)).status];
  return address;
}

function itemIn(i: V1OrderItemBody): OrderItemInput {
  return {
    lineItemKey: s(i.lineItemKey),
    sku: trimmed(i.sku),
    name: i.name ?? '',
    imageUrl: s(i.imageUrl),
    weight: i.weight ? { value: i.weight.value, units: i.weight.units } : null,
    quantity: i.quantity ?? 1,
    unitPriceCents: centsIn(i.unitPrice),
    taxAmountCents: nullableCentsIn(i.taxAmount),
    shippingAmountCents: nullableCentsIn(i.shippingAmount),
    warehouseLocation: s(i.warehouseLocation),
    options: (i.options ?? []).map((o) => ({ name: o.name ?? '', value: o.value ?? '' })),
    productId: i.productId || null,
    fulfillmentSku: s(i.fulfillmentSku),
    adjustment: i.adjustment === true,
    upc: s(i.upc),
  };
}

const flag = (v: unknown) => v === true;
const textOf = (v: unknown) => (typeof v === 'string' ? v : null);
/** 0 is how .NET clients say "none". */
const intOf = (v: unknown) => (typeof v === 'number' && v !== 0 ? v : null);

/** Parses a createorder body; throws a validation error naming every bad date at once. */
export function orderIn(body: V1OrderBody): OrderInput {
  const problems = new FieldProblems();
  const orderDate = instantIn(problems, 'orderDate', body.orderDate);
  const paymentDate = instantIn(problems, 'paymentDate', body.paymentDate);
  const shipByDate = instantIn(problems, 'shipByDate', body.shipByDate);
  const shipDate = calendarDateIn(problems, 'shipDate', body.shipDate);
  const holdUntil = instantIn(problems, 'holdUntilDate', body.holdUntilDate);
  if (orderDate === null && body.orderDate.trim() === '') problems.add('orderDate', 'The orderDate field is required.');
  problems.check();
  const adv = body.advancedOptions ?? {};
  const insurance = body.insuranceOptions ?? {};
  const intl = body.internationalOptions ?? {};
  return {
    orderId: body.orderId || null,
    orderNumber: body.orderNumber,
    orderKey: trimmed(body.orderKey),
    orderDate: orderDate!,
    paymentDate,
    shipByDate,
    status: body.orderStatus,
    customerUsername: trimmed(body.customerUsername),
    customerEmail: trimmed(body.customerEmail),
    billTo: addressIn(body.billTo, false),
    shipTo: addressIn(body.shipTo, true),
    items: (body.items ?? []).map(itemIn),
    amountPaidCents: centsIn(body.amountPaid),
    taxAmountCents: centsIn(body.taxAmount),
    shippingAmountCents: centsIn(body.shippingAmount),
    customerNotes: s(body.customerNotes),
    internalNotes: s(body.internalNotes),
    gift: body.gift === true,
    giftMessage: s(body.giftMessage),
    paymentMethod: s(body.paymentMethod),
    requestedShippingService: s(body.requestedShippingService),
    carrierCode: trimmed(body.carrierCode),
    serviceCode: trimmed(body.serviceCode),
    packageCode: trimmed(body.packageCode),
    confirmation: body.confirmation ?? 'none',
    shipDate,
    holdUntil,
    weight: body.weight ? { value: body.weight.value, units: body.weight.units } : null,
    dimensions: body.dimensions
      ? { length: body.dimensions.length, width: body.dimensions.width, height: body.dimensions.height, units: body.dimensions.units ?? 'inches' }
      : null,
    insuranceOptions: {
      provider: s(insurance.provider),
      insureShipment: insurance.insureShipment === true,
      insuredValueCents: centsIn(insurance.insuredValue),
    },
    internationalOptions: {
      contents: s(intl.contents),
      nonDelivery: s(intl.nonDelivery),
      customsItems: intl.customsItems
        ? intl.customsItems.map((c, index) => ({
            customsItemId: index + 1,
            description: s(c.description),
            quantity: c.quantity ?? 1,
            valueCents: centsIn(c.value),
            harmonizedTariffCode: s(c.harmonizedTariffCode),
            countryOfOrigin: c.countryOfOrigin ? c.countryOfOrigin.toUpperCase() : null,
          }))
        : null,
    },
    advancedOptions: {
      warehouseId: intOf(adv.warehouseId),
      nonMachinable: flag(adv.nonMachinable),
      saturdayDelivery: flag(adv.saturdayDelivery),
      containsAlcohol: flag(adv.containsAlcohol),
      customField1: textOf(adv.customField1),
      customField2: textOf(adv.customField2),
      customField3: textOf(adv.customField3),
      source: textOf(adv.source),
      billToParty: textOf(adv.billToParty),
      billToAccount: textOf(adv.billToAccount),
      billToPostalCode: textOf(adv.billToPostalCode),
      billToCountryCode: textOf(adv.billToCountryCode),
      billToMyOtherAccount: intOf(adv.billToMyOtherAccount),
    },
    storeId: intOf(adv.storeId),
    tagIds: body.tagIds ?? null,
  };
}

/** V1's read-only WeightUnits code for each unit. */
const WEIGHT_UNIT_CODE: Record<OrderWeight['units'], number> = { ounces: 1, grams: 2, pounds: 3 };

const weightOut = (w: OrderWeight) => ({ value: w.value, units: w.units, WeightUnits: WEIGHT_UNIT_CODE[w.units] });

function itemOut(i: OrderItem) {
  return {
    orderItemId: i.id,
    lineItemKey: i.lineItemKey,
    sku: i.sku,
    name: i.name,
    imageUrl: i.imageUrl,
    weight: i.weight ? weightOut(i.weight) : null,
    quantity: i.quantity,
    unitPrice: dollarsOut(i.unitPriceCents),
    taxAmount: nullableDollarsOut(i.taxAmountCents),
    shippingAmount: nullableDollarsOut(i.shippingAmountCents),
    warehouseLocation: i.warehouseLocation,
    options: i.options,
    productId: i.productId,
    fulfillmentSku: i.fulfillmentSku,
    adjustment: i.adjustment,
    upc: i.upc,
    createDate: dateTimeOut(i.createdAt),
    modifyDate: dateTimeOut(i.modifiedAt),
  };
}

export function orderOut(o: Order) {
  const intl = o.internationalOptions;
  return {
    orderId: o.id,
    orderNumber: o.orderNumber,
    orderKey: o.orderKey,
    orderDate: dateTimeOut(o.orderDate),
    createDate: dateTimeOut(o.createdAt),
    modifyDate: dateTimeOut(o.modifiedAt),
    paymentDate: dateTimeOut(o.paymentDate),
    shipByDate: dateTimeOut(o.shipByDate),
    orderStatus: o.status,
    customerId: o.customerId,
    customerUsername: o.customerUsername,
    customerEmail: o.customerEmail,
    billTo: o.billTo,
    shipTo: o.shipTo,
    items: o.items.map(itemOut),
    orderTotal: dollarsOut(o.orderTotalCents),
    amountPaid: dollarsOut(o.amountPaidCents),
    taxAmount: dollarsOut(o.taxAmountCents),
    shippingAmount: dollarsOut(o.shippingAmountCents),
    customerNotes: o.customerNotes,
    internalNotes: o.internalNotes,
    gift: o.gift,
    giftMessage: o.giftMessage,
    paymentMethod: o.paymentMethod,
    requestedShippingService: o.requestedShippingService,
    carrierCode: o.carrierCode,
    serviceCode: o.serviceCode,
    packageCode: o.packageCode,
    confirmation: o.confirmation,
    shipDate: o.shipDate,
    holdUntilDate: dateOut(o.holdUntil),
    weight: weightOut(o.weight),
    dimensions: o.dimensions,
    insuranceOptions: {
      provider: o.insuranceOptions.provider,
      insureShipment: o.insuranceOptions.insureShipment,
      insuredValue: dollarsOut(o.insuranceOptions.insuredValueCents),
    },
    internationalOptions: {
      contents: intl.contents,
      customsItems: intl.customsItems?.map((c) => ({
        customsItemId: c.customsItemId,
        description: c.description,
        quantity: c.quantity,
        value: dollarsOut(c.valueCents),
        harmonizedTariffCode: c.harmonizedTariffCode,
        countryOfOrigin: c.countryOfOrigin,
      })) ?? null,
      nonDelivery: intl.nonDelivery,
    },
    advancedOptions: {
      warehouseId: o.advancedOptions.warehouseId,
      nonMachinable: o.advancedOptions.nonMachinable,
      saturdayDelivery: o.advancedOptions.saturdayDelivery,
      containsAlcohol: o.advancedOptions.containsAlcohol,
      // Shipdock neither merges nor splits orders.
      mergedOrSplit: false,
      mergedIds: [],
      parentId: null,
      storeId: o.storeId,
      customField1: o.advancedOptions.customField1,
      customField2: o.advancedOptions.customField2,
      customField3: o.advancedOptions.customField3,
      source: o.advancedOptions.source,
      billToParty: o.advancedOptions.billToParty,
      billToAccount: o.advancedOptions.billToAccount,
      billToPostalCode: o.advancedOptions.billToPostalCode,
      billToCountryCode: o.advancedOptions.billToCountryCode,
      billToMyOtherAccount: o.advancedOptions.billToMyOtherAccount,
    },
    tagIds: o.tagIds.length > 0 ? o.tagIds : null,
    userId: o.userId,
    // No fulfillment network (e.g. Amazon FBA) ships Shipdock orders.
    externallyFulfilled: false,
    externallyFulfilledBy: null,
    externallyFulfilledById: null,
    externallyFulfilledByName: null,
  };
}

/** Each order's V1 JSON text (what the lists keep: it must depend on the order alone). */
export const orderTexts = (orders: Order[]): string[] => orders.map((o) => JSON.stringify(orderOut(o)));
