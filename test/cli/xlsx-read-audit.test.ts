/**
 * What the reader tells the formula audit beyond the cells: hidden rows and columns, manual
 * calculation, the workbooks external references name. On the sample patched as Excel writes
 * these (`<row hidden="1">`, `<col hidden="1">`, `<calcPr calcMode="manual">`, an externalLink
 * part), on both read paths (scanner and SheetJS), then through `check`; and on the corpus files
 * that hide rows and columns.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import type { Grid } from '../../src/engine';
import { main } from '../../src/cli/main';
import { readGrid } from '../../src/cli/xlsx-read';
import { SAMPLE, SAMPLE_SHEET, buildCli, runCli, temporaryFolder } from './harness';

const folder = temporaryFolder('xlsx-read-audit');
afterAll(folder.remove);
jest.setTimeout(60_000);

const LINKED_BOOK = 'Piano finanziario 2022.xlsx';

interface Patch {
  /** 1-based rows of the sheet to hide. */
  hideRows?: number[];
  /** 1-based column spans to hide (`[5, 5]` is E). */
  hideColumns?: [number, number][];
  manual?: boolean;
  /** `<sheetFormatPr zeroHeight="1">`: the rows the sheet does not list are hidden. */
  zeroHeight?: boolean;
  /** Cells whose constant becomes a formula into the linked workbook, its cached value kept. */
  linkCells?: Record<string, string>;
  /** The linked workbook's target as the relationship writes it. */
  linkTarget?: string;
}

/** The sample with the patch applied to its XML, as Excel would have saved it. */
async function patchedSample(name: string, patch: Patch): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(SAMPLE));
  const read = async (path: string): Promise<string> => {
    const file = zip.file(path);
    if (!file) throw new Error(`no ${path} in the sample`);
    return file.async('string');
  };
  let sheet = await read('xl/worksheets/sheet1.xml');
  for (const row of patch.hideRows ?? []) {
    const before = sheet;
    sheet = sheet.replace(`<row r="${row}" `, `<row r="${row}" hidden="1" `);
    if (sheet === before) throw new Error(`no row ${row} in the sample`);
  }
  if (patch.zeroHeight) sheet = sheet.replace('<sheetFormatPr ', '<sheetFormatPr zeroHeight="1" ');
  if (patch.hideColumns) {
    const cols = patch.hideColumns.map(
      ([min, max]) => `<col min="${min}" max="${max}" width="0" hidden="1"/>`,
    );
    // Excel's <cols> lists spans in order without overlaps: the hidden spans replace the sample's widths.
    sheet = sheet.replace(/<cols>.*?<\/cols>/, `<cols>${cols.join('')}</cols>`);
  }
  for (const [address, formula] of Object.entries(patch.linkCells ?? {})) {
    const cell = new RegExp(`<c r="${address}"([^>]*)><v>([^<]*)</v></c>`);
    if (!cell.test(sheet)) throw new Error(`no constant at ${address} in the sample`);
    sheet = sheet.replace(cell, `<c r="${address}"$1><f>${formula}</f><v>$2</v></c>`);
  }
  zip.file('xl/worksheets/sheet1.xml', sheet);

  let workbook = await read('xl/workbook.xml');
  if (patch.manual)
    workbook = workbook.replace('<calcPr calcId="171027"/>', '<calcPr calcId="171027" calcMode="manual"/>');
  if (patch.linkTarget !== undefined) {
    workbook = workbook.replace(
      '</sheets>',
      '</sheets><externalReferences><externalReference r:id="rId9"/></externalReferences>',
    );
    const rels = await read('xl/_rels/workbook.xml.rels');
    zip.file(
      'xl/_rels/workbook.xml.rels',
      rels.replace(
        '</Relationships>',
        '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLink" Target="externalLinks/externalLink1.xml"/></Relationships>',
      ),
    );
    zip.file(
      'xl/externalLinks/externalLink1.xml',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        '<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
        '<externalBook r:id="rId1"><sheetNames><sheetName val="Foglio1"/></sheetNames>' +
        '<sheetDataSet><sheetData sheetId="0"><row r="4"><cell r="D4"><v>290890851.86</v></cell></row></sheetData></sheetDataSet>' +
        '</externalBook></externalLink>',
    );
    zip.file(
      'xl/externalLinks/_rels/externalLink1.xml.rels',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLinkPath" Target="${patch.linkTarget}" TargetMode="External"/>` +
        '</Relationships>',
    );
    const types = await read('[Content_Types].xml');
    zip.file(
      '[Content_Types].xml',
      types.replace(
        '</Types>',
        '<Override PartName="/xl/externalLinks/externalLink1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml"/></Types>',
      ),
    );
  }
  zip.file('xl/workbook.xml', workbook);
  const path = join(folder.dir, name);
  writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return path;
}

