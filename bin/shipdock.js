#!/usr/bin/env node
// `npx shipdock ...`: the administration CLI (TypeScript sources run through tsx).
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/cli.ts');
process.exitCode = await runCli(process.argv.slice(2));
