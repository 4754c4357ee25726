// The baseline: a bare Fastify endpoint returning about 1 KB of JSON, nothing else.
import Fastify from 'fastify';

const body = {
  warehouses: Array.from({ length: 4 }, (_, i) => ({
    warehouse_id: `se-${1000 + i}`,
    name: `Warehouse ${i}`,
    created_at: '2026-01-01T00:00:00.000Z',
    origin_address: { name: 'Dock', phone: '512-555-0100', address_line1: '500 W 2nd St', city_locality: 'Austin', state_province: 'TX', postal_code: '78701', country_code: 'US' },
  })),
};
const app = Fastify();
app.get('/bare', async () => body);
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
console.log('listening');
