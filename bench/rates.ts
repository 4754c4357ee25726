// POST /v2/rates for a domestic shipment across the four simulated carriers (every service).
// Run: npm run bench -- rates
import { absoluteRow, BENCH_KEYS, LOAD, measure, medianOf, startShipdock, type BenchRow, type BenchRun } from './lib.ts';

const shipment = {
  ship_from: { name: 'Dock', phone: '512-555-0100', address_line1: '500 W 2nd St', city_locality: 'Austin', state_province: 'TX', postal_code: '78701', country_code: 'US' },
  ship_to: { name: 'Jane', phone: '718-555-0199', address_line1: '123 Atlantic Ave', city_locality: 'Brooklyn', state_province: 'NY', postal_code: '11201', country_code: 'US', address_residential_indicator: 'yes' },
  packages: [{ weight: { value: 3, unit: 'pound' }, dimensions: { length: 12, width: 10, height: 6, unit: 'inch' } }],
};

export async function figures(run: BenchRun): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const engine of run.engines) {
    const server = await startShipdock(engine);
    try {
      const request = {
        url: `${server.url}/v2/rates`,
        method: 'POST' as const,
        headers: { 'api-key': BENCH_KEYS.SHIPDOCK_API_KEY, 'content-type': 'application/json' },
        body: JSON.stringify({ shipment }),
      };
      const probe = await fetch(request.url, request);
      const rated = (await probe.json()) as { rate_response: { rates: { carrier_code: string }[]; invalid_rates: { carrier_code: string }[] } };
      const carriers = new Set([...rated.rate_response.rates, ...rated.rate_response.invalid_rates].map((r) => r.carrier_code));
      if (carriers.size < 4) throw new Error(`the probe rated ${carriers.size} carriers, not 4; the benchmark would measure less`);
      const m = await medianOf(3, () => measure('POST /v2/rates', { ...request, ...LOAD }));
      const figure = `POST /v2/rates, 4 carriers (${rated.rate_response.rates.length} rates)`;
      rows.push(engine === 'sqlite' ? absoluteRow(figure, engine, m, run, 2000, 'req/s', 50) : absoluteRow(figure, engine, m, run, 1000));
    } finally {
      await server.stop();
    }
  }
  return rows;
}
