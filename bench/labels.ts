// Label purchases per second over HTTP (label_download_type url: files render on first download),
// and documents rendered per second per format in-process. Run: npm run bench -- labels
import { cpus } from 'node:os';
import { renderLabelPdf, renderLabelPng, renderLabelZpl, type LabelDocumentInput } from '../src/domain/documents/index.ts';
import { BENCH_KEYS, engines, measure, report, startShipdock } from './lib.ts';

const address = (name: string, line1: string, city: string, state: string, zip: string) => ({
  name, phone: '512-555-0100', address_line1: line1, city_locality: city, state_province: state, postal_code: zip, country_code: 'US',
});

for (const engine of engines()) {
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
    const row = await measure(`POST /v2/labels (url) [${engine}]`, { url: `${server.url}/v2/labels`, method: 'POST', headers, body });
    report(`Label purchases on ${engine}`, [row]);
  } finally {
    await server.stop();
  }
}

const input: LabelDocumentInput = {
  labelId: 'se-1', carrierCode: 'ups', carrierName: 'UPS', serviceCode: 'ups_ground', serviceName: 'UPS Ground',
  trackingNumber: '1ZSIM0010300000017',
  shipFrom: { name: 'Dock', addressLine1: '500 W 2nd St', cityLocality: 'Austin', stateProvince: 'TX', postalCode: '78701', countryCode: 'US', residential: 'no' },
  shipTo: { name: 'Jane', addressLine1: '123 Atlantic Ave', cityLocality: 'Brooklyn', stateProvince: 'NY', postalCode: '11201', countryCode: 'US', residential: 'yes' },
  weightOz: 48, dimensionsIn: null, zone: 5, shipDate: '2026-11-23', references: ['Order 1001'], isTest: false, isReturn: false,
  packageIndex: 1, packageCount: 1, postageCents: 1234, international: false,
};

async function rate(label: string, render: () => Promise<unknown> | unknown, seconds = 3) {
  const until = Date.now() + seconds * 1000;
  let n = 0;
  while (Date.now() < until) {
    await render();
    n++;
  }
  console.log(`${label.padEnd(24)} ${(n / seconds).toFixed(1).padStart(8)} documents/s`);
}

console.log(`\nDocuments rendered per second, one process on one of ${cpus().length} cores`);
await rate('PDF 4x6', () => renderLabelPdf([input], { layout: '4x6' }));
await rate('PNG 203 dpi', () => renderLabelPng(input));
await rate('ZPL', () => renderLabelZpl([input]));
