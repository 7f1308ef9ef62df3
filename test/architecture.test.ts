import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/**
 * The layering of DESIGN.md, read from the imports in src/: the engine and the model are pure
 * (no Office.js, ExcelJS, React, Node built-ins, no host or UI), the Office.js host does not reach
 * into the pane or the playground, and the shipped pane does not import the playground.
 */

const ROOT = resolve(__dirname, '..');
const SRC = join(ROOT, 'src');

interface ImportSite {
  /** The importing file, relative to the repository (`src/engine/analyse.ts`). */
  file: string;
  line: number;
  specifier: string;
  /** For a relative specifier, the imported path relative to the repository; else `null`. */
  target: string | null;
}

const SOURCE = /\.(ts|tsx|mts|cts|js|mjs|cjs|jsx)$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return SOURCE.test(entry.name) ? [path] : [];
  });
}

/** `import … from 'x'`, `export … from 'x'`, `import 'x'`, `import('x')`, `require('x')`, `/// <reference types="x" />`. */
const IMPORT_PATTERNS = [
  /\b(?:import|export)\s[^;'"]*?\bfrom\s*['"]([^'"]+)['"]/g,
  /\bimport\s*['"]([^'"]+)['"]/g,
  /\b(?:import|require)\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  /\/\/\/\s*<reference\s+types\s*=\s*['"]([^'"]+)['"]/g,
];

function toRepoPath(path: string): string {
  return relative(ROOT, path).split(sep).join('/');
}

function importsOf(path: string): ImportSite[] {
  const text = readFileSync(path, 'utf8');
  const sites: ImportSite[] = [];
  for (const pattern of IMPORT_PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      const specifier = match[1];
      const line = text.slice(0, match.index).split('\n').length;
      const target = specifier.startsWith('.') ? toRepoPath(resolve(dirname(path), specifier)) : null;
      sites.push({ file: toRepoPath(path), line, specifier, target });
    }
  }
  return sites;
}

const ALL_IMPORTS = sourceFiles(SRC).flatMap(importsOf);

function importsFrom(folder: string): ImportSite[] {
  return ALL_IMPORTS.filter((site) => site.file.startsWith(`${folder}/`));
}

function within(site: ImportSite, folders: string[]): boolean {
  return site.target !== null && folders.some((f) => site.target === f || site.target?.startsWith(`${f}/`));
}

function listed(sites: ImportSite[]): string[] {
  return sites.map((s) => `${s.file}:${s.line} imports '${s.specifier}'`);
}

/** Packages a pure module may not use: Office.js, ExcelJS, React and its UI kit, Node's built-ins. */
const HOST_PACKAGES =
  /^(office-js|@types\/office-js|@microsoft\/office-js.*|exceljs|exceljs\/.*|react|react-dom|react-dom\/.*|react\/.*|@fluentui\/.*|node:.*|fs|path|os|child_process|stream|zlib|buffer)$/;

describe('architecture: who may import whom', () => {
  it('finds the imports it checks (the scanner works)', () => {
    expect(importsFrom('src/excel').some((s) => s.target === 'src/engine')).toBe(true);
    expect(importsFrom('src/taskpane').some((s) => s.specifier === 'react')).toBe(true);
    expect(importsFrom('src/engine').length).toBeGreaterThan(20);
  });

  it.each(['src/engine', 'src/model'])(
    '%s imports no Office.js, ExcelJS, React or Node built-in',
    (folder) => {
      const offending = importsFrom(folder).filter(
        (s) => s.target === null && HOST_PACKAGES.test(s.specifier),
      );
      expect(listed(offending)).toEqual([]);
    },
  );

  it.each(['src/engine', 'src/model'])('%s imports no host, pane, playground or CLI', (folder) => {
    const offending = importsFrom(folder).filter((s) =>
      within(s, ['src/excel', 'src/taskpane', 'src/playground', 'src/cli']),
    );
    expect(listed(offending)).toEqual([]);
  });

  it('the Office.js host imports neither the pane nor the playground', () => {
    const offending = importsFrom('src/excel').filter((s) => within(s, ['src/taskpane', 'src/playground']));
    expect(listed(offending)).toEqual([]);
  });

  it('the shipped pane imports nothing from the playground', () => {
    const offending = importsFrom('src/taskpane').filter((s) => within(s, ['src/playground']));
    expect(listed(offending)).toEqual([]);
  });

  it('the CLI imports neither the pane, the playground nor the Office.js host', () => {
    const offending = importsFrom('src/cli').filter((s) =>
      within(s, ['src/taskpane', 'src/playground', 'src/excel']),
    );
    expect(listed(offending)).toEqual([]);
  });
});
