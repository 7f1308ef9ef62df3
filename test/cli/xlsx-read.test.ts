/**
 * The CLI's reader (SheetJS) gives the Grid the ExcelJS read gave before it, on the sample, on the
 * workbooks the CLI's tests build, on one written by ExcelJS with every kind of cell, and on raw
 * variants of the Excel-like fixture with the odd cases (shared formulas expanded per cell, rich
 * text, inline strings, dates, errors, booleans, numbers formatted as % and €). Compared cell by
 * cell through `cellAt`: a row without cells may be one shared empty array, and the format of an
 * empty cell is not compared (the engine never reads it).
 */
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import JSZip from 'jszip';
import { Workbook } from 'exceljs';
import { MODEL_SHEET } from '../../src/engine';
import { cellAt } from '../../src/engine/grid';
import type { CellWrite, Grid, SheetGrid, WritePlan } from '../../src/engine';
import { emptyPlan } from '../../src/engine/plan';
import { main } from '../../src/cli/main';
import { writePlan } from '../../src/cli/xlsx-host';
import { readGrid, readGridFile } from '../../src/cli/xlsx-read';
import { EXCEL_LIKE, writeExcelLikeWorkbook, writeZipThatIsNotAWorkbook } from '../fixtures/build-fixtures';
import { readGridWithExcelJs } from './exceljs-grid';
import { SAMPLE, readWorkbook, temporaryFolder } from './harness';

const folder = temporaryFolder('xlsx-read');
const file = (name: string): string => join(folder.dir, name);
const excelLike = file(EXCEL_LIKE.file);
afterAll(folder.remove);
beforeAll(() => writeExcelLikeWorkbook(excelLike));

/** Every cell of the sheet in the box both sheets span: value, formula and (where the cell holds something) format. */
function cellsOf(
  sheet: SheetGrid,
  box: { top: number; left: number; bottom: number; right: number },
): unknown[] {
  const cells: unknown[] = [];
  for (let row = box.top; row <= box.bottom; row++)
    for (let col = box.left; col <= box.right; col++) {
      const { value, formula, numberFormat } = cellAt(sheet, row, col);
      // A constant "" shows nothing: an empty cell.
      const shown = value === '' && formula === null ? null : value;
      const empty = shown === null && formula === null;
      // ExcelJS dropped the backslash of an escaped space (`#,##0.00\\ [$€-410]`); both show a space.
      cells.push([row, col, shown, formula, empty ? null : numberFormat.replace(/\\ /g, ' ')]);
    }
  return cells;
}

function boxOf(sheets: SheetGrid[]): { top: number; left: number; bottom: number; right: number } {
  const top = Math.min(...sheets.map((s) => s.top));
  const left = Math.min(...sheets.map((s) => s.left));
  const bottom = Math.max(...sheets.map((s) => s.top + s.values.length - 1));
  const right = Math.max(...sheets.map((s) => s.left + Math.max(0, ...s.values.map((r) => r.length)) - 1));
  return { top, left, bottom, right };
}

/** The Grid read, which must be ExcelJS's cell for cell. */
async function expectSameGrid(path: string): Promise<Grid> {
  const expected = await readGridWithExcelJs(path);
  const read = await readGridFile(path);
  if (!read.ok) throw new Error(`${path}: ${read.problem.reason}`);
  expect(read.grid.sheets.map((s) => s.name)).toEqual(expected.sheets.map((s) => s.name));
  read.grid.sheets.forEach((sheet, i) => {
    const box = boxOf([sheet, expected.sheets[i]]);
    expect(cellsOf(sheet, box)).toEqual(cellsOf(expected.sheets[i], box));
    expect(sheet.tables ?? []).toEqual(expected.sheets[i].tables ?? []);
  });
  return read.grid;
}

/** The Grid read; for the cases where ExcelJS read a cell otherwise than Excel shows it. */
async function readOwn(path: string): Promise<Grid> {
  const read = await readGridFile(path);
  if (!read.ok) throw new Error(`${path}: ${read.problem.reason}`);
  return read.grid;
}

