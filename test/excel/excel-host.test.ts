import { analyse, planFlag, planUndo } from '../../src/engine';
import { createExcelHost, describeOfficeError, type ExcelHost } from '../../src/excel';
import { ruleFormulaKey } from '../../src/excel/conditional-formats';
import {
  LOG_HEADER,
  LOG_SHEET,
  emptyPlan,
  type CellWrite,
  type LogEntry,
  type WritePlan,
} from '../../src/engine/plan';
import {
  installFakeOffice,
  loadWorkbookIntoFake,
  parseBox,
  type ConditionalFormatState,
  type FakeExcel,
  type FakeWorkbookDescription,
} from '../fakes/fake-excel';
import { FIRST_INDICATOR_ROW, SAMPLE_SHEET, sampleWorkbook, sampleWithIndicators } from '../fakes/workbooks';

/**
 * The Office.js host on the fake Excel: what it reads, what it writes, and how many
 * `context.sync()` calls it takes — the same on 10 rows and on 10 000.
 */

jest.setTimeout(60_000);

let uninstall: (() => void) | null = null;

function useFake(description: FakeWorkbookDescription, options: { excelApi?: string } = {}): FakeExcel {
  const fake = loadWorkbookIntoFake(description, options);
  uninstall?.();
  uninstall = installFakeOffice(fake);
  return fake;
}

afterEach(() => {
  uninstall?.();
  uninstall = null;
});

const NOW = '2024-05-02T10:00:00.000Z';

function logEntry(
  cell: string,
  old: LogEntry['old'],
  next: LogEntry['new'],
  action: LogEntry['action'] = 'fill',
): LogEntry {
  return {
    time: NOW,
    action,
    modelVersion: '2022-12',
    sheet: SAMPLE_SHEET,
    cell,
    old,
    oldFormat: 'General',
    new: next,
  };
}

/** What Compila writes on Tabella 3 (`% del target` in I, `Stato` in J), built by hand: one formula pair per indicator row. */
function indicatorFillPlan(rows: number): WritePlan {
  const plan = emptyPlan('fill', '2022-12');
  for (let i = 0; i < rows; i++) {
    const row = FIRST_INDICATOR_ROW + i;
    const ratio = `=IF(AND(ISNUMBER(G${row}),ISNUMBER(H${row}),H${row}<>0),G${row}/H${row},"")`;
    const status = `=IF(I${row}="","",IF(I${row}>=1,"raggiunto",IF(I${row}>=0.85,"tolleranza","sotto target")))`;
    plan.cells.push({
      sheet: SAMPLE_SHEET,
      cell: `I${row}`,
      formula: ratio,
      numberFormat: '0.00%',
      previous: { value: null, formula: null, numberFormat: 'General' },
    });
    plan.cells.push({
      sheet: SAMPLE_SHEET,
      cell: `J${row}`,
      formula: status,
      previous: { value: null, formula: null, numberFormat: 'General' },
    });
    plan.log.push(logEntry(`I${row}`, null, ratio), logEntry(`J${row}`, null, status));
  }
  return plan;
}

function cellOf(fake: FakeExcel, sheet: string, address: string) {
  const m = /^([A-Z]+)(\d+)$/.exec(address) as RegExpExecArray;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return fake.document.cell(fake.document.sheet(sheet), Number(m[2]) - 1, col - 1);
}

