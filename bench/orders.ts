// V1 orders at volume: a filtered GET /orders over 200k orders, and createorders at 100 orders
// per call, on the embedded database and (with DATABASE_URL) on PostgreSQL.
// Run: npm run bench -- orders
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { openDatabase } from '../src/db/index.ts';
import { seedOrders } from './seed-orders.ts';
import { engines, measure, report, startNode, BENCH_KEYS, V1_AUTH, type Measured, type Running } from './lib.ts';

const ORDERS = 200_000;
/** Inserts 200k orders with one line each, straight through the database layer. */
async function seed(databaseUrl: string | null, dataDir: string): Promise<number> {
  const started = performance.now();
  const database = await openDatabase({ databaseUrl, dataDir, poolSize: 2 });
  await seedOrders(database.db, ORDERS, Boolean(databaseUrl));
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
