// Label purchases per second over HTTP (label_download_type url: files render on first download)
// and label reads by id. Run: npm run bench -- labels
import { absoluteRow, alternatingWithBare, BENCH_KEYS, LOAD, measure, medianOf, ratioRow, startShipdock, type BenchRow, type BenchRun } from './lib.ts';

const address = (name: string, line1: string, city: string, state: string, zip: string) => ({
  name, phone: '512-555-0100', address_line1: line1, city_locality: city, state_province: state, postal_code: zip, country_code: 'US',
});

export async function figures(run: BenchRun): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const engine of run.engines) {
    const server = await startShipdock(engine);
    try {
      const headers = { 'api-key': BENCH_KEYS.SHIPDOCK_API_KEY, 'content-type': 'application/json' };
      const carriers = (await (await fetch(`${server.url}/v2/carriers`, { headers })).json()) as { carriers: { carrier_id: string; carrier_code: string }[] };
      const ups = carriers.carriers.find((c) => c.carrier_code === 'ups')!.carrier_id;
      const body = JSON.stringify({
        shipment: {
          carrier_id: ups,
          service_code: 'ups_ground',
          ship_from: address('Dock', '500 W 2nd St', 'Austin', 'TX', '78701'),
          ship_to: address('Jane', '123 Atlantic Ave', 'Brooklyn', 'NY', '11201'),
          packages: [{ weight: { value: 3, unit: 'pound' } }],
        },
      });
      const bought = await fetch(`${server.url}/v2/labels`, { method: 'POST', headers, body });
      if (bought.status !== 200) throw new Error(`POST /v2/labels answered ${bought.status}: ${await bought.text()}`);
      const { label_id } = (await bought.json()) as { label_id: string };
      const read = await alternatingWithBare(run, () => measure('GET /v2/labels/{id}', { url: `${server.url}/v2/labels/${label_id}`, headers, ...LOAD }));
      rows.push(ratioRow('GET /v2/labels/{id}', engine, read.m, run, engine === 'sqlite' ? 50 : 30, read.bareRps));
      const buy = await medianOf(3, () => measure('POST /v2/labels', { url: `${server.url}/v2/labels`, method: 'POST', headers, body, ...LOAD }));
      rows.push(absoluteRow('POST /v2/labels', engine, buy, run, engine === 'sqlite' ? 1000 : 500, 'labels/s'));
    } finally {
      await server.stop();
    }
  }
  return rows;
}
