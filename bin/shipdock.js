#!/usr/bin/env node
// `npx shipdock ...`: the administration CLI, compiled (dist/cli.js); rebuilt first when src/ changed.
import { ensureFreshBuild } from '../scripts/build-freshness.mjs';

await ensureFreshBuild();
const { runCli } = await import('../dist/cli.js');
process.exitCode = await runCli(process.argv.slice(2));
