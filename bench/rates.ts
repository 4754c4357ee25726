// POST /v2/rates for a domestic shipment across the four simulated carriers (every service),
// against a bare Fastify endpoint in the same run. Run: npm run bench -- rates
import { BENCH_KEYS, engines, measure, report, startNode, startShipdock } from './lib.ts';

const shipment = {
  ship_from: { name: 'Dock', phone: '512-555-0100', address_line1: '500 W 2nd St', city_locality: 'Austin', state_province: 'TX', postal_code: '78701', country_code: 'US' },
  ship_to: { name: 'Jane', phone: '718-555-0199', address_line1: '123 Atlantic Ave', city_locality: 'Brooklyn', state_province: 'NY', postal_code: '11201', country_code: 'US', address_residential_indicator: 'yes' },
  packages: [{ weight: { value: 3, unit: 'pound' }, dimensions: { length: 12, width: 10, height: 6, unit: 'inch' } }],
};

const bare = await startNode('bench/bare-server.ts', {});
const baseline = await measure('bare Fastify GET', { url: `${bare.url}/bare` });
await bare.stop();

for (const engine of engines()) {
  const server = await startShipdock(engine);
  try {
    const probe = await fetch(`${server.url}/v2/rates`, {
      method: 'POST',
      headers: { 'api-key': BENCH_KEYS.SHIPDOCK_API_KEY, 'content-type': 'application/json' },
      body: JSON.stringify({ shipment }),
    });
    const rated = (await probe.json()) as { rate_response: { rates: unknown[]; invalid_rates: unknown[] } };
    if (rated.rate_response.rates.length === 0) throw new Error('the probe request returned no rates; the benchmark would measure nothing');
    console.log(`\none request rates ${rated.rate_response.rates.length} services (+${rated.rate_response.invalid_rates.length} invalid) over 4 carriers`);
    const row = await measure(`POST /v2/rates, 4 carriers [${engine}]`, {
      url: `${server.url}/v2/rates`,
      method: 'POST',
      headers: { 'api-key': BENCH_KEYS.SHIPDOCK_API_KEY, 'content-type': 'application/json' },
      body: JSON.stringify({ shipment }),
    });
    report(`Rates on ${engine}`, [baseline, row], baseline);
  } finally {
    await server.stop();
  }
}
