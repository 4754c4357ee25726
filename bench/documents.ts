// First renders of a 4x6 label per second, in process: on this thread alone (what one request
// costs the event loop) and through the render pool (every core). Each render is a new label
// (its own reference and recipient), as on a first download. Run: npm run bench -- documents
// (or `tsx bench/documents.ts [--quick]`).
import { pathToFileURL } from 'node:url';
import { availableParallelism } from 'node:os';
import type { LabelDocumentInput } from '../src/domain/documents/label-document.ts';
import { renderOnPool, renderThreads } from '../src/domain/documents/render-pool.ts';
import type { BenchRow, BenchRun } from './lib.ts';

const base: LabelDocumentInput = {
  labelId: 'se-1', carrierCode: 'ups', carrierName: 'UPS', serviceCode: 'ups_ground', serviceName: 'UPS Ground',
  trackingNumber: '1ZSIM0010300000017',
  shipFrom: { name: 'Dock', addressLine1: '500 W 2nd St', cityLocality: 'Austin', stateProvince: 'TX', postalCode: '78701', countryCode: 'US', residential: 'no' },
  shipTo: { name: 'Jane', addressLine1: '123 Atlantic Ave', cityLocality: 'Brooklyn', stateProvince: 'NY', postalCode: '11201', countryCode: 'US', residential: 'yes' },
  weightOz: 48, dimensionsIn: null, zone: 5, shipDate: '2026-11-23', references: ['Order 1001'], isTest: false, isReturn: false,
  packageIndex: 1, packageCount: 1, postageCents: 1234, international: false,
};
const labelNo = (i: number): LabelDocumentInput => ({ ...base, labelId: `se-${i}`, references: [`Order ${1000 + i}`], shipTo: { ...base.shipTo, name: `Buyer ${i}` } });

type Format = 'pdf' | 'png';

export interface DocumentRate {
  format: Format;
  /** renders per second on this thread alone */
  oneThread: number;
  /** renders per second through the pool, wall clock */
  pool: number;
  /** pool renders per CPU second of the whole process (all threads): what an idle machine would give per core */
  perCpuSecond: number;
  /** share of the process's possible CPU (threads x wall) the pool got: low on a machine others load */
  cpuShare: number;
}

async function oneThreadRate(format: Format, seconds: number): Promise<number> {
  const { renderLabelPdf } = await import('../src/domain/documents/render-label-pdf.ts');
  const { renderLabelPng } = await import('../src/domain/documents/render-label-png.ts');
  const render = (i: number) => (format === 'pdf' ? renderLabelPdf([labelNo(i)], { layout: '4x6' }) : renderLabelPng(labelNo(i)));
  await render(0);
  const until = performance.now() + seconds * 1000;
  const started = performance.now();
  let n = 0;
  while (performance.now() < until) await render(++n);
  return (n * 1000) / (performance.now() - started);
}

async function poolRate(format: Format, seconds: number): Promise<Omit<DocumentRate, 'format' | 'oneThread'>> {
  const task = (i: number) => (format === 'pdf' ? renderOnPool({ kind: 'label-pdf', inputs: [labelNo(i)], layout: '4x6' }) : renderOnPool({ kind: 'label-png', input: labelNo(i) }));
  // Warm every thread: module loading and font parsing are not per-label costs.
  await Promise.all(Array.from({ length: renderThreads() * 2 }, (_, i) => task(i)));
  const inFlight = renderThreads() * 4;
  let n = 0;
  let next = 0;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const until = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (performance.now() < until) {
        await task(next++);
        n++;
      }
    }),
  );
  const wall = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  return { pool: n / wall, perCpuSecond: n / cpuSeconds, cpuShare: cpuSeconds / (wall * availableParallelism()) };
}

export async function documentRates(seconds = 5): Promise<DocumentRate[]> {
  const rates: DocumentRate[] = [];
  for (const format of ['pdf', 'png'] as const) {
    const oneThread = await oneThreadRate(format, Math.min(3, seconds));
    rates.push({ format, oneThread, ...(await poolRate(format, seconds)) });
  }
  return rates;
}

const TARGETS: Record<Format, number> = { pdf: 120, png: 40 };

export async function figures(_run?: BenchRun): Promise<BenchRow[]> {
  const quick = process.argv.includes('--quick');
  return (await documentRates(quick ? 3 : 5)).map((r) => ({
    figure: `First render of a label: ${r.format.toUpperCase()}, render pool of ${renderThreads()} threads`,
    engine: 'in process',
    value:
      `${r.pool.toFixed(0)}/s (one thread ${r.oneThread.toFixed(0)}/s, x${(r.pool / r.oneThread).toFixed(1)}; ` +
      `${r.perCpuSecond.toFixed(0)} per CPU-s, got ${(100 * r.cpuShare).toFixed(0)}% of ${availableParallelism()} cores)`,
    target: `>= ${TARGETS[r.format]}/s using both cores`,
    met: r.pool >= TARGETS[r.format],
  }));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const row of await figures()) console.log(`${row.figure.padEnd(60)} ${row.value}  target ${row.target}  ${row.met ? 'met' : 'NOT met'}`);
  process.exit(0);
}