describe('read', () => {
  it('turns every sheet into the Grid: values, formulas, formats, errors, empty cells, tables', async () => {
    const fake = useFake({
      sheets: [
        {
          name: 'Dati',
          cells: {
            B2: 'Asse',
            C2: 'A',
            D2: 'B',
            E2: 'C=B/A',
            B3: 'I',
            C3: { value: 236700000, numberFormat: '#,##0.00 [$€-410]' },
            D3: { value: 290890851.86, numberFormat: '#,##0.00 [$€-410]' },
            E3: { formula: '=IF(C3=0,"",D3/C3)', numberFormat: '0.00%' },
            B4: 'II',
            C4: 0,
            D4: { value: '=B/A' },
            E4: '=D4/C4',
            F4: true,
          },
          tables: [{ name: 'Avanzamento', range: 'B2:E4' }],
        },
        { name: 'Vuoto', cells: {} },
      ],
    });
    const grid = await createExcelHost().read();
    expect(grid).toEqual({
      sheets: [
        {
          name: 'Dati',
          top: 1,
          left: 1,
          values: [
            ['Asse', 'A', 'B', 'C=B/A', null],
            ['I', 236700000, 290890851.86, 290890851.86 / 236700000, null],
            ['II', 0, '=B/A', { error: '#VALUE!' }, true],
          ],
          formulas: [
            [null, null, null, null, null],
            [null, null, null, '=IF(C3=0,"",D3/C3)', null],
            [null, null, null, '=D4/C4', null],
          ],
          numberFormats: [
            ['General', 'General', 'General', 'General', 'General'],
            ['General', '#,##0.00 [$€-410]', '#,##0.00 [$€-410]', '0.00%', 'General'],
            ['General', 'General', 'General', 'General', 'General'],
          ],
          tables: [{ name: 'Avanzamento', range: 'B2:E4' }],
          hiddenRows: [],
          hiddenColumns: [],
        },
        {
          name: 'Vuoto',
          top: 0,
          left: 0,
          values: [],
          formulas: [],
          numberFormats: [],
          hiddenRows: [],
          hiddenColumns: [],
        },
      ],
      calculation: 'automatic',
    });
    expect(fake.document.sheets).toHaveLength(2);
  });

  it('reads the sample workbook as it is', async () => {
    useFake(sampleWorkbook());
    const grid = await createExcelHost().read();
    const sheet = grid.sheets[0];
    expect(sheet.name).toBe(SAMPLE_SHEET);
    expect([sheet.top, sheet.left]).toEqual([0, 0]);
    expect(sheet.values).toHaveLength(44);
    expect(sheet.values[3][3]).toBe(236700000); // D4
    expect(sheet.numberFormats[3][3]).toBe('#,##0 [$€-410]');
    expect(sheet.values[15][3]).toBe(1.2289); // D16, Asse I, C = B/A typed as a fraction
    expect(sheet.numberFormats[15][3]).toBe('0.00%');
    expect(sheet.values[17][0]).toBe('II'); // A18, the duplicate label
    expect(sheet.values[1][0]).toBeNull();
  });

  it.each([10, 10_000])(
    'takes one sync (two on the first read of a session) with %i indicator rows',
    async (rows) => {
      const fake = useFake(sampleWithIndicators(rows));
      const host = createExcelHost();
      const first = await host.read();
      expect(fake.syncCount).toBe(2);
      expect(first.sheets[0].values).toHaveLength(FIRST_INDICATOR_ROW - 1 + rows);
      fake.resetSyncCount();
      const second = await host.read();
      expect(fake.syncCount).toBe(1);
      expect(second).toEqual(first);
    },
  );

  it('reads a sheet added by the user since the last read with one more sync, and recovers from a deleted one', async () => {
    const fake = useFake(sampleWorkbook());
    const host = createExcelHost();
    await host.read();
    fake.document.addSheet('Note');
    fake.resetSyncCount();
    const withNote = await host.read();
    expect(withNote.sheets.map((sheet) => sheet.name)).toEqual([SAMPLE_SHEET, 'Note']);
    expect(fake.syncCount).toBe(2);
    fake.document.deleteSheet('Note');
    fake.resetSyncCount();
    const without = await host.read();
    expect(without.sheets.map((sheet) => sheet.name)).toEqual([SAMPLE_SHEET]);
    expect(fake.syncCount).toBe(3);
  });

  it('reads in row slices when Excel refuses a response for its size, and gets the same Grid', async () => {
    const fake = useFake(sampleWithIndicators(2_000));
    const whole = await createExcelHost().read();
    fake.failResponsesLargerThan(5_000);
    fake.resetSyncCount();
    const host = createExcelHost();
    const sliced = await host.read();
    expect(sliced).toEqual(whole);
    expect(fake.syncCount).toBeGreaterThan(2);
  });
});

