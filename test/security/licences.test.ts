/**
 * Everything shipped — the production dependencies and all they depend on, as installed — is under
 * a permissive licence: MIT, ISC, Apache-2.0, BSD-2-Clause, BSD-3-Clause, 0BSD or BlueOak-1.0.0.
 * An SPDX expression passes when it can be satisfied by those (`(MIT OR GPL-3.0-or-later)` can,
 * `(MIT AND GPL-3.0)` cannot).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');
export const ALLOWED = ['MIT', 'ISC', 'Apache-2.0', 'BSD-2-Clause', 'BSD-3-Clause', '0BSD', 'BlueOak-1.0.0'];

interface Manifest {
  name?: string;
  version?: string;
  license?: string | { type?: string };
  licenses?: ({ type?: string } | string)[];
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

function readManifest(dir: string): Manifest {
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;
}

/** The directory Node would load `name` from when required from `from` (a package directory). */
function resolvePackage(name: string, from: string): string | null {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dir === ROOT || dirname(dir) === dir) return null;
  }
}

export interface Shipped {
  name: string;
  version: string;
  license: string;
  /** How it gets in: the chain from a direct dependency. */
  via: string;
}

/** Every package reachable from package.json's `dependencies` (and their peers), once per installed copy. */
export function shippedPackages(): { packages: Shipped[]; missing: string[] } {
  const seen = new Map<string, Shipped>();
  const missing: string[] = [];
  const visit = (dir: string, via: string) => {
    const manifest = readManifest(dir);
    const required = manifest.dependencies ?? {};
    // Peers are bundled too (Fluent UI's context selector brings its own scheduler as a peer).
    const wanted = { ...manifest.peerDependencies, ...manifest.optionalDependencies, ...required };
    for (const name of Object.keys(wanted)) {
      const found = resolvePackage(name, dir);
      if (!found) {
        // An optional dependency for another platform, or an optional peer, is not installed: not shipped.
        if (name in required) missing.push(`${name} (needed by ${via || 'package.json'})`);
        continue;
      }
      if (seen.has(found)) continue;
      const child = readManifest(found);
      const chain = via === '' ? name : `${via} > ${name}`;
      seen.set(found, {
        name: child.name ?? name,
        version: child.version ?? '?',
        license: licenceOf(child),
        via: chain,
      });
      visit(found, chain);
    }
  };
  visit(ROOT, '');
  return { packages: [...seen.values()], missing };
}

function licenceOf(manifest: Manifest): string {
  if (typeof manifest.license === 'string') return manifest.license;
  if (manifest.license && typeof manifest.license === 'object') return manifest.license.type ?? '';
  // The deprecated `licenses` array: any one of them may be chosen.
  const listed = (manifest.licenses ?? []).map((l) => (typeof l === 'string' ? l : (l.type ?? '')));
  return listed.length > 1 ? `(${listed.join(' OR ')})` : (listed[0] ?? '');
}

/**
 * Whether an SPDX expression can be satisfied with allowed licences only. `OR` takes either side,
 * `AND` needs both, `WITH` an exception keeps the licence it qualifies; parentheses group.
 */
export function permitted(expression: string, allowed: readonly string[] = ALLOWED): boolean {
  const tokens = expression.match(/\(|\)|[^\s()]+/g) ?? [];
  let at = 0;
  const fail = () => {
    throw new Error(`not an SPDX expression: "${expression}"`);
  };
  const primary = (): boolean => {
    const token = tokens[at++];
    if (token === undefined) return fail();
    if (token === '(') {
      const inner = or();
      if (tokens[at++] !== ')') fail();
      return inner;
    }
    if (/^(AND|OR|WITH|\))$/i.test(token)) return fail();
    let ok = allowed.includes(token.replace(/\+$/, ''));
    if (tokens[at]?.toUpperCase() === 'WITH') {
      at += 2; // The exception only grants more.
      ok = ok && tokens[at - 1] !== undefined;
    }
    return ok;
  };
  const and = (): boolean => {
    let ok = primary();
    while (tokens[at]?.toUpperCase() === 'AND') {
      at++;
      ok = primary() && ok;
    }
    return ok;
  };
  const or = (): boolean => {
    let ok = and();
    while (tokens[at]?.toUpperCase() === 'OR') {
      at++;
      ok = and() || ok;
    }
    return ok;
  };
  if (tokens.length === 0) return false;
  const result = or();
  if (at !== tokens.length) fail();
  return result;
}

describe('SPDX expressions', () => {
  it.each([
    ['MIT', true],
    ['Apache-2.0', true],
    ['BlueOak-1.0.0', true],
    ['(MIT OR Apache-2.0)', true],
    ['(MIT OR GPL-3.0-or-later)', true],
    ['MIT AND Zlib', false],
    ['(MIT AND BSD-3-Clause)', true],
    ['GPL-3.0', false],
    ['LGPL-2.1-or-later', false],
    ['Apache-2.0 WITH LLVM-exception', true],
    ['(MIT OR (GPL-2.0 AND Apache-2.0))', true],
    ['((GPL-2.0 OR LGPL-3.0) AND MIT)', false],
    ['UNLICENSED', false],
    ['SEE LICENSE IN LICENSE.txt', false],
    ['', false],
  ])('%s → %s', (expression, expected) => {
    let ok: boolean;
    try {
      ok = permitted(expression);
    } catch {
      ok = false;
    }
    expect(ok).toBe(expected);
  });
});

describe('licences of what is shipped', () => {
  const { packages, missing } = shippedPackages();
  const refused = packages.filter((p) => {
    try {
      return !permitted(p.license);
    } catch {
      return true;
    }
  });

  it('every production dependency is installed, with all it needs', () => {
    expect(missing).toEqual([]);
    const direct = Object.keys(readManifest(ROOT).dependencies ?? {});
    for (const name of direct) expect(packages.map((p) => p.name)).toContain(name);
    // The walk reaches beyond the direct dependencies (react-dom needs scheduler, for one).
    expect(packages.length).toBeGreaterThan(direct.length);
  });

  it('is MIT, ISC, Apache-2.0, BSD, 0BSD or BlueOak, transitively', () => {
    const outside = refused.map((p) => `${p.name}@${p.version}: "${p.license}" (via ${p.via})`);
    expect(outside).toEqual([]);
  });
});
