import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { LOG_HEADER, LOG_SHEET } from '../../src/engine';
import type { CellWrite, WritePlan } from '../../src/engine';
import { emptyPlan } from '../../src/engine/plan';
import { XlsxWorkbook, readGrid, writePlan } from '../../src/cli/xlsx-host';
import { EXCEL_LIKE, writeExcelLikeWorkbook } from '../fixtures/build-fixtures';
import { readWorkbook, sheetOf, temporaryFolder } from './harness';

const folder = temporaryFolder('xlsx-host');
const input = join(folder.dir, EXCEL_LIKE.file);
afterAll(folder.remove);
beforeAll(() => writeExcelLikeWorkbook(input));

const sha256 = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

function planWith(parts: Partial<WritePlan>): WritePlan {
  return { ...emptyPlan('fill', '2022-12'), ...parts };
}

describe('readGrid', () => {
  it('reads every sheet with its used range', async () => {
    const grid = await readGrid(input);
    expect(grid.locale).toBe('it');
    expect(grid.sheets.map((s) => s.name)).toEqual(EXCEL_LIKE.sheets);
    const offset = grid.sheets[1];
    expect([offset.top, offset.left]).toEqual([2, 2]);
    // Rows are as long as their last cell; a row without cells is an empty array.
    expect(offset.values).toEqual([['Inizio'], [], [null, null, 42]]);
    expect(grid.sheets[2]).toMatchObject({ top: 0, left: 0, values: [], formulas: [], numberFormats: [] });
  });

  it('takes cached results as values, a cached 0 and a cached "" included, and errors as error values', async () => {
    const [data] = (await readGrid(input)).sheets;
    const column = (c: number) => data.values.map((row) => row[c]);
    expect(column(3).slice(1, 6)).toEqual([1.2289431, '', 0.5, 0, { error: '#DIV/0!' }]);
    expect(data.values[5][1]).toBe(290890856.86);
  });

  it('expands a shared formula into each cell’s own formula', async () => {
    const [data] = (await readGrid(input)).sheets;
    const formulas = Object.fromEntries([2, 3, 4, 5].map((row) => [`D${row}`, data.formulas[row - 1][3]]));
    expect(formulas).toEqual(EXCEL_LIKE.sharedFormulas);
    expect(data.formulas[5].slice(1, 4)).toEqual(['=SUM(B2:B5)', '=SUM(C2:C5)', '=B6/0']);
    expect(data.formulas[1][1]).toBeNull();
  });

  it('reads number formats, rich text, hyperlinks, dates, booleans and merged cells as Excel shows them', async () => {
    const [data] = (await readGrid(input)).sheets;
    expect(data.numberFormats[1].slice(1, 4)).toEqual(['#,##0.00 [$€-410]', '#,##0.00 [$€-410]', '0.00%']);
    expect(data.numberFormats[6][3]).toBe('0.0%');
    expect(data.numberFormats[0][0]).toBe('General');
    expect(data.values[3][0]).toBe('III');
    expect(data.values[6].slice(0, 4)).toEqual(['sito', 44926, true, 0.592]);
    expect([data.values[8][0], data.values[8][1] ?? null]).toEqual(['Nota unita', null]);
    expect(data.values[9][4]).toBe('=B7/A7');
    expect(data.formulas[9][4]).toBeNull();
  });

  it('lists the Excel tables (ListObjects) with their range', async () => {
    const [data] = (await readGrid(input)).sheets;
    expect(data.tables).toEqual([EXCEL_LIKE.table]);
  });

  it('says why a file is not a workbook', async () => {
    const opened = await XlsxWorkbook.open(join(folder.dir, 'missing.xlsx'));
    expect(opened).toEqual({
      ok: false,
      problem: { reason: 'not-found', path: join(folder.dir, 'missing.xlsx') },
    });
  });
});

