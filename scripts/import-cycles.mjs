#!/usr/bin/env node
// Lists import cycles between src/ modules and checks the layering: the job queue imports no domain
// or API code, the domain imports no API code. Exit 1 on a finding. Cycles made only of type
// imports (erased at runtime, e.g. db/index <-> migrations) are reported as notes.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(process.argv[2] ?? 'src');
const files = (function collect(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? collect(path) : name.endsWith('.ts') ? [path] : [];
  });
})(root);

const all = new Map();
const runtime = new Map();
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const found = [...text.matchAll(/(?:^|\n)\s*(import|export)(\s+type)?\s[^;]*?from\s+'(\.[^']+)'/g)].map((m) => ({ typeOnly: Boolean(m[2]), target: resolve(dirname(file), m[3]) }));
  const known = found.filter((f) => files.includes(f.target));
  all.set(file, known.map((f) => f.target));
  runtime.set(file, known.filter((f) => !f.typeOnly).map((f) => f.target));
}

const rel = (f) => relative(root, f);
const problems = [];
for (const [file, targets] of all) {
  for (const target of targets) {
    const [from, to] = [rel(file), rel(target)];
    if (from.startsWith('jobs/') && /^(domain|api)\//.test(to)) problems.push(`layering: ${from} imports ${to}`);
    if (from.startsWith('domain/') && to.startsWith('api/')) problems.push(`layering: ${from} imports ${to}`);
  }
}

// Tarjan's strongly connected components: any with more than one module is a cycle.
function cycles(imports) {
  let index = 0;
  const stack = [];
  const meta = new Map();
  const found = [];
  function connect(v) {
    meta.set(v, { index, low: index, onStack: true });
    index++;
    stack.push(v);
    for (const w of imports.get(v) ?? []) {
      if (!meta.has(w)) {
        connect(w);
        meta.get(v).low = Math.min(meta.get(v).low, meta.get(w).low);
      } else if (meta.get(w).onStack) meta.get(v).low = Math.min(meta.get(v).low, meta.get(w).index);
    }
    if (meta.get(v).low === meta.get(v).index) {
      const component = [];
      let w;
      do {
        w = stack.pop();
        meta.get(w).onStack = false;
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component.map(rel).sort().join(' <-> '));
    }
  }
  for (const file of files) if (!meta.has(file)) connect(file);
  return found;
}
const runtimeCycles = cycles(runtime);
for (const c of runtimeCycles) problems.push(`cycle: ${c}`);
for (const c of cycles(all)) if (!runtimeCycles.includes(c)) console.log(`note: type-only cycle: ${c}`);

for (const p of problems) console.log(p);
console.log(problems.length === 0 ? `no import cycles, layering respected (${files.length} modules)` : `${problems.length} problem(s)`);
process.exit(problems.length === 0 ? 0 : 1);
