/**
 * `check`'s streaming reader gives the Grid `readGrid` gives, cell for cell: on the sample, on the
 * workbooks the CLI's tests build, on one written by ExcelJS with every kind of cell, and on raw
 * variants of the Excel-like fixture with the odd cases ExcelJS reads its own way. What it does
 * not read itself goes to the full read (`streamed: false`), with the same Grid or the same problem.
 */
import { randomBytes } from 'node:crypto';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { Workbook } from 'exceljs';
import { MODEL_SHEET } from '../../src/engine';
import type { CellWrite, Grid, WritePlan } from '../../src/engine';
import { emptyPlan } from '../../src/engine/plan';
import { main } from '../../src/cli/main';
import { XlsxWorkbook, readGrid, writePlan } from '../../src/cli/xlsx-host';
import { readGridStreaming } from '../../src/cli/xlsx-stream-read';
import { EXCEL_LIKE, writeExcelLikeWorkbook, writeZipThatIsNotAWorkbook } from '../fixtures/build-fixtures';
import { SAMPLE, readWorkbook, temporaryFolder } from './harness';

const folder = temporaryFolder('stream-read');
const file = (name: string): string => join(folder.dir, name);
const excelLike = file(EXCEL_LIKE.file);
afterAll(folder.remove);
beforeAll(() => writeExcelLikeWorkbook(excelLike));

/** The streamed Grid, which must be `readGrid`'s; `streamed` says whether it was read without the full read. */
async function expectSameGrid(path: string, streamed = true): Promise<Grid> {
  const expected = await readGrid(path);
  const read = await readGridStreaming(path);
  if (!read.ok) throw new Error(`${path}: ${read.problem.reason}`);
  expect(read.grid).toStrictEqual(expected);
  expect(read.streamed).toBe(streamed);
  return read.grid;
}