/** Value, formula and format of a cell by its A1 address. */
function at(sheet: SheetGrid, address: string): [unknown, string | null, string] {
  const match = /^([A-Z]+)(\d+)$/.exec(address);
  if (!match) throw new Error(address);
  const col = [...match[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const { value, formula, numberFormat } = cellAt(sheet, Number(match[2]) - 1, col);
  return [value, formula, numberFormat];
}

function planWith(parts: Partial<WritePlan>): WritePlan {
  return { ...emptyPlan('fill', '2022-12'), ...parts };
}

const silent = { stdout: () => undefined, stderr: () => undefined };

describe('the sample and the workbooks the CLI tests build', () => {
  it('reads the RAA 2022 sample', async () => {
    const grid = await expectSameGrid(SAMPLE);
    expect(grid.sheets.map((s) => s.name)).toEqual(['RAA 2022']);
  });

  it('reads the Excel-like fixture: shared formulas, cached "" and 0, error, rich text, hyperlink, date, merge, table', async () => {
    const grid = await expectSameGrid(excelLike);
    expect(grid.sheets.map((s) => s.name)).toEqual(EXCEL_LIKE.sheets);
    expect(grid.sheets[0].tables).toEqual([EXCEL_LIKE.table]);
    expect(grid.sheets[0].formulas[2][3]).toBe(EXCEL_LIKE.sharedFormulas.D3);
  });

  it('reads the Excel-like fixture with a chart and macros', async () => {
    const path = file('with-chart.xlsx');
    await writeExcelLikeWorkbook(path, {
      'xl/charts/chart1.xml': '<chartSpace/>',
      'xl/vbaProject.bin': 'macro',
    });
    await expectSameGrid(path);
  });

  it('reads what fill and report write (ExcelJS’s own files), and a workbook with a stored model', async () => {
    const filled = file('filled.xlsx');
    const reported = file('report.xlsx');
    expect([0, 1]).toContain(await main(['fill', SAMPLE, '-o', filled, '--force'], silent));
    expect([0, 1]).toContain(await main(['report', filled, '-o', reported], silent));
    await expectSameGrid(filled);
    await expectSameGrid(reported);

    const workbook = await readWorkbook(SAMPLE);
    const sheet = workbook.addWorksheet(MODEL_SHEET);
    ['{ "id": "x",', '"title": "Modello" }'].forEach((line, i) => {
      sheet.getCell(i + 1, 1).value = line;
    });
    await workbook.xlsx.writeFile(file('stored-model.xlsx'));
    await expectSameGrid(file('stored-model.xlsx'));
  });

  it('reads the copies the host tests write: cells, new sheets with merges, conditional formats, a log', async () => {
    const ratio: CellWrite = {
      sheet: 'Dati',
      cell: 'D2',
      formula: '=IF(C2=0,0,B2/C2)',
      value: 1.2289431,
      numberFormat: '0.00%',
    };
    const written = file('written.xlsx');
    await writePlan(
      excelLike,
      planWith({
        cells: [
          ratio,
          { sheet: 'Dati', cell: 'E3', formula: '=IF(C3=0,"",B3/C3)', value: '' },
          { sheet: 'Dati', cell: 'E5', formula: '=IF(C5=0,"",B5/C5)', value: 0 },
          { sheet: 'Dati', cell: 'F2', value: '=B2/C2' },
          { sheet: 'Dati', cell: 'B2', value: 290890851.86, numberFormat: '#,##0.00' },
        ],
        log: [
          {
            time: '2024-05-02T10:00:00.000Z',
            action: 'fill',
            modelVersion: '2022-12',
            sheet: 'Dati',
            cell: 'D2',
            old: '=B2/C2',
            oldFormat: '0.00%',
            new: '=IF(C2=0,0,B2/C2)',
          },
        ],
      }),
      written,
    );
    await expectSameGrid(written);

    const sheets = file('sheets.xlsx');
    await writePlan(
      excelLike,
      planWith({
        action: 'report',
        sheets: [
          {
            name: 'Vuoto',
            replace: true,
            cells: [
              { sheet: 'Vuoto', cell: 'A1', value: 'TABELLA 2', bold: true },
              {
                sheet: 'Vuoto',
                cell: 'B3',
                formula: "='Dati'!B2",
                value: 290890851.86,
                numberFormat: '#,##0.00 [$€-410]',
              },
            ],
            columnWidths: [30, 18],
            merges: ['A1:C1'],
            print: { orientation: 'landscape', paper: 'A4', fitToWidth: true },
            printTitleRows: '1:2',
          },
        ],
      }),
      sheets,
    );
    await expectSameGrid(sheets);

    const flagged = file('flagged.xlsx');
    await writePlan(
      excelLike,
      planWith({
        action: 'flag',
        conditionalFormats: [
          {
            sheet: 'Dati',
            range: 'D2:D5',
            formula: '=AND(ISNUMBER(D2),D2<0.85)',
            fill: '#FFC7CE',
            fontColor: '#9C0006',
            label: 'sotto soglia',
          },
        ],
      }),
      flagged,
    );
    await expectSameGrid(flagged);
  });
});

describe('a workbook ExcelJS writes with every kind of cell', () => {
  async function writeEveryKind(path: string, date1904: boolean): Promise<void> {
    const workbook = new Workbook();
    if (date1904) workbook.properties.date1904 = true;
    const ws = workbook.addWorksheet('Prova');
    ws.getCell('A1').value = 10;
    ws.getCell('A2').value = 0;
    ws.getCell('A3').value = 5;
    ws.getCell('B1').value = {
      formula: 'IF(A1=0,"",10/A1)',
      result: 1,
      shareType: 'shared',
      ref: 'B1:B3',
    } as never;
    ws.getCell('B2').value = { sharedFormula: 'B1', result: '' } as never;
    ws.getCell('B3').value = { sharedFormula: 'B1', result: 2 } as never;
    ws.getCell('C1').value = { richText: [{ text: 'Asse ' }, { font: { bold: true }, text: 'I' }] };
    ws.getCell('C2').value = new Date(Date.UTC(2022, 11, 31, 12));
    ws.getCell('C2').numFmt = 'dd/mm/yyyy';
    ws.getCell('C3').value = { formula: 'A1/0', result: { error: '#DIV/0!' } } as never;
    ws.getCell('D1').value = { formula: 'A2*1', result: 0 } as never;
    ws.getCell('D2').value = { formula: 'IF(TRUE,"","x")', result: '' } as never;
    ws.getCell('D3').value = { text: 'sito', hyperlink: 'https://www.fse.regione.lombardia.it/' };
    ws.getCell('E1').value = 'Unita';
    ws.mergeCells('E1:F2');
    ws.getCell('G1').value = true;
    ws.getCell('G2').value = 0.5;
    ws.getCell('G2').numFmt = '0.00%';
    ws.getCell('G3').value = { formula: 'C2+1', result: new Date(Date.UTC(2023, 0, 1, 12)) } as never;
    ws.getCell('G3').numFmt = 'dd/mm/yyyy';
    ws.getCell('H4').value = 'a & b < c';
    workbook.addWorksheet('Seconda').getCell('B2').value = 'x';
    await workbook.xlsx.writeFile(path);
  }

  it.each([false, true])('reads them as readGrid does (date1904: %s)', async (date1904) => {
    const path = file(`every-kind-${date1904}.xlsx`);
    await writeEveryKind(path, date1904);
    const sheetXml = await (
      await JSZip.loadAsync(readFileSync(path))
    )
      .file('xl/worksheets/sheet1.xml')
      ?.async('string');
    expect(sheetXml).toMatch(/<f t="shared" ref="B1:B3" si="0">/);

    const [prova] = (await expectSameGrid(path)).sheets;
    expect(['B1', 'B2', 'B3', 'B4'].map((a) => at(prova, a).slice(0, 2))).toEqual([
      [1, '=IF(A1=0,"",10/A1)'],
      ['', '=IF(A2=0,"",10/A2)'],
      [2, '=IF(A3=0,"",10/A3)'],
      [null, null],
    ]);
    expect(prova.values[0][2]).toBe('Asse I');
    expect(prova.values[1][2]).toBeCloseTo(date1904 ? 44926.5 - 1462 : 44926.5, 6);
    expect(prova.values[2][2]).toEqual({ error: '#DIV/0!' });
    expect([prova.values[0][3], prova.values[1][3]]).toEqual([0, '']);
    expect(prova.values[2][3]).toBe('sito');
    expect(prova.values[3][7]).toBe('a & b < c');
  });
});

// ── Raw variants of the Excel-like fixture ──────────────────────────────────────────────────

/** The Excel-like workbook with its first sheet's XML (and optionally other parts) changed. */
async function variant(
  name: string,
  change: (sheet: string) => string,
  otherParts: Record<string, string> = {},
): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(excelLike));
  const sheet = (await zip.file('xl/worksheets/sheet1.xml')?.async('string')) as string;
  zip.file('xl/worksheets/sheet1.xml', change(sheet));
  for (const [part, content] of Object.entries(otherParts)) zip.file(part, content);
  const path = file(name);
  writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return path;
}

