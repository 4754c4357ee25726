import { loadConfig } from './src/config.ts';
import { buildApp } from './src/app.ts';
import { createContext } from './src/server.ts';
const config = loadConfig({ SHIPDOCK_DATA_DIR: '/tmp/prof', SHIPDOCK_V1_API_KEY: 'benchv1key', SHIPDOCK_V1_API_SECRET: 'benchv1secret', SHIPDOCK_RATE_LIMIT_V1: '0', LOG_LEVEL: 'silent', ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}) });
const ctx = await createContext(config);
const app = await buildApp(ctx, { logger: false });
await app.ready();
const auth = `Basic ${Buffer.from('benchv1key:benchv1secret').toString('base64')}`;
let seq = 0;
const body = () => { const call = ++seq; return Array.from({ length: 100 }, (_, i) => ({
      orderNumber: `P${call}-${i}`, orderKey: `prof-${Date.now()}-${call}-${i}`, orderDate: '2026-03-01 10:00:00', paymentDate: '2026-03-01 10:05:00', orderStatus: 'awaiting_shipment',
      customerEmail: `buyer${i}@example.com`, customerUsername: `buyer${i}`, billTo: { name: `Buyer ${i}` },
      shipTo: { name: `Buyer ${i}`, street1: '500 W 2nd St', city: 'Austin', state: 'TX', postalCode: '78701', country: 'US', residential: false },
      items: [ { lineItemKey: 'a', sku: `SKU-${i % 50}`, name: 'Widget', quantity: 2, unitPrice: 12.5, weight: { value: 8, units: 'ounces' } }, { lineItemKey: 'b', sku: `SKU-${(i + 7) % 50}`, name: 'Gadget', quantity: 1, unitPrice: 30 } ],
      amountPaid: 55, carrierCode: 'stamps_com', serviceCode: 'usps_priority_mail' })); };
const mode = process.argv[2];
if (mode === 'cpu') { const { Session } = await import('node:inspector/promises'); }
for (let i = 0; i < 8; i++) {
  const t0 = performance.now();
  const r = await app.inject({ method: 'POST', url: '/orders/createorders', payload: body(), headers: { authorization: auth } });
  console.log(r.statusCode, (performance.now() - t0).toFixed(0), 'ms');
}
const t0 = performance.now();
for (let i = 0; i < 20; i++) await app.inject({ method: 'GET', url: '/orders?orderStatus=awaiting_shipment&orderDateStart=2024-06-01&orderDateEnd=2024-06-30%2023:59:59', headers: { authorization: auth } });
console.log('list avg', ((performance.now() - t0) / 20).toFixed(1), 'ms');
await app.close(); await ctx.database.close();
