// A sales order as ShipStation V1 models it. Money is integer cents, instants are ISO-8601 UTC,
// calendar dates (shipDate) are YYYY-MM-DD; the V1 mapper converts to dollars and Pacific time.

export const ORDER_STATUSES = ['awaiting_payment', 'awaiting_shipment', 'pending_fulfillment', 'shipped', 'on_hold', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** Only open orders can be replaced by createorder; shipped and cancelled orders are final. */
export const UPDATABLE_STATUSES: ReadonlySet<OrderStatus> = new Set(['awaiting_payment', 'awaiting_shipment', 'pending_fulfillment', 'on_hold']);

export const CONFIRMATIONS = ['none', 'delivery', 'signature', 'adult_signature', 'direct_signature'] as const;
export type OrderConfirmation = (typeof CONFIRMATIONS)[number];

export const WEIGHT_UNITS = ['pounds', 'ounces', 'grams'] as const;
export type OrderWeightUnit = (typeof WEIGHT_UNITS)[number];

export const DIMENSION_UNITS = ['inches', 'centimeters'] as const;
export type OrderDimensionUnit = (typeof DIMENSION_UNITS)[number];

export interface OrderAddress {
  name: string | null;
  company: string | null;
  street1: string | null;
  street2: string | null;
  street3: string | null;
  city: string | null;
  state: string | null;
  postalCode: string | null;
  country: string | null;
  phone: string | null;
  residential: boolean | null;
  addressVerified: string | null;
}

export interface OrderWeight {
  value: number;
  units: OrderWeightUnit;
}

export interface OrderDimensions {
  length: number;
  width: number;
  height: number;
  units: OrderDimensionUnit;
}

export interface ItemOption {
  name: string;
  value: string;
}

export interface OrderItemInput {
  lineItemKey: string | null;
  sku: string | null;
  name: string;
  imageUrl: string | null;
  weight: OrderWeight | null;
  quantity: number;
  unitPriceCents: number;
  taxAmountCents: number | null;
  shippingAmountCents: number | null;
  warehouseLocation: string | null;
  options: ItemOption[];
  productId: number | null;
  fulfillmentSku: string | null;
  adjustment: boolean;
  upc: string | null;
}

/** An item's optional fields, all empty: what an item imported from elsewhere (a V2 shipment, a seed) starts from. */
export const blankItemFields = (): Omit<OrderItemInput, 'lineItemKey' | 'sku' | 'name' | 'quantity' | 'unitPriceCents' | 'weight'> => ({
  imageUrl: null,
  taxAmountCents: null,
  shippingAmountCents: null,
  warehouseLocation: null,
  options: [],
  productId: null,
  fulfillmentSku: null,
  adjustment: false,
  upc: null,
});

export interface OrderItem extends OrderItemInput {
  id: number;
  createdAt: string;
  modifiedAt: string;
}

export interface InsuranceOptions {
  provider: string | null;
  insureShipment: boolean;
  insuredValueCents: number;
}

export interface OrderCustomsItem {
  customsItemId: number;
  description: string | null;
  quantity: number;
  valueCents: number;
  harmonizedTariffCode: string | null;
  countryOfOrigin: string | null;
}

export interface InternationalOptions {
  contents: string | null;
  customsItems: OrderCustomsItem[] | null;
  nonDelivery: string | null;
}

export interface AdvancedOptions {
  warehouseId: number | null;
  nonMachinable: boolean;
  saturdayDelivery: boolean;
  containsAlcohol: boolean;
  customField1: string | null;
  customField2: string | null;
  customField3: string | null;
  source: string | null;
  billToParty: string | null;
  billToAccount: string | null;
  billToPostalCode: string | null;
  billToCountryCode: string | null;
  billToMyOtherAccount: number | null;
}

/** Everything createorder accepts, already parsed (cents, ISO instants). */
export interface OrderInput {
  /** Names the order to update (ignored when it matches none). */
  orderId: number | null;
  orderNumber: string;
  orderKey: string | null;
  orderDate: string;
  paymentDate: string | null;
  shipByDate: string | null;
  status: OrderStatus;
  customerUsername: string | null;
  customerEmail: string | null;
  billTo: OrderAddress;
  shipTo: OrderAddress;
  items: OrderItemInput[];
  amountPaidCents: number;
  taxAmountCents: number;
  shippingAmountCents: number;
  customerNotes: string | null;
  internalNotes: string | null;
  gift: boolean;
  giftMessage: string | null;
  paymentMethod: string | null;
  requestedShippingService: string | null;
  carrierCode: string | null;
  serviceCode: string | null;
  packageCode: string | null;
  confirmation: OrderConfirmation;
  shipDate: string | null;
  /** Instant an on_hold order returns to awaiting_shipment. */
  holdUntil: string | null;
  weight: OrderWeight | null;
  dimensions: OrderDimensions | null;
  insuranceOptions: InsuranceOptions;
  internationalOptions: InternationalOptions;
  advancedOptions: AdvancedOptions;
  /** Only honoured when the order is created. */
  storeId: number | null;
  /** null leaves the order's tags as they are; an array replaces them. */
  tagIds: number[] | null;
}

/** How an order left the building, when it was shipped through Shipdock. */
export interface ShippingRecord {
  trackingNumber: string | null;
  labelId: number | null;
}

/** The JSON `body` column: the parts of an order no list filters on. */
export interface OrderBody {
  billTo: OrderAddress;
  shipTo: OrderAddress;
  customerNotes: string | null;
  internalNotes: string | null;
  gift: boolean;
  giftMessage: string | null;
  paymentMethod: string | null;
  requestedShippingService: string | null;
  carrierCode: string | null;
  serviceCode: string | null;
  packageCode: string | null;
  confirmation: OrderConfirmation;
  weight: OrderWeight;
  dimensions: OrderDimensions | null;
  insuranceOptions: InsuranceOptions;
  internationalOptions: InternationalOptions;
  advancedOptions: AdvancedOptions;
  shipping: ShippingRecord | null;
}

export interface Order extends OrderBody {
  id: number;
  accountId: number;
  storeId: number;
  orderKey: string;
  orderNumber: string;
  status: OrderStatus;
  active: boolean;
  customerId: number | null;
  customerEmail: string | null;
  customerUsername: string | null;
  orderDate: string;
  paymentDate: string | null;
  shipByDate: string | null;
  shipDate: string | null;
  holdUntil: string | null;
  userId: string | null;
  orderTotalCents: number;
  amountPaidCents: number;
  taxAmountCents: number;
  shippingAmountCents: number;
  items: OrderItem[];
  tagIds: number[];
  createdAt: string;
  modifiedAt: string;
}
