// `npm run bench -- <name>`: runs bench/<name>.ts (all of them when no name is given).
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const SKIP = new Set(['lib.ts', 'run.ts', 'bare-server.ts', 'seed-orders.ts']);
const wanted = process.argv.slice(2);
const scripts = readdirSync(new URL('.', import.meta.url))
  .filter((f) => f.endsWith('.ts') && !SKIP.has(f))
  .filter((f) => wanted.length === 0 || wanted.includes(f.replace(/\.ts$/, '')));
for (const script of scripts) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', `bench/${script}`], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
