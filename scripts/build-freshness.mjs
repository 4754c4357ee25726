// Is dist/ the build of the src/ next to it? `npm start` and `npx shipdock` run dist/; when src/
// changed since the last build (a `git pull`, an edit) they rebuild first instead of running stale
// code. Only file times are read (about 450 stats), so the check costs a few milliseconds.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

function newestFile(dir) {
  let newest = { path: null, mtimeMs: 0 };
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const candidate = entry.isDirectory() ? newestFile(path) : { path, mtimeMs: statSync(path).mtimeMs };
    if (candidate.mtimeMs > newest.mtimeMs) newest = candidate;
  }
  return newest;
}

/** Why dist/ under `root` cannot be run as is (missing, or older than a file in src/), or null. */
export function staleReason(root = ROOT) {
  const src = join(root, 'src');
  const marker = join(root, 'dist', '.built');
  if (!existsSync(src)) return null; // an install without sources: dist/ is all there is
  if (!existsSync(marker)) return 'dist/ has not been built';
  const newest = newestFile(src);
  if (newest.mtimeMs > statSync(marker).mtimeMs) return `${newest.path.slice(root.length).replace(/^[\\/]/, '')} changed since the last build`;
  return null;
}

/** Rebuilds dist/ when it is missing or stale, saying so in one line on stderr. */
export async function ensureFreshBuild(root = ROOT) {
  const reason = staleReason(root);
  if (!reason) return false;
  process.stderr.write(`shipdock: ${reason}; rebuilding dist/ (npm run build)\n`);
  const { buildDist } = await import('./build.mjs');
  await buildDist();
  return true;
}