describe('writePlan', () => {
  const ratio: CellWrite = {
    sheet: 'Dati',
    cell: 'D2',
    formula: '=IF(C2=0,"",B2/C2)',
    value: 1.2289431,
    numberFormat: '0.00%',
    previous: { value: 1.2289431, formula: '=IF(C2=0,"",B2/C2)', numberFormat: '0.00%' },
  };

  it('writes formulas with their cached result, keeps text text, and leaves the input untouched', async () => {
    const before = sha256(input);
    const output = join(folder.dir, 'written.xlsx');
    const plan = planWith({
      cells: [
        { ...ratio, cell: 'E2', formula: '=IF(C2=0,"",B2/C2)', value: 1.2289431 },
        { sheet: 'Dati', cell: 'E3', formula: '=IF(C3=0,"",B3/C3)', value: '' },
        { sheet: 'Dati', cell: 'E5', formula: '=IF(C5=0,"",B5/C5)', value: 0 },
        { sheet: 'Dati', cell: 'F2', value: '=B2/C2' },
        { sheet: 'Dati', cell: 'F3', value: '+39 02 6765' },
        { sheet: 'Dati', cell: 'F4', value: '@SUM(A1)' },
        { sheet: 'Dati', cell: 'B2', value: 290890851.86, numberFormat: '#,##0.00' },
      ],
    });
    const summary = await writePlan(input, plan, output);
    expect(summary.cellsWritten).toBe(7);
    expect(sha256(input)).toBe(before);

    const data = sheetOf(await readWorkbook(output), 'Dati');
    expect(data.getCell('E2').formula).toBe('IF(C2=0,"",B2/C2)');
    expect(data.getCell('E2').result).toBe(1.2289431);
    for (const address of ['F2', 'F3', 'F4']) expect(data.getCell(address).formula).toBeUndefined();
    expect(data.getCell('F2').value).toBe('=B2/C2');

    const [grid] = (await readGrid(output)).sheets;
    expect([grid.values[1][4], grid.values[2][4], grid.values[4][4]]).toEqual([1.2289431, '', 0]);
    expect(grid.values[1][5]).toBe('=B2/C2');
    expect(grid.formulas[1][5]).toBeNull();
    // B2 got its own format; C2, which shared B2's style in the file, kept its own.
    expect(grid.numberFormats[1][1]).toBe('#,##0.00');
    expect(grid.numberFormats[1][2]).toBe('#,##0.00 [$€-410]');
  });

  it('rewrites the first cell of a shared formula without breaking the cells that shared it', async () => {
    const output = join(folder.dir, 'shared.xlsx');
    await writePlan(input, planWith({ cells: [{ ...ratio, formula: '=IF(C2=0,0,B2/C2)' }] }), output);
    const [data] = (await readGrid(output)).sheets;
    expect(data.formulas.slice(1, 5).map((row) => row[3])).toEqual([
      '=IF(C2=0,0,B2/C2)',
      EXCEL_LIKE.sharedFormulas.D3,
      EXCEL_LIKE.sharedFormulas.D4,
      EXCEL_LIKE.sharedFormulas.D5,
    ]);
    expect(data.values.slice(1, 5).map((row) => row[3])).toEqual([1.2289431, '', 0.5, 0]);
  });

  it('sets full recalculation on load, and keeps the table’s header row', async () => {
    const output = join(folder.dir, 'recalc.xlsx');
    await writePlan(input, planWith({ cells: [ratio] }), output);
    const zip = await JSZip.loadAsync(readFileSync(output));
    expect(await zip.file('xl/workbook.xml')?.async('string')).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
    const tablePart = Object.keys(zip.files).find((name) => /^xl\/tables\/table\d+\.xml$/.test(name));
    const table = await zip.file(tablePart ?? '')?.async('string');
    expect(table).toMatch(/ref="A1:D5"/);
    expect(table).not.toMatch(/headerRowCount="0"/);
    expect((await readGrid(output)).sheets[0].tables).toEqual([EXCEL_LIKE.table]);
  });

  it('creates and replaces sheets in place, with widths, merges, print setup and title rows', async () => {
    const output = join(folder.dir, 'sheets.xlsx');
    const plan = planWith({
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
            { sheet: 'Vuoto', cell: 'C3', value: '=formula copiata come testo' },
          ],
          columnWidths: [30, 18],
          merges: ['A1:C1'],
          print: { orientation: 'landscape', paper: 'A4', fitToWidth: true },
          printTitleRows: '1:2',
        },
        { name: 'Report POR', replace: true, cells: [{ sheet: 'Report POR', cell: 'A1', value: 'Report' }] },
      ],
    });
    const summary = await writePlan(input, plan, output);
    expect(summary).toMatchObject({
      sheetsReplaced: ['Vuoto'],
      sheetsCreated: ['Report POR'],
      sheetCellsWritten: 4,
    });
    const workbook = await readWorkbook(output);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Dati', 'Spostato', 'Vuoto', 'Report POR']);
    const sheet = sheetOf(workbook, 'Vuoto');
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    expect(sheet.getCell('B3').formula).toBe("'Dati'!B2");
    expect(sheet.getCell('B3').result).toBe(290890851.86);
    expect(sheet.getCell('B3').numFmt).toBe('#,##0.00 [$€-410]');
    expect(sheet.getCell('C3').value).toBe('=formula copiata come testo');
    expect(sheet.getColumn(1).width).toBe(30);
    expect(sheet.getCell('B1').isMerged).toBe(true);
    expect(sheet.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    });
    expect(sheet.pageSetup.printTitlesRow).toBe('1:2');
  });

  it('adds conditional formats once, however often the plan is applied', async () => {
    const first = join(folder.dir, 'flag-1.xlsx');
    const second = join(folder.dir, 'flag-2.xlsx');
    const plan = planWith({
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
    });
    expect((await writePlan(input, plan, first)).conditionalFormatsAdded).toBe(1);
    expect((await writePlan(first, plan, second)).conditionalFormatsAdded).toBe(0);
    const data = sheetOf(await readWorkbook(second), 'Dati') as unknown as {
      conditionalFormattings: {
        ref: string;
        rules: { type: string; formulae: string[]; style: { fill: { bgColor: { argb: string } } } }[];
      }[];
    };
    expect(data.conditionalFormattings).toHaveLength(1);
    expect(data.conditionalFormattings[0]).toMatchObject({
      ref: 'D2:D5',
      rules: [{ type: 'expression', formulae: ['AND(ISNUMBER(D2),D2<0.85)'] }],
    });
    expect(data.conditionalFormattings[0].rules[0].style.fill.bgColor.argb).toBe('FFFFC7CE');
  });

  it('appends the log below the last row, creating the log sheet with its header the first time', async () => {
    const first = join(folder.dir, 'log-1.xlsx');
    const second = join(folder.dir, 'log-2.xlsx');
    const entry = {
      time: '2024-05-02T10:00:00.000Z',
      action: 'fill' as const,
      modelVersion: '2022-12',
      sheet: 'Dati',
      cell: 'D2',
      old: '=B2/C2',
      oldFormat: '0.00%',
      new: '=IF(C2=0,"",B2/C2)',
    };
    await writePlan(
      input,
      planWith({ cells: [ratio], log: [entry, { ...entry, cell: 'D3', old: null }] }),
      first,
    );
    await writePlan(first, planWith({ log: [{ ...entry, cell: 'D4', old: 0.5 }] }), second);
    const log = (await readGrid(second)).sheets.find((s) => s.name === LOG_SHEET);
    expect(log?.values).toEqual([
      [...LOG_HEADER],
      [entry.time, 'Compila', '2022-12', 'Dati', 'D2', '=B2/C2', '0.00%', '=IF(C2=0,"",B2/C2)'],
      [entry.time, 'Compila', '2022-12', 'Dati', 'D3', null, '0.00%', '=IF(C2=0,"",B2/C2)'],
      [entry.time, 'Compila', '2022-12', 'Dati', 'D4', 0.5, '0.00%', '=IF(C2=0,"",B2/C2)'],
    ]);
    expect(log?.formulas.flat().every((f) => f === null)).toBe(true);
  });

  it('deletes sheets, keeping the selected tab within the sheets that remain', async () => {
    const workbook = await readWorkbook(input);
    workbook.views = [{ ...workbook.views[0], activeTab: 2 }];
    const lastTabActive = join(folder.dir, 'last-tab-active.xlsx');
    await workbook.xlsx.writeFile(lastTabActive);
    const output = join(folder.dir, 'deleted.xlsx');
    const summary = await writePlan(
      lastTabActive,
      planWith({ action: 'undo', deleteSheets: ['Vuoto', 'Nessuno'] }),
      output,
    );
    expect(summary.sheetsDeleted).toEqual(['Vuoto']);
    const written = await readWorkbook(output);
    expect(written.worksheets.map((w) => w.name)).toEqual(['Dati', 'Spostato']);
    expect(written.views[0].activeTab).toBe(0);
  });

  it('refuses to write over its input', async () => {
    await expect(writePlan(input, planWith({}), input)).rejects.toThrow(/same-as-input/);
  });
});
