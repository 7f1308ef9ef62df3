/**
 * `fill` and `report` change only what they write: part by part, the output of each is compared
 * with its input, on workbooks that carry charts, images, notes, pivot tables, macros, custom XML,
 * validations, hyperlinks, merges, panes, conditional formats and defined names.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { LOG_SHEET, analyse, planFlag } from '../../src/engine';
import type { WritePlan } from '../../src/engine';
import { emptyPlan } from '../../src/engine/plan';
import { main } from '../../src/cli/main';
import type { CliOutput } from '../../src/cli/main';
import { readGrid, writePlan } from '../../src/cli/xlsx-host';
import { ENRICHED, writeEnrichedSample, writePivotWorkbookWithTables } from '../fixtures/rich-workbooks';
import {
  SAMPLE_SHEET,
  publishedRatios,
  hundredthsOfPercent,
  printedHundredths,
  temporaryFolder,
} from './harness';

const folder = temporaryFolder('xlsx-patch');
afterAll(folder.remove);

const ENRICHED_XLSX = join(folder.dir, 'enriched.xlsx');
const ENRICHED_XLSM = join(folder.dir, 'enriched.xlsm');
const PIVOT_XLSX = join(folder.dir, 'pivot.xlsx');

beforeAll(async () => {
  await writeEnrichedSample(ENRICHED_XLSX);
  await writeEnrichedSample(ENRICHED_XLSM, { macros: true });
  await writePivotWorkbookWithTables(PIVOT_XLSX);
});

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const sink = { out: '', err: '' };
  const output: CliOutput = {
    stdout: (text) => void (sink.out += text),
    stderr: (text) => void (sink.err += text),
  };
  const code = await main(args, output);
  return { code, ...sink };
}

/** Every entry of the zip, inflated. */
async function partsOf(path: string): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const parts = new Map<string, Buffer>();
  for (const [name, file] of Object.entries(zip.files))
    if (!file.dir) parts.set(name, await file.async('nodebuffer'));
  return parts;
}

const textOf = (parts: Map<string, Buffer>, name: string): string => {
  const part = parts.get(name);
  if (!part) throw new Error(`no part ${name}`);
  return part.toString('utf8');
};

