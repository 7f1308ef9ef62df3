import { analyse, type Analysis } from '../../src/engine';
import { createExcelHost } from '../../src/excel';
import { hiddenLinesOf } from '../../src/excel/read-workbook';
import { installFakeOffice, loadWorkbookIntoFake, type FakeExcel } from '../fakes/fake-excel';
import { SAMPLE_SHEET, sampleWithIndicators, sampleWorkbook } from '../fakes/workbooks';

/**
 * What the Office.js host tells the formula audit beside the cells, in the read's own batch:
 * hidden rows and columns (the gaps of each used range's visible cells, ExcelApi 1.9) and the
 * calculation mode — and below 1.9 nothing about hidden lines, without failing or another sync.
 */

jest.setTimeout(60_000);

let uninstall: (() => void) | null = null;

function useFake(options: { excelApi?: string; indicators?: number } = {}): FakeExcel {
  const description =
    options.indicators === undefined ? sampleWorkbook() : sampleWithIndicators(options.indicators);
  const fake = loadWorkbookIntoFake(description, { excelApi: options.excelApi });
  uninstall?.();
  uninstall = installFakeOffice(fake);
  return fake;
}

afterEach(() => {
  uninstall?.();
  uninstall = null;
});

const AUDIT_RULES = ['HIDDEN_CELLS', 'CALC_MANUAL', 'EXTERNAL_LINK'];

function auditFindings(analysis: Analysis): [string, string][] {
  return analysis.findings
    .filter((f) => AUDIT_RULES.includes(f.rule))
    .map((f): [string, string] => [f.rule, f.cell])
    .sort();
}

/** The operations of every request the host sends while `action` runs. */
async function requestsOf<T>(
  fake: FakeExcel,
  action: () => Promise<T>,
): Promise<{ result: T; names: string[] }> {
  const names: string[] = [];
  const stop = fake.onSync((report) => names.push(...report.names));
  try {
    return { result: await action(), names };
  } finally {
    stop();
  }
}

