// Just enough of npm's semver ranges to read `engines.node` (no prereleases: Node releases have none).
// Cross-checked against the `semver` package on every range installed here when this was written.

type Version = [number, number, number];
type Bound = { op: '>=' | '<' | '>' | '<='; v: Version };

const cmp = (a: Version, b: Version) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

/** `20` → [20], `10.*` → [10], `1.2.3` → [1, 2, 3]; wildcards end the partial version. */
function partial(text: string): number[] {
  const parts: number[] = [];
  for (const part of text.replace(/^v/, '').split('-')[0].split('+')[0].split('.')) {
    if (part === '' || part === 'x' || part === 'X' || part === '*') break;
    const n = Number(part);
    if (!Number.isInteger(n)) throw new Error(`not a version: ${text}`);
    parts.push(n);
  }
  return parts.slice(0, 3);
}

const full = (p: number[]): Version => [p[0] ?? 0, p[1] ?? 0, p[2] ?? 0];
/** The first version after every version the partial matches: `20` → 21.0.0, `1.2` → 1.3.0. */
const after = (p: number[]): Version => (p.length === 1 ? [p[0] + 1, 0, 0] : p.length === 2 ? [p[0], p[1] + 1, 0] : [p[0], p[1], p[2] + 1]);

function comparator(token: string): Bound[] {
  const [, op = '', rest] = /^(>=|<=|>|<|=|\^|~>?)?(.*)$/.exec(token)!;
  const p = partial(rest);
  if (p.length === 0) return op === '<' || op === '>' ? [{ op: '<', v: [0, 0, 0] }] : [];
  switch (op) {
    case '>=':
      return [{ op: '>=', v: full(p) }];
    case '>':
      return p.length === 3 ? [{ op: '>', v: full(p) }] : [{ op: '>=', v: after(p) }];
    case '<':
      return [{ op: '<', v: full(p) }];
    case '<=':
      return p.length === 3 ? [{ op: '<=', v: full(p) }] : [{ op: '<', v: after(p) }];
    case '^': {
      const upper: Version = p[0] > 0 || p.length === 1 ? [p[0] + 1, 0, 0] : p[1] > 0 || p.length === 2 ? [0, p[1] + 1, 0] : [0, 0, p[2] + 1];
      return [{ op: '>=', v: full(p) }, { op: '<', v: upper }];
    }
    case '~':
    case '~>':
      return [{ op: '>=', v: full(p) }, { op: '<', v: p.length === 1 ? [p[0] + 1, 0, 0] : [p[0], p[1] + 1, 0] }];
    default: // `=` or bare: exact, or an x-range when partial
      return p.length === 3 ? [{ op: '>=', v: full(p) }, { op: '<=', v: full(p) }] : [{ op: '>=', v: full(p) }, { op: '<', v: after(p) }];
  }
}

/** The bounds of each `||` alternative. */
function alternatives(range: string): Bound[][] {
  return range.split('||').map((alt) => {
    const text = alt.trim().replace(/(>=|<=|>|<|=|\^|~>?)\s+/g, '$1');
    const hyphen = /^(\S+)\s+-\s+(\S+)$/.exec(text);
    if (hyphen) {
      const high = partial(hyphen[2]);
      return [{ op: '>=', v: full(partial(hyphen[1])) }, high.length === 3 ? { op: '<=', v: full(high) } : { op: '<', v: after(high) }];
    }
    return text === '' ? [] : text.split(/\s+/).flatMap(comparator);
  });
}

export function satisfies(version: string, range: string): boolean {
  const v = full(partial(version));
  return alternatives(range).some((bounds) =>
    bounds.every(({ op, v: b }) => (op === '>=' ? cmp(v, b) >= 0 : op === '>' ? cmp(v, b) > 0 : op === '<' ? cmp(v, b) < 0 : cmp(v, b) <= 0)),
  );
}

/** `20.x || ^22.12.0 || 24.x` → the major and lowest version of each alternative. */
export function supportedLines(range: string): { major: number; min: string }[] {
  return alternatives(range).map((bounds) => {
    const low = bounds.filter((b) => b.op === '>=').map((b) => b.v).sort(cmp).at(-1) ?? [0, 0, 0];
    return { major: low[0], min: low.join('.') };
  });
}
