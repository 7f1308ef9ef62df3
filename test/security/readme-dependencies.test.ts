/**
 * The README's Dependencies table lists exactly package.json's production dependencies, each with
 * the version package.json pins, the licence its installed package.json declares, and a reason.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');

interface Row {
  name: string;
  version: string;
  licence: string;
  why: string;
}

/** The rows of the first table under `## Dependencies`, as Prettier pads them. */
function dependencyTable(readme: string): Row[] {
  const section = /^## Dependencies\s*$([\s\S]*?)(?=^## )/m.exec(readme)?.[1] ?? '';
  const lines = section.split('\n').filter((line) => line.trim().startsWith('|'));
  const cells = (line: string) =>
    line
      .trim()
      .replace(/^\||\|$/g, '')
      .split('|')
      .map((cell) => cell.trim());
  const [header, rule, ...body] = lines;
  if (!header || !rule) return [];
  expect(cells(header)).toEqual(['package', 'version', 'licence', 'why']);
  return body.map((line) => {
    const [name, version, licence, why] = cells(line);
    return { name: name.replace(/^`|`$/g, ''), version, licence, why };
  });
}

describe('README: Dependencies', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
  };
  const dependencies = manifest.dependencies ?? {};
  const rows = dependencyTable(readme);

  it('lists exactly the production dependencies of package.json, with their versions', () => {
    expect(rows.map((r) => [r.name, r.version]).sort()).toEqual(Object.entries(dependencies).sort());
  });

  it("gives each the licence of its installed package and a reason it's there", () => {
    for (const row of rows) {
      const installed = JSON.parse(
        readFileSync(join(ROOT, 'node_modules', row.name, 'package.json'), 'utf8'),
      ) as { license?: string; version?: string };
      expect([row.name, row.licence]).toEqual([row.name, installed.license]);
      expect([row.name, installed.version]).toEqual([row.name, row.version]);
      expect(row.why.length).toBeGreaterThan(15);
    }
  });
});
