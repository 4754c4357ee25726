// The CLI lives in src/cli/ (one file per command group); this path stays for bin/shipdock.js and imports.
export { runCli } from './cli/index.ts';