/** Both readers refuse the file, for the same reason. */
async function expectSameProblem(path: string): Promise<void> {
  const opened = await XlsxWorkbook.open(path);
  expect(opened.ok).toBe(false);
  const read = await readGridStreaming(path);
  expect(read).toEqual(opened);
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
    expect(prova.formulas.map((row) => row[1])).toEqual([
      '=IF(A1=0,"",10/A1)',
      '=IF(A2=0,"",10/A2)',
      '=IF(A3=0,"",10/A3)',
      null,
    ]);
    expect(prova.values.map((row) => row[1])).toEqual([1, '', 2, null]);
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

describe('odd cells, read as ExcelJS reads them', () => {
  it('hyperlinks on a formula, on a number and on an empty unstyled cell', async () => {
    const path = await variant('hyperlinks.xlsx', (sheet) =>
      sheet
        .replace(
          '<hyperlink ref="A7" r:id="rId2"/>',
          '<hyperlink ref="A7" r:id="rId2"/><hyperlink ref="D6" r:id="rId2"/><hyperlink ref="B4" r:id="rId2"/><hyperlink ref="F1" r:id="rId2"/><hyperlink ref="A1" location="Dati!A1"/>',
        )
        .replace('</c></row>\n<row r="2">', '</c><c r="F1"/></row>\n<row r="2">'),
    );
    const [data] = (await expectSameGrid(path)).sheets;
    expect([data.values[5][3], data.formulas[5][3], data.values[3][1], data.values[0][5]]).toEqual([
      '',
      null,
      '5',
      '',
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
    const [data] = (await expectSameGrid(path)).sheets;
    // B9 (`s="0"`, so no cell for ExcelJS) is made by the merge with its row's format; C9 and D9 keep theirs.
    expect(data.numberFormats[8].slice(0, 4)).toEqual(['General', '#,##0.00 [$€-410]', 'mm-dd-yy', '0.00%']);
    expect(data.values[8].slice(0, 4)).toEqual(['Nota unita', null, null, null]);
  });

  it('dates and date-formatted results, a cached "" under a date format, text that is a number, odd numbers', async () => {
    const path = await variant('dates.xlsx', (sheet) =>
      sheet.replace(
        '<row r="9">',
        '<row r="8"><c r="A8" s="3"><f>TODAY()</f><v>45000.25</v></c><c r="B8" s="3" t="str"><f>""</f><v></v></c><c r="C8" s="3"><v>abc</v></c><c r="D8"><v>1e3</v></c><c r="E8" t="str"><v>a&amp;amp;b</v></c><c r="F8" t="b"><v>0</v></c><c r="G8" t="e"><v>#N/A</v></c><c r="H8" s="3" t="b"><f>TRUE</f><v>1</v></c></row>\n<row r="9">',
      ),
    );
    const [data] = (await expectSameGrid(path)).sheets;
    expect(data.values[7].slice(4, 7)).toEqual(['a&b', false, { error: '#N/A' }]);
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
    const [data] = (await expectSameGrid(path)).sheets;
    expect([data.formulas[6][3], data.formulas[8][3], data.formulas[8][4], data.formulas[8][5]]).toEqual([
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
    const [data] = (await expectSameGrid(path)).sheets;
    expect(data.values[7].slice(0, 4)).toEqual(['a\rb c', '_x0041_', null, '']);
  });

  it('leaves to the full read what it does not read itself, with the same Grid', async () => {
    // A cell without its address (ExcelJS puts it next to the one before), a phonetic reading.
    const noAddress = await variant('no-address.xlsx', (sheet) =>
      sheet.replace('<c r="C7" t="b"><v>1</v></c>', '<c t="b"><v>1</v></c>'),
    );
    await expectSameGrid(noAddress, false);
    const phonetic = await variant('phonetic.xlsx', (sheet) =>
      sheet.replace(
        '<row r="9">',
        '<row r="8"><c r="A8" t="inlineStr"><is><t>x</t><rPh sb="0" eb="1"><t>y</t></rPh></is></c></row>\n<row r="9">',
      ),
    );
    await expectSameGrid(phonetic, false);
  });

  it('fails as the full read fails: overlapping merges, broken XML, a table part missing', async () => {
    await expectSameProblem(
      await variant('overlap.xlsx', (sheet) =>
        sheet.replace('<mergeCell ref="A9:B9"/>', '<mergeCell ref="A9:B9"/><mergeCell ref="B8:B10"/>'),
      ),
    );
    await expectSameProblem(
      await variant('broken.xlsx', (sheet) =>
        sheet.replace('<row r="10">', '<row r="10"><c r="A10"><v>1</c>'),
      ),
    );
    const zip = await JSZip.loadAsync(readFileSync(excelLike));
    zip.remove('xl/tables/table1.xml');
    writeFileSync(file('no-table.xlsx'), await zip.generateAsync({ type: 'nodebuffer' }));
    await expectSameProblem(file('no-table.xlsx'));
  });

  it('throws what readGrid throws on a merge past the used range with a format', async () => {
    const path = await variant('merge-below.xlsx', (sheet) =>
      sheet
        .replace('<mergeCell ref="A9:B9"/>', '<mergeCell ref="A9:B9"/><mergeCell ref="A12:B13"/>')
        .replace('<row r="10">', '<row r="13" s="3" customFormat="1"/>\n<row r="10">'),
    );
    const expected = await readGrid(path).then(
      () => 'read',
      (error: Error) => error.message,
    );
    expect(expected).not.toBe('read');
    await expect(readGridStreaming(path)).rejects.toThrow(expected);
  });
});

describe('files that are not workbooks', () => {
  it('gives the same problem as the full read', async () => {
    writeFileSync(file('random.xlsx'), randomBytes(3000));
    copyFileSync(
      join(__dirname, '..', '..', 'assets', 'data', 'tabella1-piano-finanziario.csv'),
      file('table.xlsx'),
    );
    await writeZipThatIsNotAWorkbook(file('archive.xlsx'));
    writeFileSync(file('truncated.xlsx'), readFileSync(excelLike).subarray(0, 2000));
    for (const name of ['random.xlsx', 'table.xlsx', 'archive.xlsx', 'truncated.xlsx', 'missing.xlsx'])
      await expectSameProblem(file(name));
    await expectSameProblem(folder.dir);
  });
});
