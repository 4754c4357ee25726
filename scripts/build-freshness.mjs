// Is dist/ the build of the src/ next to it? `npm start` and `npx shipdock` run dist/; when src/
// changed since the last build (a `git pull`, an edit) they rebuild first instead of running stale
// code. Only file times are read (about 450 stats), so the check costs a few milliseconds.
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
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

/** One build at a time (parallel test files, two servers started together): a lock directory. */
async function withBuildLock(root, fn) {
  const lock = join(root, '.dist-build.lock');
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      // A build takes seconds; a lock a minute old was left by a killed build.
      if (Date.now() - statSync(lock, { throwIfNoEntry: false })?.mtimeMs > 60_000) rmSync(lock, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Rebuilds dist/ when it is missing or stale, saying so in one line on stderr. */
export async function ensureFreshBuild(root = ROOT) {
  if (!staleReason(root)) return false;
  return withBuildLock(root, async () => {
    const reason = staleReason(root); // another process may have built it meanwhile
    if (!reason) return false;
    process.stderr.write(`shipdock: ${reason}; rebuilding dist/ (npm run build)\n`);
    const { buildDist } = await import('./build.mjs');
    await buildDist();
    return true;
  });
}
