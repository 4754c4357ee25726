// `npm run build` (and `npm install`, through `prepare`): src/ → dist/, one JavaScript file per
// TypeScript file, so `npm start` runs plain Node without a TypeScript loader. esbuild only strips
// types (about a second); `npm run typecheck` is the type check. dist/ mirrors src/ at the same
// depth, so paths built from import.meta.url (../../../reference, views/, static/, workers) hold.
import { build } from 'esbuild';
import { cpSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');
const dist = join(root, 'dist');

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/** Relative imports stay separate files; their `.ts` becomes `.js`. Packages stay imports. */
const keepRelativeImports = {
  name: 'keep-relative-imports',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^\.\.?\// }, (args) =>
      args.kind === 'entry-point' ? undefined : { path: args.path.replace(/\.ts$/, '.js'), external: true },
    );
  },
};

export async function buildDist() {
  const started = performance.now();
  const files = walk(src);
  // Built aside and swapped in, so a server running from dist/ never sees half a build.
  const out = `${dist}.partial-${process.pid}`;
  rmSync(out, { recursive: true, force: true });
  await build({
    entryPoints: files.filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts')),
    outdir: out,
    outbase: src,
    bundle: true,
    packages: 'external',
    plugins: [keepRelativeImports],
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  // Eta views, static files, .mjs workers: read at run time next to the module that uses them.
  for (const file of files.filter((f) => !f.endsWith('.ts'))) {
    const target = join(out, relative(src, file));
    mkdirSync(dirname(target), { recursive: true });
    cpSync(file, target);
  }
  // Written last: its presence means the build finished (bin/shipdock.js and the server check it).
  writeFileSync(join(out, '.built'), `${new Date().toISOString()}\n`);
  const old = `${dist}.old-${process.pid}`;
  try {
    renameSync(dist, old);
  } catch (error) {
    if (error.code !== 'ENOENT') throw error;
  }
  try {
    renameSync(out, dist);
  } catch (error) {
    // Another build (a parallel test file) swapped in the same sources first.
    if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
  }
  rmSync(old, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
  return { files: files.length, ms: Math.round(performance.now() - started) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { files, ms } = await buildDist();
  console.log(`shipdock: built dist/ from ${files} files in src/ (${ms} ms)`);
}