const insertBefore = (marker: string, text: string) => (sheet: string) => {
  if (!sheet.includes(marker)) throw new Error(`no ${marker} in the sheet`);
  return sheet.replace(marker, `${text}${marker}`);
};

describe('odd cells, read as Excel shows them (where ExcelJS read them otherwise, said so)', () => {
  it('hyperlinks on a formula, on a number and on an empty unstyled cell', async () => {
    const path = await variant('hyperlinks.xlsx', (sheet) =>
      sheet
        .replace(
          '<hyperlink ref="A7" r:id="rId2"/>',
          '<hyperlink ref="A7" r:id="rId2"/><hyperlink ref="D6" r:id="rId2"/><hyperlink ref="B4" r:id="rId2"/><hyperlink ref="F1" r:id="rId2"/><hyperlink ref="A1" location="Dati!A1"/>',
        )
        .replace('</c></row>\n<row r="2">', '</c><c r="F1"/></row>\n<row r="2">'),
    );
    const [data] = (await readOwn(path)).sheets;
    // ExcelJS turned a hyperlinked formula into "" and a hyperlinked number into the text "5".
    expect([at(data, 'D6'), at(data, 'B4'), at(data, 'F1')]).toEqual([
      [{ error: '#DIV/0!' }, '=B6/0', '0.00%'],
      [5, null, '#,##0.00 [$€-410]'],
      [null, null, 'General'],
    ]);
  });

  it('merged cells with styles of their own, of their row and of their column, and a styled empty cell', async () => {
    const path = await variant('merges.xlsx', (sheet) =>
      insertBefore(
        '<sheetData>',
        '<cols><col min="5" max="7" width="12" style="4" customWidth="1"/></cols>',
      )(sheet)
        .replace('<row r="9">', '<row r="9" s="2" customFormat="1">')
        .replace(
          '<c r="B9" s="0"/></row>',
          '<c r="B9" s="0"/><c r="C9" s="3"/><c r="D9" s="1"><v>7</v></c></row>',
        )
        .replace('<row r="10"><c r="E10"', '<row r="10"><c r="C10" s="4"/><c r="E10"')
        .replace(
          '<mergeCell ref="A9:B9"/>',
          '<mergeCell ref="A9:D9"/><mergeCell ref="D5:E7"/><mergeCell ref="F9:G10"/>',
        )
        .replace('<mergeCells count="1">', '<mergeCells count="3">'),
    );
    const [data] = (await readOwn(path)).sheets;
    // The cells a merge covers are empty, even D9 with its 7 (ExcelJS gave them the formats of their row and column).
    expect(['A9', 'B9', 'C9', 'D9'].map((a) => at(data, a)[0])).toEqual(['Nota unita', null, null, null]);
  });

  it('dates and date-formatted results, a cached "" under a date format, text that is a number, odd numbers', async () => {
    const path = await variant('dates.xlsx', (sheet) =>
      sheet.replace(
        '<row r="9">',
        '<row r="8"><c r="A8" s="3"><f>TODAY()</f><v>45000.25</v></c><c r="B8" s="3" t="str"><f>""</f><v></v></c><c r="C8" s="3"><v>abc</v></c><c r="D8"><v>1e3</v></c><c r="E8" t="str"><v>a&amp;amp;b</v></c><c r="F8" t="b"><v>0</v></c><c r="G8" t="e"><v>#N/A</v></c><c r="H8" s="3" t="b"><f>TRUE</f><v>1</v></c></row>\n<row r="9">',
      ),
    );
    const [data] = (await readOwn(path)).sheets;
    // ExcelJS read B8's cached "" under a date format as 0, C8 as NaN and H8's TRUE as 1.
    expect(['A8', 'B8', 'C8', 'D8', 'E8', 'F8', 'G8', 'H8'].map((a) => at(data, a).slice(0, 2))).toEqual([
      [45000.25, '=TODAY()'],
      ['', '=""'],
      [null, null],
      [1000, null],
      // `a&amp;amp;b` is the text `a&amp;b` (SheetJS and ExcelJS unescaped it twice).
      ['a&amp;b', null],
      [false, null],
      [{ error: '#N/A' }, null],
      [true, '=TRUE'],
    ]);
  });

  it('shared formulas: a cell before its block, a block without a formula, a cell with its own formula', async () => {
    const path = await variant('shared.xlsx', (sheet) =>
      sheet
        .replace(
          '<c r="D7" s="4"><v>0.592</v></c>',
          '<c r="D7" s="4"><f t="shared" si="3"/><v>0.592</v></c><c r="E7"><f t="shared" ref="E7:E9" si="4"/><v>1</v></c>',
        )
        .replace(
          '<c r="B9" s="0"/></row>',
          '<c r="B9" s="0"/><c r="D9"><f t="shared" si="3"/><v>2</v></c><c r="E9"><f t="shared" si="4"/><v>3</v></c><c r="F9"><f t="shared" si="0">B9*2</f><v>4</v></c></row>',
        )
        .replace(
          '<row r="9">',
          '<row r="8"><c r="D8"><f t="shared" ref="D8:D9" si="3">$A$1+B8+B:B+2:2</f><v>5</v></c></row>\n<row r="9">',
        ),
    );
    const [data] = (await readOwn(path)).sheets;
    // Moved as Excel moves them, whole rows included (SheetJS's own shifter leaves `2:2` as written).
    expect(['D7', 'D9', 'E9', 'F9'].map((a) => at(data, a)[1])).toEqual([
      null,
      '=$A$1+B9+B:B+3:3',
      null,
      '=B9*2',
    ]);
  });

  it('rich text runs with escapes, text after a run, empty and phonetic-free inline strings', async () => {
    const path = await variant('rich.xlsx', (sheet) =>
      sheet.replace(
        '<row r="9">',
        '<row r="8"><c r="A8" t="inlineStr"><is><r><rPr><b/><sz val="11"/><rFont val="Calibri"/></rPr><t xml:space="preserve">a_x000D_b </t></r><r><t>c</t></r><t>lost</t></is></c><c r="B8" t="inlineStr"><is><t>_x0041_</t></is></c><c r="C8" t="inlineStr" s="2"><is><t></t></is></c><c r="D8" t="inlineStr"><is><r><t/></r></is></c></row>\n<row r="9">',
      ),
    );
    const [data] = (await readOwn(path)).sheets;
    // `_x0041_` is OOXML's escape of `A`, which Excel shows (ExcelJS kept the escape).
    expect(['A8', 'B8', 'C8', 'D8'].map((a) => at(data, a)[0])).toEqual(['a\rb clost', 'A', '', '']);
  });
});

