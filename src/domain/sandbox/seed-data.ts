// What the sandbox seed draws from: stores, status shares, shipping choices, names, places and
// products. The addresses are real, so rates and labels work for them.
import type { OrderStatus } from '../orders/types.ts';

/** Stores the seed opens (besides the account's Manual Orders store), by marketplace name. */
export const SEED_STORES = [
  { name: 'Acme on Amazon', marketplace: 'Amazon', numbering: 'amazon' },
  { name: 'Acme on eBay', marketplace: 'eBay', numbering: 'ebay' },
  { name: 'Acme Shopify', marketplace: 'Shopify', numbering: 'shop' },
] as const;

/** Status shares (per 100 orders) on an account that has been selling for a while. */
export const STATUS_WEIGHTS: [OrderStatus, number][] = [
  ['shipped', 40],
  ['awaiting_shipment', 22],
  ['awaiting_payment', 10],
  ['pending_fulfillment', 6],
  ['on_hold', 8],
  ['cancelled', 14],
];

export const SHIPPING = [
  { carrierCode: 'stamps_com', serviceCode: 'usps_ground_advantage', requested: 'Standard Shipping' },
  { carrierCode: 'stamps_com', serviceCode: 'usps_priority_mail', requested: 'Priority' },
  { carrierCode: 'ups', serviceCode: 'ups_ground', requested: 'Ground' },
  { carrierCode: 'fedex', serviceCode: 'fedex_ground', requested: 'Ground' },
] as const;

export const FIRST = ['Olivia', 'Liam', 'Emma', 'Noah', 'Ava', 'Mateo', 'Sofia', 'Lucas', 'Mia', 'Ethan', 'Amelia', 'Mason', 'Harper', 'Logan', 'Ella', 'Aiden', 'Grace', 'Wei', 'Priya', 'Omar', 'Chloe', 'Diego', 'Hana', 'Jamal'];
export const LAST = ['Smith', 'Johnson', 'Garcia', 'Nguyen', 'Patel', 'Kim', 'Brown', 'Martinez', 'Lee', 'Davis', 'Lopez', 'Wilson', 'Anderson', 'Thomas', 'Moore', 'Jackson', 'Clark', 'Lewis', 'Walker', 'Young'];
export const PLACES = [
  { street1: '123 Atlantic Ave', city: 'Brooklyn', state: 'NY', postalCode: '11201' },
  { street1: '233 S Wacker Dr', city: 'Chicago', state: 'IL', postalCode: '60606' },
  { street1: '1600 Amphitheatre Pkwy', city: 'Mountain View', state: 'CA', postalCode: '94043' },
  { street1: '1 Microsoft Way', city: 'Redmond', state: 'WA', postalCode: '98052' },
  { street1: '1000 Vin Scully Ave', city: 'Los Angeles', state: 'CA', postalCode: '90012' },
  { street1: '100 Legends Way', city: 'Boston', state: 'MA', postalCode: '02114' },
  { street1: '1901 Wazee St', city: 'Denver', state: 'CO', postalCode: '80202' },
  { street1: '401 Biscayne Blvd', city: 'Miami', state: 'FL', postalCode: '33132' },
  { street1: '600 N 1st Ave', city: 'Minneapolis', state: 'MN', postalCode: '55403' },
  { street1: '201 E Randolph St', city: 'Chicago', state: 'IL', postalCode: '60601' },
  { street1: '1 Lincoln Financial Field Way', city: 'Philadelphia', state: 'PA', postalCode: '19148' },
  { street1: '1510 Polk St', city: 'Houston', state: 'TX', postalCode: '77002' },
];
export const PRODUCT_KINDS = [
  { noun: 'Mug', ounces: 14, cents: 1499 },
  { noun: 'T-Shirt', ounces: 6, cents: 2200 },
  { noun: 'Hoodie', ounces: 20, cents: 4800 },
  { noun: 'Water Bottle', ounces: 9, cents: 2499 },
  { noun: 'Notebook', ounces: 8, cents: 999 },
  { noun: 'Phone Case', ounces: 3, cents: 1899 },
  { noun: 'Backpack', ounces: 30, cents: 6900 },
  { noun: 'Candle', ounces: 12, cents: 1800 },
];
export const ADJECTIVES = ['Classic', 'Trail', 'Summit', 'Harbor', 'Canyon', 'Aurora', 'Meadow', 'Granite', 'Coastal', 'Midnight', 'Prairie', 'Cedar'];
export const COLORS = ['Black', 'Navy', 'Sand', 'Forest', 'Red', 'White'];
