// Shipdock supports the Node lines named in package.json `engines` (20, 22, 24); no installed
// package, and no package the lock file would install, may exclude one of them, and the README and
// CI must name the same lines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { satisfies, supportedLines } from './semver-range.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } };
const lines = supportedLines(pkg.engines.node);

/** Every package.json under node_modules, nested ones included (scoped packages one level down). */
function installed(dir: string, found: { where: string; name: string; version: string; node?: string }[] = []) {
  if (!existsSync(dir)) return found;
  for (const entry of readdirSync(dir)) {
    if (entry.startsWith('.')) continue;
    const path = join(dir, entry);
    if (entry.startsWith('@')) {
      installed(path, found);
      continue;
    }
    const manifest = join(path, 'package.json');
    if (!existsSync(manifest)) continue;
    const json = JSON.parse(readFileSync(manifest, 'utf8'));
    found.push({ where: path.slice(ROOT.length), name: json.name, version: json.version, node: json.engines?.node });
    installed(join(path, 'node_modules'), found);
  }
  return found;
}

/** The lowest and a late release of each supported line must satisfy a package's range. */
const probes = lines.flatMap(({ major, min }) => [min, `${major}.99.0`]);

test('package.json engines names exactly the lines Shipdock is tested on: 20, 22 and 24', () => {
  assert.deepEqual(lines.map((l) => l.major), [20, 22, 24]);
  assert.ok(satisfies(process.versions.node, pkg.engines.node), `this Node ${process.versions.node} is one of them`);
});

test('no installed package excludes a supported Node line in its engines', () => {
  const packages = installed(join(ROOT, 'node_modules'));
  assert.ok(packages.length > 100, `${packages.length} packages scanned`);
  const excluding = packages.flatMap((p) =>
    p.node ? probes.filter((v) => !satisfies(v, p.node!)).map((v) => `${p.where} (${p.name}@${p.version}) engines.node "${p.node}" excludes Node ${v}`) : [],
  );
  assert.deepEqual(excluding, []);
});

test('no package in the lock file excludes a supported Node line (what a fresh `npm install` gets)', () => {
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string; engines?: { node?: string } | string[] }> };
  const excluding = Object.entries(lock.packages).flatMap(([where, p]) => {
    const range = Array.isArray(p.engines) ? undefined : p.engines?.node;
    if (!where || !range) return [];
    return probes.filter((v) => !satisfies(v, range)).map((v) => `${where}@${p.version} engines.node "${range}" excludes Node ${v}`);
  });
  assert.deepEqual(excluding, []);
});

test('the README and CI name the same Node lines', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  assert.match(readme, /\*\*Node\.js 20, 22 or 24\*\*/);
  const ci = readFileSync(join(ROOT, '.ci/run'), 'utf8');
  // Node 20 is the machine's; the others come from the npm registry's `node` package.
  for (const { major } of lines.filter((l) => l.major !== 20)) {
    assert.match(ci, new RegExp(`^scripts/test-on-node\\.sh ${major}$`, 'm'), `.ci/run runs the whole suite on Node ${major}`);
  }
  assert.match(readFileSync(join(ROOT, 'scripts/test-on-node.sh'), 'utf8'), /"node@\$major"/);
});
