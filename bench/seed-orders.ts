// Orders at volume for the benches: inserted straight through the database layer in batches of
// 1000 (an order and one line each), as saveOrder writes them.
import { sql } from 'kysely';
import type { Db } from '../src/db/index.ts';

const BATCH = 1000;
const STATUSES = ['awaiting_shipment', 'awaiting_shipment', 'awaiting_shipment', 'shipped', 'shipped', 'awaiting_payment', 'on_hold', 'cancelled'];
const SPAN_MS = 2 * 365 * 86_400_000;
const FIRST_ORDER = Date.parse('2024-01-01T00:00:00Z');

const address = (name: string) => ({
  name,
  company: null,
  street1: '1600 Pennsylvania Ave',
  street2: null,
  street3: null,
  city: 'Washington',
  state: 'DC',
  postalCode: '20500',
  country: 'US',
  phone: null,
  residential: false,
  addressVerified: 'Address validated successfully',
});

/** The JSON an order row carries, as saveOrder writes it. */
const orderJson = (name: string) =>
  JSON.stringify({
    billTo: address(name),
    shipTo: address(name),
    customerNotes: null,
    internalNotes: null,
    gift: false,
    giftMessage: null,
    paymentMethod: 'Credit Card',
    requestedShippingService: null,
    carrierCode: 'stamps_com',
    serviceCode: 'usps_priority_mail',
    packageCode: 'package',
    confirmation: 'none',
    weight: { value: 16, units: 'ounces' },
    dimensions: null,
    insuranceOptions: { provider: null, insureShipment: false, insuredValueCents: 0 },
    internationalOptions: { contents: null, customsItems: null, nonDelivery: null },
    advancedOptions: {
      warehouseId: null,
      nonMachinable: false,
      saturdayDelivery: false,
      containsAlcohol: false,
      customField1: null,
      customField2: null,
      customField3: null,
      source: null,
      billToParty: null,
      billToAccount: null,
      billToPostalCode: null,
      billToCountryCode: null,
      billToMyOtherAccount: null,
    },
    shipping: null,
  });

const ITEM_JSON = JSON.stringify({
  imageUrl: null,
  weight: { value: 16, units: 'ounces' },
  taxAmountCents: null,
  shippingAmountCents: null,
  warehouseLocation: null,
  options: [],
  fulfillmentSku: null,
  adjustment: false,
  upc: null,
});

/** Inserts `count` orders of account 1 (dates spread over two years, rising with the ids). */
export async function seedOrders(db: Db, count: number, postgres: boolean): Promise<void> {
  const store = await db.selectFrom('stores').select('id').where('account_id', '=', 1).orderBy('id').executeTakeFirstOrThrow();
  for (let from = 0; from < count; from += BATCH) {
    await db.transaction().execute(async (tx) => {
      const now = new Date().toISOString();
      const rows = Array.from({ length: BATCH }, (_, k) => {
        const n = from + k;
        // Orders arrive in date order (ids and dates rise together), give or take an hour.
        const orderDate = new Date(FIRST_ORDER + n * (SPAN_MS / count) + ((n * 7919) % 7_200_000) - 3_600_000).toISOString();
        const name = `Customer ${n % 5000}`;
        return {
          account_id: 1,
          store_id: store.id,
          order_key: `seed-${n}`,
          order_number: `S${String(n).padStart(7, '0')}`,
          order_number_search: `s${String(n).padStart(7, '0')}`,
          status: STATUSES[n % STATUSES.length],
          active: 1 as const,
          customer_id: null,
          customer_email: null,
          customer_username: null,
          bill_to_name: name,
          ship_to_name: name,
          ship_to_country: 'US',
          order_date: orderDate,
          payment_date: orderDate,
          ship_by_date: null,
          ship_date: null,
          hold_until_at: null,
          user_id: null,
          order_total_cents: 2500,
          amount_paid_cents: 2500,
          tax_amount_cents: 0,
          shipping_amount_cents: 0,
          body: orderJson(name),
          created_at: now,
          modified_at: now,
        };
      });
      const ids = await tx.insertInto('orders').values(rows).returning('id').execute();
      await tx
        .insertInto('order_items')
        .values(
          ids.map(({ id }, k) => ({
            account_id: 1,
            order_id: id,
            position: 0,
            line_item_key: null,
            sku: `SKU-${(from + k) % 300}`,
            name: 'Widget',
            quantity: 1,
            unit_price_cents: 2500,
            product_id: null,
            keywords: `sku-${(from + k) % 300}\nwidget`,
            body: ITEM_JSON,
            created_at: now,
            modified_at: now,
          })),
        )
        .execute();
    });
  }
  // What autovacuum does soon after a bulk load: statistics and the visibility map.
  if (postgres) await sql`vacuum analyze orders, order_items`.execute(db);
}