/** The Grid by both read paths, which must agree on what the audit reads. */
function readBoth(path: string): Grid {
  const bytes = readFileSync(path);
  const scanned = readGrid(bytes, { path });
  const parsed = readGrid(bytes, { path, sheets: 'sheetjs' });
  if (!scanned.ok || !parsed.ok) throw new Error(`${path} did not read`);
  const audit = (grid: Grid) => ({
    calculation: grid.calculation,
    externalWorkbooks: grid.externalWorkbooks,
    sheets: grid.sheets.map((s) => [s.name, s.hiddenRows, s.hiddenColumns]),
  });
  expect(audit(scanned.grid)).toEqual(audit(parsed.grid));
  return scanned.grid;
}

async function check(
  path: string,
): Promise<{ code: number; findings: { rule: string; cell: string; actual: unknown }[] }> {
  let stdout = '';
  const code = await main(['check', path, '--json'], {
    stdout: (text) => void (stdout += text),
    stderr: () => undefined,
  });
  const report = JSON.parse(stdout) as { findings: { rule: string; cell: string; actual: unknown }[] };
  return { code, findings: report.findings };
}

const AUDIT_RULES = ['HIDDEN_CELLS', 'CALC_MANUAL', 'EXTERNAL_LINK'];

describe('the sample as Excel saves it with hidden lines, manual calculation and a link', () => {
  let patched: string;
  beforeAll(async () => {
    patched = await patchedSample('audit.xlsx', {
      hideRows: [19],
      hideColumns: [
        [5, 5],
        [11, 16384],
      ],
      manual: true,
      linkCells: { C16: '[1]Foglio1!D4' },
      linkTarget: 'file:///C:\\Dati\\Piano%20finanziario%202022.xlsx',
    });
  });

  it('reads the hidden Tabella 2 row, the hidden column (a span to XFD costs nothing past the used range), the mode and the linked file', () => {
    const grid = readBoth(patched);
    const sheet = grid.sheets.find((s) => s.name === SAMPLE_SHEET);
    expect(sheet?.hiddenRows).toEqual([18]);
    // A–J are used: K:XFD hides nothing the Grid holds.
    expect(sheet?.hiddenColumns).toEqual([4]);
    expect(grid.calculation).toBe('manual');
    expect(grid.externalWorkbooks).toEqual([LINKED_BOOK]);
  });

  it('the unpatched sample: nothing hidden, automatic, no links — told, not unknown', () => {
    const grid = readBoth(SAMPLE);
    expect(grid.sheets.map((s) => [s.hiddenRows, s.hiddenColumns])).toEqual([[[], []]]);
    expect(grid.calculation).toBe('automatic');
    expect(grid.externalWorkbooks).toEqual([]);
  });

  it('check reports HIDDEN_CELLS, CALC_MANUAL and EXTERNAL_LINK with the file name', async () => {
    const { findings } = await check(patched);
    const audit = findings.filter((f) => AUDIT_RULES.includes(f.rule));
    // Column E runs through the three tables; row 19 is Tabella 2's (its left column is A).
    expect(audit.map((f) => [f.rule, f.cell]).sort()).toEqual([
      ['CALC_MANUAL', 'A1'],
      ['EXTERNAL_LINK', 'C16'],
      ['HIDDEN_CELLS', 'A19'],
      ['HIDDEN_CELLS', 'E14'],
      ['HIDDEN_CELLS', 'E26'],
      ['HIDDEN_CELLS', 'E3'],
    ]);
    expect(JSON.stringify(audit.find((f) => f.rule === 'EXTERNAL_LINK')?.actual)).toContain(LINKED_BOOK);
    const { findings: plain } = await check(SAMPLE);
    expect(plain.filter((f) => AUDIT_RULES.includes(f.rule))).toEqual([]);
  });

  it('the built command says it to a person, naming the linked file', () => {
    buildCli();
    const run = runCli(['check', patched]);
    expect(run.stdout).toContain(LINKED_BOOK);
    expect(run.stdout).toContain('calcolo manuale');
    expect(run.stdout).toMatch(/righe nascoste \(19\)/);
    expect(run.stdout).toMatch(/colonne nascoste \(E\)/);
  });

  it('names the linked file from a relative, a POSIX and a URL target', async () => {
    for (const target of [
      'Piano%20finanziario%202022.xlsx',
      '/Users/anna/Piano finanziario 2022.xlsx',
      'https://example.org/docs/Piano%20finanziario%202022.xlsx',
    ]) {
      const path = await patchedSample('link.xlsx', {
        linkCells: { C16: '[1]Foglio1!D4' },
        linkTarget: target,
      });
      expect(readBoth(path).externalWorkbooks).toEqual([LINKED_BOOK]);
    }
  });
});