describe('apply', () => {
  // 10 000 rows and their 20 000 log rows are over Excel on the web's 5 MB: two write requests.
  it.each([
    [10, 2],
    [1_000, 2],
    [10_000, 3],
  ])(
    'writes a fill of %i indicator rows in %i syncs after the read (a check, then the writes), and logs every cell',
    async (rows, syncs) => {
      const fake = useFake(sampleWithIndicators(rows));
      const host = createExcelHost();
      await host.read();
      fake.resetSyncCount();
      const refused: string[] = [];
      fake.onSync((report) => report.error && refused.push(report.error.code));
      const result = await host.apply(indicatorFillPlan(rows));
      expect(refused).toEqual([]);
      expect(fake.syncCount).toBe(syncs);
      expect(result).toEqual({ cellsWritten: rows * 2, sheetsCreated: [LOG_SHEET], syncs });

      // Row 27: CO01, 163724 against 131480.
      const ratio = cellOf(fake, SAMPLE_SHEET, 'I27');
      expect(ratio.formula).toBe('=IF(AND(ISNUMBER(G27),ISNUMBER(H27),H27<>0),G27/H27,"")');
      expect(ratio.value).toBeCloseTo(163724 / 131480, 10);
      expect(ratio.numberFormat).toBe('0.00%');
      expect(cellOf(fake, SAMPLE_SHEET, 'J27').value).toBe('raggiunto');
      const last = FIRST_INDICATOR_ROW + rows - 1;
      expect(cellOf(fake, SAMPLE_SHEET, `I${last}`).formula).toBe(
        `=IF(AND(ISNUMBER(G${last}),ISNUMBER(H${last}),H${last}<>0),G${last}/H${last},"")`,
      );

      const log = fake.document.sheet(LOG_SHEET);
      expect(fake.document.usedBox(log, true)).toEqual({
        top: 0,
        left: 0,
        bottom: rows * 2,
        right: LOG_HEADER.length - 1,
      });
      expect(
        LOG_HEADER.map((_, c) => cellOf(fake, LOG_SHEET, `${String.fromCharCode(65 + c)}1`).value),
      ).toEqual([...LOG_HEADER]);
      // The new formula is logged as text, not as a formula.
      const logged = cellOf(fake, LOG_SHEET, 'H2');
      expect(logged.type).toBe('String');
      expect(logged.value).toBe('=IF(AND(ISNUMBER(G27),ISNUMBER(H27),H27<>0),G27/H27,"")');
      expect(cellOf(fake, LOG_SHEET, 'A2').value).toBe(NOW);
      expect(cellOf(fake, LOG_SHEET, 'F2').type).toBe('Empty');
    },
  );

  it('takes one more sync when no read came before', async () => {
    const fake = useFake(sampleWithIndicators(10));
    const result = await createExcelHost().apply(indicatorFillPlan(10));
    expect(result.syncs).toBe(3);
    expect(fake.syncCount).toBe(3);
  });

  it('groups cells into rectangles: one formulas request per block, not one per cell', async () => {
    const fake = useFake(sampleWithIndicators(100));
    const host = createExcelHost();
    await host.read();
    await host.apply(indicatorFillPlan(100));
    const names = fake.lastRequest?.names ?? [];
    // I27:J126 formulas, I27:I126 formats, the log's header, its bold and its 200 rows.
    expect(names.filter((name) => name === 'Range.formulas')).toHaveLength(3);
    expect(names.filter((name) => name === 'Range.numberFormat')).toHaveLength(1);
  });

  it('appends log rows below the last used row of an existing log sheet', async () => {
    const fake = useFake(sampleWithIndicators(10));
    const host = createExcelHost();
    await host.read();
    await host.apply(indicatorFillPlan(2));
    fake.resetSyncCount();
    const second = indicatorFillPlan(3);
    second.log = [logEntry('I27', '=G27/H27', 1.245), logEntry('J27', 'sotto', null)];
    await host.apply(second);
    expect(fake.syncCount).toBe(2);
    expect(cellOf(fake, LOG_SHEET, 'E6').value).toBe('I27');
    expect(cellOf(fake, LOG_SHEET, 'F6').value).toBe('=G27/H27');
    expect(cellOf(fake, LOG_SHEET, 'F6').type).toBe('String');
    expect(cellOf(fake, LOG_SHEET, 'H6').value).toBe(1.245);
    expect(cellOf(fake, LOG_SHEET, 'E7').value).toBe('J27');
    expect(fake.document.usedBox(fake.document.sheet(LOG_SHEET), true)?.bottom).toBe(6);
  });

  it('writes text that looks like a formula, a number or a boolean as text; null clears a cell', async () => {
    const fake = useFake(sampleWorkbook());
    const host = createExcelHost();
    await host.read();
    const plan = emptyPlan('fill', '2022-12');
    const texts = [
      '=B/A',
      '+39 02 1234',
      '-',
      '@home',
      "'quoted",
      '24,39%',
      '1.234',
      'TRUE',
      '#N/A',
      'Asse I',
    ];
    texts.forEach((text, i) => plan.cells.push({ sheet: SAMPLE_SHEET, cell: `L${i + 1}`, value: text }));
    plan.cells.push(
      { sheet: SAMPLE_SHEET, cell: 'A1', value: null },
      { sheet: SAMPLE_SHEET, cell: 'M1', value: 12.5, numberFormat: '#,##0.00' },
      { sheet: SAMPLE_SHEET, cell: 'M2', value: false },
    );
    await host.apply(plan);
    texts.forEach((text, i) => {
      const cell = cellOf(fake, SAMPLE_SHEET, `L${i + 1}`);
      expect({ text, value: cell.value, type: cell.type }).toEqual({ text, value: text, type: 'String' });
    });
    expect(cellOf(fake, SAMPLE_SHEET, 'A1').type).toBe('Empty');
    expect(cellOf(fake, SAMPLE_SHEET, 'M1')).toMatchObject({ value: 12.5, numberFormat: '#,##0.00' });
    expect(cellOf(fake, SAMPLE_SHEET, 'M2')).toMatchObject({ value: false, type: 'Boolean' });
  });

  function reportPlan(title: string): WritePlan {
    const plan = emptyPlan('report', '2022-12');
    const cells: CellWrite[] = [
      { sheet: 'Report POR', cell: 'A1', value: title, bold: true },
      { sheet: 'Report POR', cell: 'A3', value: 'Asse' },
      { sheet: 'Report POR', cell: 'B3', value: 'C=B/A' },
      { sheet: 'Report POR', cell: 'C3', value: '=B/A' },
      { sheet: 'Report POR', cell: 'A4', formula: "='RAA 2022'!B4", value: 'Asse I' },
      {
        sheet: 'Report POR',
        cell: 'B4',
        formula: "='RAA 2022'!D4",
        value: 236700000,
        numberFormat: '#,##0.00 [$€-410]',
      },
      {
        sheet: 'Report POR',
        cell: 'C4',
        formula: "=IF('RAA 2022'!B16=0,\"\",'RAA 2022'!C16/'RAA 2022'!B16)",
        numberFormat: '0.00%',
      },
    ];
    plan.sheets.push({
      name: 'Report POR',
      replace: true,
      cells,
      columnWidths: [30, 20, 20],
      merges: ['A1:C1'],
      print: { orientation: 'landscape', paper: 'A4', fitToWidth: true },
      printTitleRows: '1:3',
    });
    plan.log.push({
      time: NOW,
      action: 'report',
      modelVersion: '2022-12',
      sheet: 'Report POR',
      cell: '',
      old: null,
      oldFormat: '',
      new: 'foglio creato',
    });
    return plan;
  }

  it('creates a report sheet linked by formula, with widths, merges and print setup, in one write', async () => {
    const fake = useFake(sampleWorkbook());
    const host = createExcelHost();
    await host.read();
    fake.resetSyncCount();
    const result = await host.apply(reportPlan('Tabella 2'));
    expect(result).toEqual({ cellsWritten: 7, sheetsCreated: ['Report POR', LOG_SHEET], syncs: 2 });
    expect(fake.syncCount).toBe(2);
    const report = fake.document.sheet('Report POR');
    expect(cellOf(fake, 'Report POR', 'A4').value).toBe('Asse I');
    expect(cellOf(fake, 'Report POR', 'B4')).toMatchObject({
      value: 236700000,
      formula: "='RAA 2022'!D4",
      numberFormat: '#,##0.00 [$€-410]',
    });
    expect(cellOf(fake, 'Report POR', 'C4').value).toBeCloseTo(1.2289, 4);
    expect(cellOf(fake, 'Report POR', 'C3')).toMatchObject({ value: '=B/A', type: 'String' });
    expect(report.bold.get('0:0')).toBe(true);
    expect(report.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 2 }]);
    expect(report.columnWidths.get(0)).toBe(161.25);
    expect(report.columnWidths.get(1)).toBe(108.75);
    expect(report.pageLayout).toEqual({
      orientation: 'Landscape',
      paperSize: 'A4',
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printTitleRows: '$1:$3',
    });
  });

  it('replaces a report sheet on re-run, and leaves print setup out below ExcelApi 1.9', async () => {
    const fake = useFake(sampleWorkbook(), { excelApi: '1.8' });
    const host = createExcelHost();
    await host.read();
    await host.apply(reportPlan('primo'));
    await host.read();
    fake.resetSyncCount();
    await host.apply(reportPlan('secondo'));
    expect(fake.syncCount).toBe(2);
    expect(fake.document.sheets.map((sheet) => sheet.name)).toEqual([SAMPLE_SHEET, 'Report POR', LOG_SHEET]);
    expect(cellOf(fake, 'Report POR', 'A1').value).toBe('secondo');
    expect(fake.document.sheet('Report POR').merges).toHaveLength(1);
    expect(fake.document.sheet('Report POR').pageLayout.orientation).toBe('Portrait');
  });

  it('deletes sheets (undo of a report) and skips one that is already gone', async () => {
    const fake = useFake(sampleWorkbook());
    const host = createExcelHost();
    await host.read();
    await host.apply(reportPlan('x'));
    const undo = emptyPlan('undo', '2022-12');
    undo.deleteSheets = ['Report POR', 'Mai esistito'];
    undo.log.push({
      time: NOW,
      action: 'undo',
      modelVersion: '2022-12',
      sheet: 'Report POR',
      cell: '',
      old: null,
      oldFormat: '',
      new: 'foglio eliminato',
    });
    fake.resetSyncCount();
    const result = await host.apply(undo);
    expect(result.syncs).toBe(2);
    expect(fake.document.sheets.map((sheet) => sheet.name)).toEqual([SAMPLE_SHEET, LOG_SHEET]);
  });

  it('adds conditional formats with a custom rule, fill and font colour', async () => {
    const fake = useFake(sampleWorkbook());
    const host = createExcelHost();
    await host.read();
    const plan = emptyPlan('flag', '2022-12');
    plan.conditionalFormats.push({
      sheet: SAMPLE_SHEET,
      range: 'G27:G44',
      formula: '=AND(ISNUMBER(G27),ISNUMBER(H27),G27<0.85*H27)',
      fill: '#FFC7CE',
      fontColor: '#9C0006',
      label: "sotto l'85% del target",
    });
    fake.resetSyncCount();
    await host.apply(plan);
    expect(fake.syncCount).toBe(2);
    const sheet = fake.document.sheet(SAMPLE_SHEET);
    expect(sheet.conditionalFormats).toEqual([
      {
        type: 'Custom',
        box: { top: 26, left: 6, bottom: 43, right: 6 },
        formula: '=AND(ISNUMBER(G27),ISNUMBER(H27),G27<0.85*H27)',
        fill: '#FFC7CE',
        fontColor: '#9C0006',
      },
    ]);
    // Row 38: ISCED 1-2, 52104 against 56645 (92%): not below 85%. Row 42: 59% against 80%: below.
    expect(fake.document.conditionalFormatsAt(sheet, 37, 6)).toHaveLength(0);
    expect(fake.document.conditionalFormatsAt(sheet, 41, 6)).toHaveLength(1);
  });

  it('splits the batch in halves when Excel refuses it for size, and still writes everything in order', async () => {
    const fake = useFake(sampleWithIndicators(10_000));
    const host = createExcelHost();
    await host.read();
    fake.failRequestsLargerThan(15_000);
    fake.resetSyncCount();
    const result = await host.apply(indicatorFillPlan(10_000));
    expect(result.syncs).toBe(fake.syncCount);
    expect(result.syncs).toBeGreaterThan(1);
    expect(result.cellsWritten).toBe(20_000);
    for (const row of [27, 5_000, 10_026]) {
      expect(cellOf(fake, SAMPLE_SHEET, `I${row}`).formula).toBe(
        `=IF(AND(ISNUMBER(G${row}),ISNUMBER(H${row}),H${row}<>0),G${row}/H${row},"")`,
      );
      expect(cellOf(fake, SAMPLE_SHEET, `I${row}`).numberFormat).toBe('0.00%');
    }
    const log = fake.document.sheet(LOG_SHEET);
    expect(fake.document.usedBox(log, true)?.bottom).toBe(20_000);
    expect(cellOf(fake, LOG_SHEET, 'E2').value).toBe('I27');
    expect(cellOf(fake, LOG_SHEET, 'E20001').value).toBe('J10026');
  });

  it('gives up with the size error when even one cell is refused, and the error reads as a sentence', async () => {
    const fake = useFake(sampleWorkbook());
    const host = createExcelHost();
    await host.read();
    fake.failRequestsLargerThan(0);
    const plan = emptyPlan('fill', '2022-12');
    plan.cells.push({ sheet: SAMPLE_SHEET, cell: 'L1', value: 1 });
    const failure = host.apply(plan);
    await expect(failure).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    const error = await failure.catch((caught: unknown) => caught);
    expect(describeOfficeError(error, 'it')).toMatch(/troppo grande/);
  });

  it('refreshes its picture of the workbook when a sheet was deleted or added behind its back', async () => {
    const fake = useFake(sampleWithIndicators(10));
    const host = createExcelHost();
    await host.read();
    await host.apply(indicatorFillPlan(1));
    // The user deletes the log sheet, then adds a sheet named like the report.
    fake.document.deleteSheet(LOG_SHEET);
    fake.resetSyncCount();
    await host.apply(indicatorFillPlan(1));
    // Refused at its check before any write, names listed again, checked, then written.
    expect(fake.syncCount).toBe(4);
    expect(cellOf(fake, LOG_SHEET, 'A1').value).toBe(LOG_HEADER[0]);
    expect(fake.document.usedBox(fake.document.sheet(LOG_SHEET), true)?.bottom).toBe(2);

    fake.document.addSheet('Report POR');
    fake.resetSyncCount();
    await host.apply(reportPlan('dopo'));
    // The check learns nothing about a sheet it does not write into: checked, written.
    expect(fake.syncCount).toBe(2);
    expect(cellOf(fake, 'Report POR', 'A1').value).toBe('dopo');
  });

  it('fails with ItemNotFound when the sheet it must write into is gone, without writing anything', async () => {
    const fake = useFake(sampleWorkbook());
    const host = createExcelHost();
    await host.read();
    fake.document.addSheet('Altro');
    fake.document.deleteSheet(SAMPLE_SHEET);
    const plan = indicatorFillPlan(1);
    await expect(host.apply(plan)).rejects.toMatchObject({ code: 'ItemNotFound' });
    expect(fake.document.findSheet(LOG_SHEET)).toBeNull();
  });
});