describe('hidden rows and columns', () => {
  it('a hidden Tabella 2 row and a hidden column give HIDDEN_CELLS through the host, in the read’s syncs', async () => {
    const fake = useFake();
    const sheet = fake.document.sheet(SAMPLE_SHEET);
    sheet.hiddenRows.add(18); // row 19, the third axis row of Tabella 2
    sheet.hiddenColumns.add(4); // E
    const host = createExcelHost();
    fake.resetSyncCount();
    const grid = await host.read();
    expect(fake.syncCount).toBe(2);
    const read = grid.sheets.find((s) => s.name === SAMPLE_SHEET);
    expect(read?.hiddenRows).toEqual([18]);
    expect(read?.hiddenColumns).toEqual([4]);
    // Column E runs through the three tables; row 19 is Tabella 2's, whose left column is A.
    expect(auditFindings(analyse(grid, { lang: 'it' }))).toEqual([
      ['HIDDEN_CELLS', 'A19'],
      ['HIDDEN_CELLS', 'E14'],
      ['HIDDEN_CELLS', 'E26'],
      ['HIDDEN_CELLS', 'E3'],
    ]);
    fake.resetSyncCount();
    await host.read();
    expect(fake.syncCount).toBe(1);
  });

  it('nothing hidden: told as empty, no finding; one sync again on 10 000 indicator rows', async () => {
    const fake = useFake({ indicators: 10_000 });
    const host = createExcelHost();
    await host.read();
    fake.resetSyncCount();
    const grid = await host.read();
    expect(fake.syncCount).toBe(1);
    expect(grid.sheets.map((s) => [s.hiddenRows, s.hiddenColumns])).toEqual([[[], []]]);
    expect(auditFindings(analyse(grid, { lang: 'it' }))).toEqual([]);
  });

  it('every row hidden: Excel has no visible cell, and the host does not guess which lines', async () => {
    const fake = useFake();
    const sheet = fake.document.sheet(SAMPLE_SHEET);
    for (let row = 0; row < 44; row++) sheet.hiddenRows.add(row);
    const grid = await createExcelHost().read();
    expect(grid.sheets[0].hiddenRows).toBeUndefined();
    expect(grid.sheets[0].hiddenColumns).toBeUndefined();
  });

  it.each(['1.8', '1.6'])(
    'ExcelApi %s: no special cells asked for, hidden lines untold, the read as many syncs as before',
    async (excelApi) => {
      const fake = useFake({ excelApi });
      fake.document.sheet(SAMPLE_SHEET).hiddenRows.add(18);
      const host = createExcelHost();
      const { result: grid, names } = await requestsOf(fake, () => host.read());
      expect(fake.syncCount).toBe(2);
      expect(names.some((name) => name.startsWith('RangeAreas'))).toBe(false);
      expect(grid.sheets[0].hiddenRows).toBeUndefined();
      expect(grid.sheets[0].hiddenColumns).toBeUndefined();
      expect(grid.calculation).toBe('automatic');
      expect(auditFindings(analyse(grid, { lang: 'it' }))).toEqual([]);
    },
  );

  it('the fake refuses special cells below ExcelApi 1.9, as Excel does', async () => {
    useFake({ excelApi: '1.8' });
    await expect(
      Excel.run(async (context) => {
        const areas = context.workbook.worksheets
          .getItem(SAMPLE_SHEET)
          .getUsedRange(true)
          .getSpecialCellsOrNullObject('Visible')
          .load('address');
        await context.sync();
        return areas.address;
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
  });

  it('the fake’s visible areas: runs of visible rows by runs of visible columns', async () => {
    const fake = useFake();
    const sheet = fake.document.sheet(SAMPLE_SHEET);
    sheet.hiddenRows.add(18);
    sheet.hiddenColumns.add(4);
    sheet.hiddenColumns.add(9);
    const address = await Excel.run(async (context) => {
      const areas = context.workbook.worksheets
        .getItem(SAMPLE_SHEET)
        .getUsedRange(true)
        .getSpecialCellsOrNullObject('Visible')
        .load('address');
      await context.sync();
      return areas.address;
    });
    expect(address).toBe("'RAA 2022'!A1:D18,'RAA 2022'!F1:I18,'RAA 2022'!A20:D44,'RAA 2022'!F20:I44");
  });
});

describe('calculation mode', () => {
  it('Manual gives CALC_MANUAL through the host; the mode is read in the same sync', async () => {
    const fake = useFake();
    fake.document.calculationMode = 'Manual';
    const host = createExcelHost();
    fake.resetSyncCount();
    const grid = await host.read();
    expect(fake.syncCount).toBe(2);
    expect(grid.calculation).toBe('manual');
    expect(auditFindings(analyse(grid, { lang: 'it' }))).toEqual([['CALC_MANUAL', 'A1']]);
  });

  it.each(['Automatic', 'AutomaticExceptTables'] as const)('%s is automatic: no finding', async (mode) => {
    const fake = useFake();
    fake.document.calculationMode = mode;
    const grid = await createExcelHost().read();
    expect(grid.calculation).toBe('automatic');
    expect(auditFindings(analyse(grid, { lang: 'it' }))).toEqual([]);
  });

  it('the fake sets the mode at sync, as Office.js does (set from ExcelApi 1.8)', async () => {
    const fake = useFake();
    await Excel.run(async (context) => {
      context.workbook.application.calculationMode = 'Manual';
      await context.sync();
    });
    expect(fake.document.calculationMode).toBe('Manual');
  });
});

describe('hiddenLinesOf: a RangeAreas address against its used range', () => {
  const extent = { top: 0, left: 0, rows: 44, cols: 10 };

  it('quoted sheet names with commas and quotes, single cells, areas reaching outside the range', () => {
    expect(
      hiddenLinesOf(
        extent,
        "'Dati, 2022''s'!A1:D18,'Dati, 2022''s'!F1:J18,'Dati, 2022''s'!A20:D50,'Dati, 2022''s'!F20:J44",
      ),
    ).toEqual({
      rows: [18],
      columns: [4],
    });
    expect(hiddenLinesOf({ top: 2, left: 1, rows: 2, cols: 2 }, 'Dati!B3,Dati!$C$4')).toEqual({
      rows: [],
      columns: [],
    });
  });

  it('whole rows and whole columns, and an address it cannot read', () => {
    expect(hiddenLinesOf(extent, 'Dati!1:18,Dati!20:44')).toEqual({ rows: [18], columns: [] });
    expect(hiddenLinesOf(extent, 'Dati!A:D,Dati!F:J')).toEqual({ rows: [], columns: [4] });
    expect(hiddenLinesOf(extent, 'Dati!R1C1:R5C5')).toBeNull();
  });
});

describe('external links', () => {
  it('a formula into another workbook, as Office.js gives it, is EXTERNAL_LINK with the file name (no list needed)', async () => {
    const description = sampleWorkbook();
    const cells = description.sheets[0].cells as Record<string, unknown>;
    cells.C16 = { formula: "='C:\\Dati\\[Piano finanziario 2022.xlsx]Foglio1'!D4" };
    const fake = loadWorkbookIntoFake(description);
    uninstall = installFakeOffice(fake);
    const grid = await createExcelHost().read();
    expect(grid.externalWorkbooks).toBeUndefined();
    const link = analyse(grid, { lang: 'it' }).findings.filter((f) => f.rule === 'EXTERNAL_LINK');
    expect(link.map((f) => [f.cell, f.actual])).toEqual([
      ['C16', { kind: 'text', value: 'Piano finanziario 2022.xlsx' }],
    ]);
  });
});