describe('rows hidden by default (zeroHeight)', () => {
  it('every row of the used range the sheet does not list is hidden, with the ones it lists as hidden', async () => {
    const path = await patchedSample('zero-height.xlsx', { zeroHeight: true, hideRows: [19] });
    const grid = readBoth(path);
    // The sample lists no row 2, 10, 11, 13, 22, 23 or 25 (they have no cells).
    expect(grid.sheets[0].hiddenRows).toEqual([1, 9, 10, 12, 18, 21, 22, 24]);
  });
});

describe('corpus files that hide rows and columns', () => {
  const corpus = (name: string): string => join(__dirname, '..', 'corpus', name);

  it('hidden outline rows (POI GroupTest), on both paths', () => {
    const grid = readBoth(corpus('shared/poi-0224-GroupTest.xlsx'));
    expect(grid.sheets[0].hiddenRows).toEqual([7, 8, 9, 10, 14, 15, 20, 21, 22, 27, 28, 29, 30]);
    expect(grid.sheets[0].hiddenColumns).toEqual([]);
    expect(grid.calculation).toBe('automatic');
  });

  it('LibreOffice’s hidden="true" on a row and a column', () => {
    const grid = readBoth(corpus('extra/exceljs-0004-libre-calc-as-office-open-xml-spreadsheet.xlsx'));
    expect(grid.sheets[0].hiddenRows).toEqual([1]);
    expect(grid.sheets[0].hiddenColumns).toEqual([1]);
  });

  it('a <col> span of R:X on every month sheet, and none on the empty sheets', () => {
    const grid = readBoth(corpus('extra/phpoffice-0066-issue.3613.xlsx'));
    expect(grid.sheets[0].hiddenColumns).toEqual([17, 18, 19, 20, 21, 22, 23]);
    expect(grid.sheets.find((s) => s.values.length === 0)?.hiddenColumns).toEqual([]);
  });

  it('a <col min="7" max="16384" hidden> outside the used range hides nothing the Grid holds', () => {
    const grid = readBoth(corpus('shared/poi-0215-FillWithoutColor.xlsx'));
    expect(grid.sheets.map((s) => s.hiddenColumns)).toEqual([[], []]);
  });
});