describe('select', () => {
  it('activates the sheet and selects the cell in one sync', async () => {
    const fake = useFake({ sheets: [{ name: 'Primo', cells: { A1: 1 } }, ...sampleWorkbook().sheets] });
    const host = createExcelHost();
    await host.select(SAMPLE_SHEET, 'A18');
    expect(fake.syncCount).toBe(1);
    expect(fake.document.activeSheet).toBe(SAMPLE_SHEET);
    expect(fake.document.selection).toEqual({
      sheet: SAMPLE_SHEET,
      box: { top: 17, left: 0, bottom: 17, right: 0 },
    });
  });

  it('fails with ItemNotFound for a sheet that does not exist', async () => {
    useFake(sampleWorkbook());
    await expect(createExcelHost().select('Nessuno', 'A1')).rejects.toMatchObject({ code: 'ItemNotFound' });
  });
});

describe('undo of Segnala', () => {
  const FLAG_TIME = '2024-05-02T10:00:00.000Z';
  const UNDO_TIME = '2024-05-02T11:00:00.000Z';

  /** The sample workbook (assets/sample-raa-2022.xlsx) with formats of the user's own on it, read by a fresh host. */
  async function flaggedSample(userFormats: (fake: FakeExcel) => void = () => undefined) {
    const fake = useFake(sampleWorkbook());
    userFormats(fake);
    const host = createExcelHost();
    const flag = planFlag(analyse(await host.read(), { lang: 'it' }), { now: FLAG_TIME });
    await host.apply(flag);
    return { fake, host, flag, sheet: fake.document.sheet(SAMPLE_SHEET) };
  }

  function userFormat(fake: FakeExcel, range: string, formula: string | null, type?: 'DataBar') {
    const format = fake.document.addConditionalFormat(
      fake.document.sheet(SAMPLE_SHEET),
      parseBox(range),
      type,
    );
    format.formula = formula;
    return format;
  }

  async function undo(host: ExcelHost) {
    const plan = planUndo(await host.read(), { now: UNDO_TIME, lang: 'it' });
    if (!plan) throw new Error('nothing to undo');
    return { plan, result: await host.apply(plan) };
  }

  it('removes exactly the flag’s formats, in one request to find them and one to write; the user’s stay', async () => {
    const mine: ConditionalFormatState[] = [];
    const { fake, host, flag, sheet } = await flaggedSample((fake) => {
      mine.push(
        userFormat(fake, 'K27:K44', '=K27>1'),
        userFormat(fake, 'G27:G44', null, 'DataBar'),
        userFormat(fake, 'G27:G44', '=G27>1000000'),
      );
    });
    expect(flag.conditionalFormats).toHaveLength(6);
    expect(sheet.conditionalFormats).toHaveLength(9);

    const afterFlag = await host.read();
    fake.resetSyncCount();
    const plan = planUndo(afterFlag, { now: UNDO_TIME, lang: 'it' });
    const result = await host.apply(plan as WritePlan);
    expect(plan?.removeConditionalFormats).toHaveLength(6);
    expect(result.syncs).toBe(2);
    expect(fake.syncCount).toBe(2);
    expect(fake.lastRequest?.names.filter((name) => name === 'ConditionalFormat.delete')).toHaveLength(6);
    expect(sheet.conditionalFormats).toEqual(mine);
    // The undo is logged: a second one reaches nothing.
    expect(planUndo(await host.read(), { now: UNDO_TIME })).toBeNull();
  });

  it('compares rule formulas ignoring $, spaces and case, as Excel may give them back', async () => {
    const { host, sheet } = await flaggedSample();
    for (const format of sheet.conditionalFormats) {
      format.formula = (format.formula ?? '')
        .replace(/([A-Z])(\d)/g, '$$$1$2')
        .replace(/,/g, ', ')
        .toLowerCase();
    }
    expect(sheet.conditionalFormats[0].formula).toMatch(/^=and\(isnumber\(\$g27\), /);
    await undo(host);
    expect(sheet.conditionalFormats).toEqual([]);
  });

  it('keeps a flag format the user extended, and one with the same rule elsewhere: one more request reads their ranges', async () => {
    const { fake, host, sheet } = await flaggedSample();
    const [shortfall, ...others] = sheet.conditionalFormats;
    expect(shortfall.box).toEqual(parseBox('G27:G44'));
    shortfall.box = parseBox('G27:G45');
    const copy = userFormat(fake, 'G27:G30', others[0].formula);
    fake.resetSyncCount();
    const { result } = await undo(host);
    expect(result.syncs).toBe(3);
    expect(sheet.conditionalFormats).toEqual([shortfall, copy]);
  });

  it('skips formats on a sheet deleted since, also when the host learns it only from Excel', async () => {
    const { fake, host } = await flaggedSample();
    await host.read();
    fake.document.addSheet('Altro');
    fake.document.deleteSheet(SAMPLE_SHEET);
    fake.resetSyncCount();
    const plan = planUndo(await host.read(), { now: UNDO_TIME });
    expect(plan?.removeConditionalFormats).toHaveLength(6);
    // The read learnt the sheet is gone: no format looked for there, the check and the log's write.
    fake.resetSyncCount();
    expect((await host.apply(plan as WritePlan)).syncs).toBe(2);

    const again = await flaggedSample();
    const stale = planUndo(await again.host.read(), { now: UNDO_TIME }) as WritePlan;
    again.fake.document.addSheet('Altro');
    again.fake.document.deleteSheet(SAMPLE_SHEET);
    again.fake.resetSyncCount();
    // Refused where it looks for the formats, names listed again, checked, then written.
    expect((await again.host.apply(stale)).syncs).toBe(4);
    expect(cellOf(again.fake, LOG_SHEET, 'B8').value).toBe('Annulla');
  });

  it('Segnala twice, reading in between, adds no format twice; nor after an undo and Segnala again', async () => {
    const { fake, host, flag, sheet } = await flaggedSample();
    // The log reads back as written: the time and the rule stay texts.
    const logged = (await host.read()).sheets.find((s) => s.name === LOG_SHEET);
    expect(logged?.values[1]).toEqual([
      FLAG_TIME,
      'Segnala',
      '2022-12',
      SAMPLE_SHEET,
      'G27:G44',
      null,
      null,
      flag.conditionalFormats[0].formula,
    ]);
    fake.resetSyncCount();
    const second = planFlag(analyse(await host.read(), { lang: 'it' }), { now: UNDO_TIME });
    expect(second.conditionalFormats).toEqual([]);
    expect(await host.apply(second)).toEqual({ cellsWritten: 0, sheetsCreated: [], syncs: 0 });
    expect(sheet.conditionalFormats).toHaveLength(6);

    await undo(host);
    expect(sheet.conditionalFormats).toHaveLength(0);
    for (const [i, now] of ['2024-05-02T12:00:00.000Z', '2024-05-02T13:00:00.000Z'].entries()) {
      const plan = planFlag(analyse(await host.read(), { lang: 'it' }), { now });
      expect(plan.conditionalFormats).toHaveLength(i === 0 ? 6 : 0);
      await host.apply(plan);
      expect(sheet.conditionalFormats).toHaveLength(6);
    }
  });
});

describe('ruleFormulaKey', () => {
  it('ignores the =, $, spaces and case, but not inside string literals', () => {
    expect(ruleFormulaKey('=AND(ISNUMBER($G$27), G27 < 0.85)')).toBe(
      ruleFormulaKey('and(isnumber(G27),g27<0.85)'),
    );
    expect(ruleFormulaKey('=IF(A1="Sotto target",1,0)')).not.toBe(
      ruleFormulaKey('=IF(A1="sotto target",1,0)'),
    );
    expect(ruleFormulaKey('=IF(A1="a $ b",1,0)')).not.toBe(ruleFormulaKey('=IF(A1="a b",1,0)'));
  });
});
