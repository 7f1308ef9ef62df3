/**
 * Inline grids for engine tests: `grid(sheet('RAA', [[…], […]]))`, and `checkRule` to run the
 * engine and keep only one rule's findings, checked to be the same in Italian and English.
 */
import { a1, parseA1 } from '../../src/engine/address';
import { analyse } from '../../src/engine/analyse';
import type { Analysis } from '../../src/engine/analysis';
import type { Finding, Severity } from '../../src/engine/finding';
import { formatValue, rawValue } from '../../src/engine/message-value';
import { renderFinding } from '../../src/engine/render';
import type { CellError, CellValue, Grid, SheetGrid } from '../../src/engine/grid';
import type { Rule } from '../../src/engine/rule';
import { RULES } from '../../src/engine/rules';
import type { ProgrammeModel } from '../../src/model/types';

/** A cell: a constant, an Excel error, or a value with its formula and number format. */
export type CellSpec =
  number | string | boolean | null | undefined | CellError | { v?: CellValue; f?: string; fmt?: string };

export interface SheetOptions {
  /** 0-based row of the first row given (the used range's top); or use `at`. */
  top?: number;
  /** 0-based column of the first column given; or use `at`. */
  left?: number;
  /** The first cell's A1 address (`G30`): sets `top` and `left`. */
  at?: string;
  /** Number format of each column (relative to `left`) for cells that give none; `General` otherwise. */
  formats?: (string | null | undefined)[];
  /** Excel tables (ListObjects) on the sheet. */
  tables?: { name: string; range: string }[];
}

function isCellError(spec: CellSpec): spec is CellError {
  return typeof spec === 'object' && spec !== null && 'error' in spec;
}

/** A sheet whose used range starts at `top`/`left` (A1 by default); rows may be ragged, `null` is empty. */
export function sheet(name: string, rows: CellSpec[][], options: SheetOptions = {}): SheetGrid {
  let { top = 0, left = 0 } = options;
  if (options.at) {
    const ref = parseA1(options.at);
    if (!ref) throw new Error(`bad address ${options.at}`);
    top = ref.row;
    left = ref.col;
  }
  const width = rows.reduce((max, row) => Math.max(max, row.length), 0);
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  const numberFormats: string[][] = [];
  for (const row of rows) {
    const v: CellValue[] = [];
    const f: (string | null)[] = [];
    const n: string[] = [];
    for (let c = 0; c < width; c++) {
      const spec = row[c];
      const columnFormat = options.formats?.[c] ?? 'General';
      if (spec === undefined || spec === null) {
        v.push(null);
        f.push(null);
        n.push('General');
      } else if (isCellError(spec)) {
        v.push({ error: spec.error });
        f.push(null);
        n.push('General');
      } else if (typeof spec === 'object') {
        v.push(spec.v === undefined ? null : spec.v);
        f.push(spec.f ?? null);
        n.push(spec.fmt ?? columnFormat);
      } else {
        v.push(spec);
        f.push(null);
        n.push(typeof spec === 'number' ? columnFormat : 'General');
      }
    }
    values.push(v);
    formulas.push(f);
    numberFormats.push(n);
  }
  return {
    name,
    top,
    left,
    values,
    formulas,
    numberFormats,
    ...(options.tables ? { tables: options.tables } : {}),
  };
}

export function grid(...sheets: SheetGrid[]): Grid {
  return { sheets };
}

/** Sets cells of a sheet by absolute A1 address, growing the used range as needed (not above/left of it). */
export function setCells(target: SheetGrid, cells: Record<string, CellSpec>): SheetGrid {
  for (const [address, spec] of Object.entries(cells)) {
    const ref = parseA1(address);
    if (!ref) throw new Error(`bad address ${address}`);
    const r = ref.row - target.top;
    const c = ref.col - target.left;
    if (r < 0 || c < 0) throw new Error(`${address} is outside the sheet's used range`);
    while (target.values.length <= r) {
      target.values.push([]);
      target.formulas.push([]);
      target.numberFormats.push([]);
    }
    for (const rows of [target.values, target.formulas]) while (rows[r].length <= c) rows[r].push(null);
    while (target.numberFormats[r].length <= c) target.numberFormats[r].push('General');
    const one = sheet('x', [[spec]]);
    target.values[r][c] = one.values[0][0];
    target.formulas[r][c] = one.formulas[0][0];
    target.numberFormats[r][c] =
      spec !== null && typeof spec === 'object' && !isCellError(spec) && spec.fmt
        ? spec.fmt
        : typeof spec === 'number'
          ? target.numberFormats[r][c]
          : 'General';
  }
  return target;
}

export interface CheckOptions {
  model?: ProgrammeModel;
  versionId?: string;
}

/** A finding reduced to what a rule test asserts, with its message rendered in both languages. */
export interface RuleHit {
  rule: string;
  severity: Severity;
  sheet: string;
  cell: string;
  messageId: string;
  /** Raw values, as `--json` gives them. */
  expected: string | null;
  actual: string | null;
  /** The template's values as an Italian reader sees them (`{ difference: '0,01 €' }`). */
  values: Record<string, string>;
  it: string;
  en: string;
}

export function ruleById(id: string): Rule {
  const rule = RULES.find((r) => r.meta.id === id);
  if (!rule) throw new Error(`no rule ${id}`);
  return rule;
}

