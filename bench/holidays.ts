// Micro-benchmark of the holiday check on the POST /v2/rates path: transit estimates for a spread
// of ship dates (every rate of every request runs one). `npx tsx bench/holidays.ts [src-root]`
// runs it against another checkout's src/ (e.g. an older commit) for a before/after ratio.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(process.argv[2] ?? 'src');
const { estimateDelivery } = (await import(pathToFileURL(`${root}/domain/rating/transit.ts`).href)) as typeof import('../src/domain/rating/transit.ts');
const DAY = 86_400_000;
const shipDates = Array.from({ length: 730 }, (_, i) => new Date(Date.UTC(2026, 0, 1) + i * DAY).toISOString().slice(0, 10));
const plans = [1, 2, 3, 5, 7].map((businessDays) => ({ businessDays, deliversSaturday: businessDays > 3, saturdayOption: true, commitTime: null }));

let checksum = 0;
const round = () => {
  const t0 = process.hrtime.bigint();
  for (const date of shipDates) for (const plan of plans) checksum += estimateDelivery(date, plan, { saturdayDelivery: false, residential: true })!.estimatedDeliveryDate.length;
  return Number(process.hrtime.bigint() - t0) / (shipDates.length * plans.length);
};
for (let i = 0; i < 5; i++) round(); // warm-up
const samples = Array.from({ length: 15 }, round).sort((a, b) => a - b);
console.log(`${root}: median ${samples[7].toFixed(0)} ns per transit estimate (min ${samples[0].toFixed(0)}), checksum ${checksum}`);