/** The `<c>` elements of a sheet by address. */
function cellsOf(sheet: string): Map<string, string> {
  const cells = new Map<string, string>();
  for (const m of sheet.matchAll(/<c r="([A-Z]+\d+)"[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g)) cells.set(m[1], m[0]);
  return cells;
}

/** The sheet without its cells and its dimension: what a write to some cells must leave as it was. */
function sheetFrame(sheet: string): string {
  return sheet.replace(/<sheetData>[\s\S]*<\/sheetData>/, '<sheetData/>').replace(/<dimension [^>]*\/>/, '');
}

/** The elements named `tag` of a part, as text. */
function elements(xml: string, tag: string): string[] {
  return [...xml.matchAll(new RegExp(`<${tag}\\b[^>]*?(?:/>|>[\\s\\S]*?</${tag}>)`, 'g'))].map((m) => m[0]);
}

/** The cells the log says were written, per sheet. */
async function loggedCells(path: string): Promise<Map<string, Set<string>>> {
  const log = (await readGrid(path)).sheets.find((s) => s.name === LOG_SHEET);
  const cells = new Map<string, Set<string>>();
  for (const row of log?.values.slice(1) ?? []) {
    const [sheet, cell] = [String(row[3]), String(row[4] ?? '')];
    if (!cell) continue;
    if (!cells.has(sheet)) cells.set(sheet, new Set());
    cells.get(sheet)?.add(cell);
  }
  return cells;
}

/** The worksheet part of each sheet, by name. */
function sheetParts(parts: Map<string, Buffer>): Map<string, string> {
  const workbook = textOf(parts, 'xl/workbook.xml');
  const rels = textOf(parts, 'xl/_rels/workbook.xml.rels');
  const targets = new Map(
    [...rels.matchAll(/<Relationship [^>]*?Id="([^"]+)"[^>]*?Target="([^"]+)"/g)].map((m) => [m[1], m[2]]),
  );
  const found = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet [^>]*?name="([^"]+)"[^>]*?r:id="([^"]+)"/g)) {
    const target = targets.get(m[2]) ?? '';
    found.set(m[1], target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  return found;
}

/**
 * The output keeps every part of the input: byte for byte unless it is one the write edits, and
 * in those, what it did not write. Returns the parts that differ.
 */
function expectKept(
  input: Map<string, Buffer>,
  output: Map<string, Buffer>,
  written: Map<string, Set<string>>,
): string[] {
  const inputSheets = sheetParts(input);
  const writtenSheets = new Set([...written.keys()].map((name) => inputSheets.get(name)));
  const editable = new Set([
    'xl/workbook.xml',
    'xl/_rels/workbook.xml.rels',
    '[Content_Types].xml',
    'xl/styles.xml',
  ]);
  const differing: string[] = [];
  for (const [name, bytes] of input) {
    if (name === 'xl/calcChain.xml') continue;
    const out = output.get(name);
    expect({ name, kept: out !== undefined }).toEqual({ name, kept: true });
    if (out === undefined || out.equals(bytes)) continue;
    differing.push(name);
    expect({ name, editable: editable.has(name) || writtenSheets.has(name) }).toEqual({
      name,
      editable: true,
    });
  }
  // In a written sheet: every cell not written, and everything around the cells, as it was.
  for (const [sheet, cells] of written) {
    const part = inputSheets.get(sheet);
    if (!part || !input.has(part)) continue;
    const before = textOf(input, part);
    const after = textOf(output, part);
    expect(sheetFrame(after)).toBe(sheetFrame(before));
    const afterCells = cellsOf(after);
    for (const [address, cell] of cellsOf(before))
      if (!cells.has(address)) expect(afterCells.get(address)).toBe(cell);
  }
  // The workbook: its sheets, names and everything else kept, sheets and names only added.
  const workbookBefore = textOf(input, 'xl/workbook.xml');
  const workbookAfter = textOf(output, 'xl/workbook.xml');
  const frame = (xml: string): string =>
    xml
      .replace(/<sheets>[\s\S]*<\/sheets>/, '')
      .replace(/<definedNames>[\s\S]*<\/definedNames>/, '')
      .replace(/<calcPr[^>]*\/>/, '');
  expect(frame(workbookAfter)).toBe(frame(workbookBefore));
  for (const tag of ['sheet', 'definedName'])
    for (const element of elements(workbookBefore, tag)) expect(workbookAfter).toContain(element);
  for (const element of elements(textOf(input, 'xl/_rels/workbook.xml.rels'), 'Relationship'))
    if (!element.includes('/calcChain'))
      expect(textOf(output, 'xl/_rels/workbook.xml.rels')).toContain(element);
  for (const tag of ['Default', 'Override'])
    for (const element of elements(textOf(input, '[Content_Types].xml'), tag))
      if (!element.includes('calcChain')) expect(textOf(output, '[Content_Types].xml')).toContain(element);
  // Styles: appended to, never renumbered.
  const stylesBefore = textOf(input, 'xl/styles.xml');
  const stylesAfter = textOf(output, 'xl/styles.xml');
  for (const collection of [
    'numFmts',
    'fonts',
    'fills',
    'borders',
    'cellStyleXfs',
    'cellXfs',
    'cellStyles',
    'dxfs',
  ]) {
    const content = (xml: string): string =>
      new RegExp(`<${collection}\\b[^>]*?(?:/>|>([\\s\\S]*?)</${collection}>)`).exec(xml)?.[1] ?? '';
    expect(content(stylesAfter).startsWith(content(stylesBefore))).toBe(true);
  }
  return differing.sort();
}

const CASES = [
  {
    label: 'the enriched RAA 2022 sample (.xlsx)',
    file: ENRICHED_XLSX,
    sheetPart: 'xl/worksheets/sheet1.xml',
  },
  {
    label: 'the enriched sample with VBA macros (.xlsm)',
    file: ENRICHED_XLSM,
    sheetPart: 'xl/worksheets/sheet1.xml',
  },
  {
    label: 'a real workbook with pivot tables, the programme tables added',
    file: PIVOT_XLSX,
    sheetPart: null,
  },
];

describe.each(CASES)('fill and report on $label', ({ file, sheetPart }) => {
  const ext = file.endsWith('.xlsm') ? '.xlsm' : '.xlsx';
  const base = file.replace(/\.xlsm?$/, '');
  const filled = `${base}-filled${ext}`;
  const refilled = `${base}-refilled${ext}`;
  const reported = `${base}-report${ext}`;

  beforeAll(async () => {
    expect([0, 1]).toContain((await run(['fill', file, '-o', filled, '--force'])).code);
    expect([0, 1]).toContain((await run(['fill', filled, '-o', refilled, '--force'])).code);
    expect([0, 1]).toContain((await run(['report', file, '-o', reported])).code);
  });

  it('fill: every part it does not write is byte for byte the same, and in those it writes, all it did not write', async () => {
    const input = await partsOf(file);
    const output = await partsOf(filled);
    const written = await loggedCells(filled);
    expect(written.get(SAMPLE_SHEET)?.size).toBeGreaterThanOrEqual(publishedRatios().length);
    const differing = expectKept(input, output, written);
    const programmeSheet = sheetParts(input).get(SAMPLE_SHEET) as string;
    expect(differing).toEqual(
      [
        '[Content_Types].xml',
        programmeSheet,
        'xl/_rels/workbook.xml.rels',
        'xl/styles.xml',
        'xl/workbook.xml',
      ].sort(),
    );
    if (sheetPart) expect(programmeSheet).toBe(sheetPart);
    // What only one sheet uses stays with it: the written sheet keeps its pane, format, validation, link, drawing and note.
    const sheet = textOf(output, programmeSheet);
    if (file !== PIVOT_XLSX) {
      for (const kept of [
        ENRICHED.pane,
        ENRICHED.conditionalFormat,
        ENRICHED.dataValidation,
        ENRICHED.hyperlink,
        ENRICHED.drawing,
      ])
        expect(sheet).toContain(kept);
      for (const name of ENRICHED.definedNames) expect(textOf(output, 'xl/workbook.xml')).toContain(name);
      expect(sheet).toContain('<mergeCell ref=');
    }
  });

  it('fill writes live formulas with their cached results, strings as text', async () => {
    const grid = await readGrid(filled);
    const programme = grid.sheets.find((s) => s.name === SAMPLE_SHEET);
    if (!programme) throw new Error('no programme sheet');
    const at = (address: string) => {
      const m = /^([A-Z]+)(\d+)$/.exec(address) as RegExpExecArray;
      const col = m[1].charCodeAt(0) - 65 - programme.left;
      const row = Number(m[2]) - 1 - programme.top;
      return { value: programme.values[row][col], formula: programme.formulas[row][col] };
    };
    const ratios = publishedRatios().map(({ cell }) => {
      const { value, formula } = at(cell);
      return {
        cell,
        live: formula?.startsWith('=IF(') ?? false,
        hundredths: hundredthsOfPercent(Number(value)),
      };
    });
    expect(ratios).toEqual(
      publishedRatios().map(({ cell, percent }) => ({
        cell,
        live: true,
        hundredths: printedHundredths(percent),
      })),
    );
    const log = grid.sheets.find((s) => s.name === LOG_SHEET);
    expect(log?.formulas.flat().every((f) => f === null)).toBe(true);
    expect(log?.values.flat().some((v) => typeof v === 'string' && v.startsWith('=IF('))).toBe(true);
  });

  it('fill applied to its own output changes nothing: every part byte for byte the same', async () => {
    const first = await partsOf(filled);
    const second = await partsOf(refilled);
    expect([...second.keys()].sort()).toEqual([...first.keys()].sort());
    for (const [name, bytes] of first)
      expect({ name, same: second.get(name)?.equals(bytes) }).toEqual({ name, same: true });
  });

  it('report: adds its sheets and leaves every existing sheet, chart, pivot table and macro as it was', async () => {
    const input = await partsOf(file);
    const output = await partsOf(reported);
    const differing = expectKept(input, output, new Map());
    expect(differing).toEqual(
      ['[Content_Types].xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/workbook.xml'].sort(),
    );
    const sheets = (await readGrid(reported)).sheets.map((s) => s.name);
    expect(sheets).toEqual(expect.arrayContaining([SAMPLE_SHEET, 'Report POR', 'Rilievi POR', LOG_SHEET]));
    const workbook = textOf(output, 'xl/workbook.xml');
    const index = (name: string) =>
      [...workbook.matchAll(/<sheet [^>]*?name="([^"]+)"/g)].findIndex((m) => m[1] === name);
    expect(workbook).toMatch(
      new RegExp(
        `<definedName name="_xlnm.Print_Titles" localSheetId="${index('Report POR')}">'Report POR'!\\$\\d+:\\$\\d+</definedName>`,
      ),
    );
    const reportPart = sheetParts(output).get('Report POR') as string;
    expect(textOf(output, reportPart)).toMatch(
      /<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"\/>/,
    );
    expect(textOf(output, reportPart)).toMatch(/<sheetPr><pageSetUpPr fitToPage="1"\/><\/sheetPr>/);
    expect(textOf(output, reportPart)).toMatch(
      /<headerFooter><oddFooter>[^<]*&amp;P[^<]*<\/oddFooter><\/headerFooter>/,
    );
  });
});

describe('replacing and deleting sheets, adding and removing conditional formats', () => {
  const planWith = (parts: Partial<WritePlan>): WritePlan => ({
    ...emptyPlan('report', '2022-12'),
    ...parts,
  });

  it('report run again replaces its sheets in place: their old parts go, the names local to each sheet stay with it', async () => {
    const once = join(folder.dir, 'report-once.xlsx');
    const twice = join(folder.dir, 'report-twice.xlsx');
    await run(['report', ENRICHED_XLSX, '-o', once]);
    await run(['report', once, '-o', twice]);
    const first = await partsOf(once);
    const second = await partsOf(twice);
    const workbook = textOf(second, 'xl/workbook.xml');
    const names = [...workbook.matchAll(/<sheet [^>]*?name="([^"]+)"/g)].map((m) => m[1]);
    expect(names).toEqual(
      [SAMPLE_SHEET, 'Note', 'Report POR', 'Rilievi POR', LOG_SHEET].filter((n) => names.includes(n)),
    );
    expect(names.filter((n) => n === 'Report POR')).toHaveLength(1);
    expect(elements(workbook, 'definedName').filter((n) => n.includes('Print_Titles'))).toEqual([
      expect.stringContaining(`localSheetId="${names.indexOf('Report POR')}">'Report POR'!`),
      expect.stringContaining(`localSheetId="${names.indexOf('Rilievi POR')}">'Rilievi POR'!`),
    ]);
    expect(workbook).toContain(ENRICHED.definedNames[1]);
    // The replaced sheets' old parts are gone, the new ones are there; the rest is kept.
    const oldReport = sheetParts(first).get('Report POR') as string;
    const newReport = sheetParts(second).get('Report POR') as string;
    expect(newReport).not.toBe(oldReport);
    expect(second.has(oldReport)).toBe(false);
    expect(textOf(second, '[Content_Types].xml')).not.toContain(`"/${oldReport}"`);
    for (const part of [
      'xl/charts/chart1.xml',
      'xl/drawings/drawing2.xml',
      'xl/media/image1.png',
      'xl/comments1.xml',
      'customXml/item1.xml',
    ])
      expect(second.get(part)?.equals(first.get(part) as Buffer)).toBe(true);
  });

  it('deleting a sheet moves the names local to later sheets down one, and drops only the parts it alone used', async () => {
    const reported = join(folder.dir, 'report-for-delete.xlsx');
    const deleted = join(folder.dir, 'deleted.xlsx');
    await run(['report', ENRICHED_XLSX, '-o', reported]);
    const summary = await writePlan(reported, planWith({ action: 'undo', deleteSheets: ['Note'] }), deleted);
    expect(summary.sheetsDeleted).toEqual(['Note']);
    const before = await partsOf(reported);
    const after = await partsOf(deleted);
    const names = [...textOf(after, 'xl/workbook.xml').matchAll(/<sheet [^>]*?name="([^"]+)"/g)].map(
      (m) => m[1],
    );
    expect(names).not.toContain('Note');
    const titles = elements(textOf(after, 'xl/workbook.xml'), 'definedName').filter((n) =>
      n.includes('Print_Titles'),
    );
    expect(titles).toEqual([
      expect.stringContaining(`localSheetId="${names.indexOf('Report POR')}">'Report POR'!`),
      expect.stringContaining(`localSheetId="${names.indexOf('Rilievi POR')}">'Rilievi POR'!`),
    ]);
    expect(textOf(after, 'xl/workbook.xml')).not.toContain('_xlnm.Print_Area');
    expect(textOf(after, 'xl/workbook.xml')).toContain(ENRICHED.definedNames[0]);
    // Note's drawing and image go with it; the programme sheet's chart and note stay.
    for (const gone of ['xl/worksheets/sheet2.xml', 'xl/drawings/drawing2.xml', 'xl/media/image1.png'])
      expect(after.has(gone)).toBe(false);
    for (const kept of [
      'xl/charts/chart1.xml',
      'xl/drawings/drawing1.xml',
      'xl/comments1.xml',
      'xl/worksheets/sheet1.xml',
      'customXml/item1.xml',
    ])
      expect(after.get(kept)?.equals(before.get(kept) as Buffer)).toBe(true);
    expect((await readGrid(deleted)).sheets.map((s) => s.name)).toEqual(names);
  });

  it('a flag adds its conditional format after the sheet’s own, with a new dxf; its undo gives the sheet back byte for byte', async () => {
    const flagged = join(folder.dir, 'flagged.xlsx');
    const undone = join(folder.dir, 'flag-undone.xlsx');
    const grid = await readGrid(ENRICHED_XLSX);
    const flag = planFlag(analyse(grid), { now: '2024-05-02T10:00:00.000Z' });
    expect(flag.conditionalFormats.length).toBeGreaterThan(0);
    const summary = await writePlan(ENRICHED_XLSX, { ...flag, log: [] }, flagged);
    expect(summary.conditionalFormatsAdded).toBe(flag.conditionalFormats.length);
    const input = await partsOf(ENRICHED_XLSX);
    const output = await partsOf(flagged);
    const sheet = textOf(output, 'xl/worksheets/sheet1.xml');
    // CT_Worksheet order: conditionalFormatting after mergeCells, before dataValidations.
    const cfs = elements(sheet, 'conditionalFormatting');
    expect(cfs[0]).toBe(ENRICHED.conditionalFormat);
    expect(cfs).toHaveLength(1 + flag.conditionalFormats.length);
    expect(sheet.indexOf('</mergeCells>')).toBeLessThan(sheet.indexOf('<conditionalFormatting'));
    expect(sheet.lastIndexOf('</conditionalFormatting>')).toBeLessThan(sheet.indexOf('<dataValidations'));
    expect(cfs[1]).toMatch(/<cfRule type="expression" dxfId="1" priority="2"><formula>AND\(/);
    // The sheet's own dxf stays first; the flag's colours are appended after it.
    const fills = new Set(flag.conditionalFormats.map((f) => `${f.fill}|${f.fontColor}`));
    const dxfs = elements(textOf(output, 'xl/styles.xml'), 'dxf');
    expect(dxfs).toHaveLength(1 + fills.size);
    expect(dxfs[0]).toBe(elements(textOf(input, 'xl/styles.xml'), 'dxf')[0]);
    expect(textOf(output, 'xl/styles.xml')).toContain(`<dxfs count="${1 + fills.size}">`);
    // Undo: the rules go; the sheet is the input's again, to the byte.
    const removal = planWith({
      action: 'undo',
      removeConditionalFormats: flag.conditionalFormats.map(({ sheet: s, range, formula }) => ({
        sheet: s,
        range,
        formula,
      })),
    });
    expect((await writePlan(flagged, removal, undone)).conditionalFormatsRemoved).toBe(
      flag.conditionalFormats.length,
    );
    const restored = await partsOf(undone);
    expect(textOf(restored, 'xl/worksheets/sheet1.xml')).toBe(textOf(input, 'xl/worksheets/sheet1.xml'));
  });
});
