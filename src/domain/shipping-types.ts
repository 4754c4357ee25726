// Surface-neutral shapes shared by the rating, label, tracking and address rules.
// API dialects (V1 camelCase, V2/ShipEngine snake_case) map to and from these.

export type WeightUnit = 'ounce' | 'pound' | 'gram' | 'kilogram';
export type DimensionUnit = 'inch' | 'centimeter';

export interface Weight {
  value: number;
  unit: WeightUnit;
}

export interface Dimensions {
  length: number;
  width: number;
  height: number;
  unit: DimensionUnit;
}

export type ResidentialIndicator = 'yes' | 'no' | 'unknown';

export interface PostalAddress {
  name: string;
  phone?: string | null;
  email?: string | null;
  companyName?: string | null;
  addressLine1: string;
  addressLine2?: string | null;
  addressLine3?: string | null;
  cityLocality: string;
  stateProvince: string;
  postalCode: string;
  countryCode: string;
  residential: ResidentialIndicator;
}

/** Money inside the domain is always integer cents (USD unless stated). */
export type Cents = number;

export interface ParcelInput {
  packageCode?: string | null;
  weight: Weight;
  dimensions?: Dimensions | null;
  insuredValueCents?: Cents;
}

export type Confirmation =
  | 'none'
  | 'delivery'
  | 'signature'
  | 'adult_signature'
  | 'direct_signature'
  | 'delivery_mailed'
  | 'verbal_confirmation';

export interface CustomsItemInput {
  description: string;
  quantity: number;
  valueCents: Cents;
  harmonizedTariffCode?: string | null;
  countryOfOrigin?: string | null;
  sku?: string | null;
  weight?: Weight | null;
}

export interface CustomsInput {
  contents: string;
  nonDelivery: string;
  items: CustomsItemInput[];
}
