// `npm run build` (and `npm install`, through `prepare`): src/ → dist/, so `npm start` runs plain
// Node without a TypeScript loader. esbuild only strips types (seconds); `npm run typecheck` is the
// type check. Two passes:
// 1. one JavaScript file per TypeScript file, mirroring src/ at the same depth (what workers and
//    any single module load), with the Eta views, static files and .mjs workers copied beside them;
// 2. the entries (server, CLI) bundled over their per-file copies, with lazily imported parts in
//    chunks beside them: linking one file instead of ~450 took a quarter off the start's CPU.
//    Packages stay imports. Each module's `import.meta.url` is rewritten to the URL of its per-file
//    copy, so paths built from it (../../../reference, views/, workers) still resolve.
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { cpSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
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

/** `import.meta.url` in a bundled module means the URL of its per-file copy (bundles sit at dist/'s root). */
const perFileUrls = {
  name: 'per-file-import-meta-url',
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /\.ts$/ }, async (args) => {
      let contents = await readFile(args.path, 'utf8');
      if (args.path.startsWith(src + sep) && contents.includes('import.meta.url')) {
        const copy = `./${relative(src, args.path).split(sep).join('/').replace(/\.ts$/, '.js')}`;
        contents = contents.replaceAll('import.meta.url', `new URL(${JSON.stringify(copy)}, import.meta.url).href`);
      }
      return { contents, loader: 'ts' };
    });
    // The build scripts stay outside (the server imports ../scripts/build-freshness.mjs).
    pluginBuild.onResolve({ filter: /^\.\.\/scripts\// }, (args) => ({ path: args.path, external: true }));
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
  await build({
    entryPoints: [join(src, 'server.ts'), join(src, 'cli.ts')],
    outdir: out,
    outbase: src,
    bundle: true,
    splitting: true,
    chunkNames: '[name]-[hash]',
    packages: 'external',
    plugins: [perFileUrls],
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    logLevel: 'warning',
    allowOverwrite: true,
  });
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