describe('files that are not workbooks', () => {
  it('says which: random bytes, a CSV renamed, a zip of something else, a truncated package, no file, a folder', async () => {
    writeFileSync(file('random.xlsx'), randomBytes(3000));
    copyFileSync(
      join(__dirname, '..', '..', 'assets', 'data', 'tabella1-piano-finanziario.csv'),
      file('table.xlsx'),
    );
    await writeZipThatIsNotAWorkbook(file('archive.xlsx'));
    writeFileSync(file('truncated.xlsx'), readFileSync(excelLike).subarray(0, 2000));
    const reasons: Record<string, string> = {
      'random.xlsx': 'not-zip',
      'table.xlsx': 'not-zip',
      'archive.xlsx': 'zip-not-xlsx',
      'truncated.xlsx': 'damaged-zip',
      'missing.xlsx': 'not-found',
    };
    for (const [name, reason] of Object.entries(reasons)) {
      const read = await readGridFile(file(name));
      expect(read).toEqual({ ok: false, problem: { reason, path: file(name) } });
    }
    expect(await readGridFile(folder.dir)).toEqual({
      ok: false,
      problem: { reason: 'not-a-file', path: folder.dir },
    });
  });
});

describe('the scanner and SheetJS read the corpora alike', () => {
  const corpora = ['shared', 'extra'].map((name) => join(__dirname, '..', 'corpus', name));
  const files = corpora.flatMap((dir) =>
    existsSync(dir)
      ? readdirSync(dir)
          .filter((name) => /\.xls[xm]$/i.test(name))
          .map((name) => join(dir, name))
      : [],
  );

  it.each(files.map((path) => [basename(path), path]))('%s', (_, path) => {
    const bytes = readFileSync(path);
    const scanned = readGrid(bytes, { path });
    const parsed = readGrid(bytes, { path, sheets: 'sheetjs' });
    expect(scanned.ok).toBe(parsed.ok);
    if (!scanned.ok || !parsed.ok) return;
    expect(scanned.grid.sheets.map((s) => s.name)).toEqual(parsed.grid.sheets.map((s) => s.name));
    expect([scanned.grid.calculation, scanned.grid.externalWorkbooks]).toEqual([
      parsed.grid.calculation,
      parsed.grid.externalWorkbooks,
    ]);
    scanned.grid.sheets.forEach((sheet, i) => {
      const box = boxOf([sheet, parsed.grid.sheets[i]]);
      // A style whose format code is empty: SheetJS names it '', the scanner General.
      const general = (cells: unknown[]) =>
        cells.map((cell) =>
          (cell as unknown[]).map((part, k) => (k === 4 && part === '' ? 'General' : part)),
        );
      expect(general(cellsOf(sheet, box))).toEqual(general(cellsOf(parsed.grid.sheets[i], box)));
      expect(sheet.tables).toEqual(parsed.grid.sheets[i].tables);
      expect([sheet.hiddenRows, sheet.hiddenColumns]).toEqual([
        parsed.grid.sheets[i].hiddenRows,
        parsed.grid.sheets[i].hiddenColumns,
      ]);
    });
  });
});