/** Text no person should read: an unfilled placeholder, `undefined`, a binary float's tail. */
const SUSPICIOUS = /\{\{|\}\}|undefined|NaN|\[object|\d[.,]\d{7,}|\de[-+]\d/;

function hitsOf(rule: Rule, analysis: Analysis): RuleHit[] {
  return analysis.findings
    .filter((f: Finding) => f.rule === rule.meta.id)
    .map((f) => {
      const it = renderFinding(f, 'it');
      const en = renderFinding(f, 'en');
      const values: Record<string, string> = {};
      for (const [key, value] of Object.entries(f.data)) values[key] = formatValue(value, 'it');
      for (const text of [it, en, ...Object.values(values)]) {
        if (SUSPICIOUS.test(text)) throw new Error(`${rule.meta.id}: suspicious text "${text}"`);
      }
      if (!(f.messageId in rule.meta.messages.it))
        throw new Error(`${rule.meta.id}: unknown message id ${f.messageId}`);
      return {
        rule: f.rule,
        severity: f.severity,
        sheet: f.sheet,
        cell: f.cell,
        messageId: f.messageId,
        expected: f.expected ? rawValue(f.expected) : null,
        actual: f.actual ? rawValue(f.actual) : null,
        values,
        it,
        en,
      };
    });
}

/** Runs `analyse` and returns one rule's findings, rendered in Italian and English. */
export function checkRule(ruleId: string, g: Grid, options: CheckOptions = {}): RuleHit[] {
  return hitsOf(ruleById(ruleId), analyse(g, { ...options, lang: 'it' }));
}

/** The same reduced to `[cell, severity, messageId]` triples, for compact tables of expectations. */
export function hitsAt(ruleId: string, g: Grid, options: CheckOptions = {}): [string, Severity, string][] {
  return checkRule(ruleId, g, options).map((h) => [h.cell, h.severity, h.messageId]);
}

/** Every finding of a grid in Italian as `RULE cell severity`, for broad assertions. */
export function allFindings(g: Grid, options: CheckOptions = {}): string[] {
  return analyse(g, { ...options, lang: 'it' }).findings.map((f) => `${f.rule} ${f.cell} ${f.severity}`);
}

/**
 * An expected finding: `[cell, severity, messageId]`, optionally with the values an Italian reader
 * sees (`{ difference: '0,01 €' }`; the key `message` is the whole Italian sentence).
 */
export type Hit = [string, Severity, string] | [string, Severity, string, Record<string, string>];

export interface FiringCase {
  name: string;
  grid: Grid;
  options?: CheckOptions;
  /** Every finding of the rule, in the engine's order (severity, row, column). */
  hits: Hit[];
}

export interface QuietCase {
  name: string;
  grid: Grid;
  options?: CheckOptions;
}

/** What a hit asserts of a finding: its place, severity and message id, and the values it names. */
function asserted(hit: Hit, found: RuleHit | undefined): unknown[] {
  const [, , , values] = hit;
  if (!found) return [];
  const shown: Record<string, string> = {};
  for (const key of Object.keys(values ?? {})) shown[key] = key === 'message' ? found.it : found.values[key];
  return values
    ? [found.cell, found.severity, found.messageId, shown]
    : [found.cell, found.severity, found.messageId];
}

/**
 * ESLint-style rule tests: a `fires` table whose cases name every finding they must produce and a
 * `does not fire` table. Weak tables are refused: a firing case with no finding, an unknown
 * message id, a duplicate case name, a rule whose tests assert no value at all.
 */
export function describeRule(ruleId: string, cases: { fires: FiringCase[]; doesNotFire: QuietCase[] }): void {
  const rule = ruleById(ruleId);
  describe(ruleId, () => {
    it('has well-formed cases', () => {
      const names = [...cases.fires, ...cases.doesNotFire].map((c) => c.name);
      expect(new Set(names).size).toBe(names.length);
      expect(cases.fires.length).toBeGreaterThan(0);
      expect(cases.doesNotFire.length).toBeGreaterThan(0);
      for (const c of cases.fires) {
        expect(c.hits.length).toBeGreaterThan(0);
        for (const [, , messageId] of c.hits) expect(Object.keys(rule.meta.messages.it)).toContain(messageId);
      }
      // Values, not only ids: at least one case says what the reader sees.
      expect(cases.fires.some((c) => c.hits.some((h) => h.length === 4))).toBe(true);
    });
    describe('fires', () => {
      it.each(cases.fires.map((c) => [c.name, c] as const))('%s', (_, c) => {
        const found = checkRule(ruleId, c.grid, c.options);
        expect(found.map((f, i) => asserted(c.hits[i] ?? [f.cell, f.severity, f.messageId], f))).toEqual(
          c.hits,
        );
      });
    });
    describe('does not fire', () => {
      it.each(cases.doesNotFire.map((c) => [c.name, c] as const))('%s', (_, c) => {
        expect(hitsAt(ruleId, c.grid, c.options)).toEqual([]);
      });
    });
  });
}

/** The same spec (or one computed from the row and column) for every cell of an A1 range: `cellsIn('J14:J21', null)`. */
export function cellsIn(
  range: string,
  spec: CellSpec | ((row: number, col: number) => CellSpec),
): Record<string, CellSpec> {
  const [from, to = from] = range.split(':');
  const start = parseA1(from);
  const end = parseA1(to);
  if (!start || !end) throw new Error(`bad range ${range}`);
  const out: Record<string, CellSpec> = {};
  for (let row = start.row; row <= end.row; row++) {
    for (let col = start.col; col <= end.col; col++)
      out[a1(row, col)] = typeof spec === 'function' ? spec(row + 1, col) : spec;
  }
  return out;
}
