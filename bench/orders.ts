// V1 orders at volume: a filtered GET /orders over 200k orders, and createorders at 100 orders
// per call, on the embedded database and (with DATABASE_URL) on PostgreSQL.
// Run: npm run bench -- orders
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import pg from 'pg';
import { openDatabase } from '../src/db/index.ts';
import { engines, measure, report, startNode, BENCH_KEYS, V1_AUTH, type Measured, type Running } from './lib.ts';

const ORDERS = 200_000;
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

/** Inserts 200k orders with one line each, straight through the database layer. */
async function seed(databaseUrl: string | null, dataDir: string): Promise<number> {
  const started = performance.now();
  const database = await openDatabase({ databaseUrl, dataDir, poolSize: 2 });
  const { db } = database;
  const store = await db.selectFrom('stores').select('id').where('account_id', '=', 1).orderBy('id').executeTakeFirstOrThrow();
  for (let from = 0; from < ORDERS; from += BATCH) {
    await db.transaction().execute(async (tx) => {
      const now = new Date().toISOString();
      const rows = Array.from({ length: BATCH }, (_, k) => {
        const n = from + k;
        // Orders arrive in date order (ids and dates rise together), give or take an hour.
        const orderDate = new Date(FIRST_ORDER + n * (SPAN_MS / ORDERS) + ((n * 7919) % 7_200_000) - 3_600_000).toISOString();
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
  if (databaseUrl) await sql`vacuum analyze orders, order_items`.execute(db);
  await database.close();
  return (performance.now() - started) / 1000;
}

/** PostgreSQL runs get a database of their own, dropped afterwards. */
async function scratchDatabase(url: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `shipdock_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const scratch = new URL(url);
  scratch.pathname = `/${name}`;
  return {
    url: scratch.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

let sequence = 0;
/** A createorders body of 100 new orders (fresh orderKeys every call). */
function createOrdersBody(): string {
  const call = (sequence += 1);
  return JSON.stringify(
    Array.from({ length: 100 }, (_, i) => ({
      orderNumber: `B${call}-${i}`,
      orderKey: `bench-${process.pid}-${call}-${i}`,
      orderDate: '2026-03-01 10:00:00',
      paymentDate: '2026-03-01 10:05:00',
      orderStatus: 'awaiting_shipment',
      customerEmail: `buyer${i}@example.com`,
      customerUsername: `buyer${i}`,
      billTo: { name: `Buyer ${i}` },
      shipTo: { name: `Buyer ${i}`, street1: '500 W 2nd St', city: 'Austin', state: 'TX', postalCode: '78701', country: 'US', residential: false },
      items: [
        { lineItemKey: 'a', sku: `SKU-${i % 50}`, name: 'Widget', quantity: 2, unitPrice: 12.5, weight: { value: 8, units: 'ounces' } },
        { lineItemKey: 'b', sku: `SKU-${(i + 7) % 50}`, name: 'Gadget', quantity: 1, unitPrice: 30 },
      ],
      amountPaid: 55,
      taxAmount: 0,
      shippingAmount: 0,
      carrierCode: 'stamps_com',
      serviceCode: 'usps_priority_mail',
    })),
  );
}

for (const engine of engines()) {
  const dataDir = mkdtempSync(join(tmpdir(), 'shipdock-bench-orders-'));
  const scratch = engine === 'postgres' ? await scratchDatabase(process.env.DATABASE_URL!) : null;
  const env = { ...BENCH_KEYS, SHIPDOCK_RATE_LIMIT_V1: '0', SHIPDOCK_RATE_LIMIT_V2: '0', SHIPDOCK_DATA_DIR: dataDir, DATABASE_URL: scratch?.url ?? '' };
  let server: Running | null = null;
  try {
    server = await startNode('src/server.ts', env);
    const seconds = await seed(scratch?.url ?? null, dataDir);
    console.log(`\n[${engine}] seeded ${ORDERS.toLocaleString('en-US')} orders (one line each) in ${seconds.toFixed(1)} s`);
    const headers = { authorization: V1_AUTH };
    const query = 'orderStatus=awaiting_shipment&orderDateStart=2024-06-01&orderDateEnd=2024-06-30%2023:59:59';
    const rows: Measured[] = [
      await measure(`GET /orders status+orderDate, 100/page [${engine}]`, { url: `${server.url}/orders?${query}`, headers }),
      await measure(`GET /orders same, sortBy=OrderDate [${engine}]`, { url: `${server.url}/orders?${query}&sortBy=OrderDate&sortDir=DESC`, headers }),
      await measure(`GET /orders, no filter, 100/page [${engine}]`, { url: `${server.url}/orders`, headers }),
      await measure(`GET /orders/{id} [${engine}]`, { url: `${server.url}/orders/123456`, headers }),
    ];
    report(`V1 orders on ${engine} over ${ORDERS.toLocaleString('en-US')} orders`, rows);
    const duration = 10;
    const created = await autocannon({
      url: `${server.url}/orders/createorders`,
      headers: { ...headers, 'content-type': 'application/json' },
      connections: 4,
      duration,
      requests: [{ method: 'POST', setupRequest: (request) => ({ ...request, body: createOrdersBody() }) }],
    });
    const calls = created.requests.total / duration;
    console.log(
      `POST /orders/createorders, 100 new orders per call [${engine}]: ${Math.round(calls * 100).toLocaleString('en-US')} orders/s ` +
        `(${calls.toFixed(1)} calls/s, p50 ${created.latency.p50} ms, p99 ${created.latency.p99} ms, 4 connections, non-2xx ${created.non2xx + created.errors})`,
    );
  } finally {
    await server?.stop();
    await scratch?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
