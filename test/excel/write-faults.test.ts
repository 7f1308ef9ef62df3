import { analyse, planFill, planFlag, planUndo, type WritePlan } from '../../src/engine';
import { LOG_HEADER, LOG_SHEET } from '../../src/engine/plan';
import { createExcelHost, describeOfficeError, type ExcelHost } from '../../src/excel';
import {
  installFakeOffice,
  loadWorkbookIntoFake,
  parseBox,
  type CellBox,
  type FakeExcel,
  type FakeWorkbookDescription,
} from '../fakes/fake-excel';
import { FIRST_INDICATOR_ROW, SAMPLE_SHEET, sampleWithIndicators } from '../fakes/workbooks';

/**
 * Real Excel's limits and faults, injected through the fake Excel: a protected sheet, a workbook
 * edited between Verifica and the write, a connection lost half-way through a write cut in parts,
 * requests over the payload or operation limits, a retry of the same plan, a sheet of more than
 * 5 million cells, a conditional format split in areas.
 */

jest.setTimeout(120_000);

const NOW = '2024-05-02T10:00:00.000Z';
const UNDO_TIME = '2024-05-02T11:00:00.000Z';

let uninstall: (() => void) | null = null;
afterEach(() => {
  uninstall?.();
  uninstall = null;
});

function useFake(description: FakeWorkbookDescription, options: { excelApi?: string } = {}): FakeExcel {
  const fake = loadWorkbookIntoFake(description, options);
  uninstall?.();
  uninstall = installFakeOffice(fake);
  return fake;
}

function cellOf(fake: FakeExcel, sheet: string, address: string) {
  const box = parseBox(address);
  return fake.document.cell(fake.document.sheet(sheet), box.top, box.left);
}

/** Every value and formula of a sheet's used range, to compare a workbook before and after. */
function snapshot(fake: FakeExcel): unknown {
  return fake.document.sheets.map((sheet) => {
    const box = fake.document.usedBox(sheet, false);
    return {
      name: sheet.name,
      cells: box ? fake.document.readBox(sheet, box) : [],
      formats: sheet.conditionalFormats.length,
    };
  });
}

async function fillPlan(host: ExcelHost): Promise<WritePlan> {
  return planFill(analyse(await host.read(), { lang: 'it' }), { force: true, now: NOW });
}

/** The log's rows below the header, as [time, action, sheet, cell]. */
function logRows(fake: FakeExcel): unknown[][] {
  const log = fake.document.findSheet(LOG_SHEET);
  if (!log) return [];
  const box = fake.document.usedBox(log, true);
  if (!box) return [];
  return fake.document
    .readBox(log, { ...box, top: 1, right: LOG_HEADER.length - 1 })
    .map((row) => [row[0].value, row[1].value, row[3].value, row[4].value]);
}

describe('a protected sheet', () => {
  it('is refused before anything is written, in one request, with a message naming it', async () => {
    const fake = useFake(sampleWithIndicators(10));
    const host = createExcelHost();
    const plan = await fillPlan(host);
    fake.document.sheet(SAMPLE_SHEET).protected = true;
    const before = snapshot(fake);
    fake.resetSyncCount();
    const failure = await host.apply(plan).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'SheetProtected', sheet: SAMPLE_SHEET });
    expect(fake.syncCount).toBe(1);
    expect(snapshot(fake)).toEqual(before);
    expect(fake.document.findSheet(LOG_SHEET)).toBeNull();
    expect(describeOfficeError(failure, 'it')).toBe(
      'Il foglio «RAA 2022» è protetto, quindi non è stato scritto nulla. Rimuovi la protezione (Revisione › Rimuovi protezione foglio), poi riprova.',
    );
    expect(describeOfficeError(failure, 'en')).toMatch(/^The sheet “RAA 2022” is protected/);
  });

  it('the log sheet protected: nothing written either', async () => {
    const fake = useFake(sampleWithIndicators(10));
    const host = createExcelHost();
    await host.apply(await fillPlan(host));
    const undo = planUndo(await host.read(), { now: UNDO_TIME, lang: 'it' }) as WritePlan;
    fake.document.sheet(LOG_SHEET).protected = true;
    const before = snapshot(fake);
    await expect(host.apply(undo)).rejects.toMatchObject({ code: 'SheetProtected', sheet: LOG_SHEET });
    expect(snapshot(fake)).toEqual(before);
  });

  it('a write that meets Excel’s own refusal (protected after the check) stops with AccessDenied', async () => {
    const fake = useFake(sampleWithIndicators(10));
    const host = createExcelHost();
    const plan = await fillPlan(host);
    // Protected between the check and the write: Excel refuses the first write itself.
    const off = fake.onSync((report) => {
      if (report.names.includes('WorksheetProtection.load'))
        fake.document.sheet(SAMPLE_SHEET).protected = true;
    });
    const failure = await host.apply(plan).catch((error: unknown) => error);
    off();
    expect(failure).toMatchObject({ code: 'AccessDenied' });
    expect(describeOfficeError(failure, 'it')).toMatch(/protetto/);
  });
});

describe('the workbook changed between Verifica and the write', () => {
  it('is detected: nothing is overwritten, and the cells that changed are named', async () => {
    const fake = useFake(sampleWithIndicators(10));
    const host = createExcelHost();
    const plan = await fillPlan(host);
    const overwritten = plan.cells.find((write) => write.previous && write.previous.value !== null);
    expect(overwritten).toBeDefined();
    const { sheet, cell } = overwritten as NonNullable<typeof overwritten>;
    // The user types a number into a cell the plan overwrites, while the dialog is open.
    const box = parseBox(cell);
    fake.document.writeEntries(fake.document.sheet(sheet), box, [[42]], 'user');
    const before = snapshot(fake);
    fake.resetSyncCount();
    const failure = await host.apply(plan).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'WorkbookChanged', cells: [{ sheet, cell }] });
    expect(fake.syncCount).toBe(1);
    expect(snapshot(fake)).toEqual(before);
    expect(cellOf(fake, sheet, cell).value).toBe(42);
    expect(describeOfficeError(failure, 'it')).toBe(
      'La cartella è cambiata dopo la verifica: ripeti Verifica. Non è stato scritto nulla.',
    );
  });

  it('a new Verifica and the same action then write, keeping what the user typed as the old value', async () => {
    const fake = useFake(sampleWithIndicators(10));
    const host = createExcelHost();
    const stale = await fillPlan(host);
    const target = stale.cells.find((write) => write.previous && write.previous.value !== null);
    const { sheet, cell } = target as NonNullable<typeof target>;
    fake.document.writeEntries(fake.document.sheet(sheet), parseBox(cell), [[42]], 'user');
    await expect(host.apply(stale)).rejects.toMatchObject({ code: 'WorkbookChanged' });
    const fresh = await fillPlan(host);
    await host.apply(fresh);
    const logged = fresh.log.find((entry) => entry.sheet === sheet && entry.cell === cell);
    expect(logged?.old).toBe(42);
  });
});

describe('a write cut in parts that stops half-way', () => {
  // A small budget, so that 100 rows take several requests.
  const budget = { bytes: 15_000 };

  it('says what was written and what was not; the log holds exactly what was written; Annulla restores it', async () => {
    const fake = useFake(sampleWithIndicators(100));
    const host = createExcelHost({ budget });
    const plan = await fillPlan(host);
    const before = snapshot(fake);
    const requests: string[][] = [];
    fake.onSync((report) => requests.push(report.names));
    // The check and the first write pass; the connection drops on the second write.
    fake.failSyncAfter(2, { code: 'ConnectionFailure', message: 'The connection was lost.' });
    const failure = (await host.apply(plan).catch((error: unknown) => error)) as {
      code: string;
      written: WritePlan;
      notWritten: WritePlan;
      cause: unknown;
    };
    expect(failure.code).toBe('WriteInterrupted');
    expect(failure.cause).toMatchObject({ code: 'ConnectionFailure' });
    expect(describeOfficeError(failure, 'it')).toMatch(/non ha risposto in tempo/);
    const { written, notWritten } = failure;
    expect(written.cells.length).toBeGreaterThan(0);
    expect(notWritten.cells.length).toBeGreaterThan(0);
    expect(written.cells.length + notWritten.cells.length).toBe(plan.cells.length);

    for (const write of written.cells.filter((w) => w.formula))
      expect(cellOf(fake, write.sheet, write.cell).formula).toBe(write.formula);
    for (const write of notWritten.cells.filter((w) => w.formula))
      expect(cellOf(fake, write.sheet, write.cell).formula).not.toBe(write.formula);
    // One log row per cell written, none for the cells not written.
    expect(logRows(fake).map((row) => `${row[2]}!${row[3]}`)).toEqual(
      written.log.map((entry) => `${entry.sheet}!${entry.cell}`),
    );

    const undo = planUndo(await host.read(), { now: UNDO_TIME, lang: 'it' }) as WritePlan;
    await host.apply(undo);
    const after = snapshot(fake) as { name: string }[];
    // Every cell as it was; the log sheet stays, with the write and its undo.
    expect(after.filter((sheet) => sheet.name !== LOG_SHEET)).toEqual(before);
  });

  it('applied again, the same plan writes the rest, with no log row twice', async () => {
    const fake = useFake(sampleWithIndicators(100));
    const host = createExcelHost({ budget });
    const plan = await fillPlan(host);
    fake.failSyncAfter(3, { code: 'ConnectionFailure' });
    await expect(host.apply(plan)).rejects.toMatchObject({ code: 'WriteInterrupted' });
    await host.apply(plan);
    for (const write of plan.cells.filter((w) => w.formula))
      expect(cellOf(fake, write.sheet, write.cell).formula).toBe(write.formula);
    const rows = logRows(fake).map((row) => JSON.stringify(row));
    expect(rows).toHaveLength(plan.log.length);
    expect(new Set(rows).size).toBe(rows.length);
  });

  it('a Segnala applied twice adds no format and no log row twice', async () => {
    const fake = useFake(sampleWithIndicators(10));
    const host = createExcelHost();
    const plan = planFlag(analyse(await host.read(), { lang: 'it' }), { now: NOW });
    await host.apply(plan);
    const formats = fake.document.sheet(SAMPLE_SHEET).conditionalFormats.length;
    const rows = logRows(fake).length;
    fake.resetSyncCount();
    const again = await host.apply(plan);
    // The check finds everything there: no write request at all.
    expect(again.syncs).toBe(1);
    expect(fake.syncCount).toBe(1);
    expect(fake.document.sheet(SAMPLE_SHEET).conditionalFormats).toHaveLength(formats);
    expect(logRows(fake)).toHaveLength(rows);
  });
});

describe('request limits of Excel on the web', () => {
  it('refuses a request over 5 MB or with too many operations, as Excel does', async () => {
    const fake = useFake({ sheets: [{ name: 'Dati', cells: {} }] });
    await expect(
      fake.excel.run(async (context) => {
        const range = context.workbook.worksheets.getItem('Dati').getRange('A1:A2000');
        range.values = Array.from({ length: 2000 }, () => ['x'.repeat(3000)]);
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    fake.setRequestLimits({ operations: 10 });
    await expect(
      fake.excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem('Dati');
        for (let row = 1; row <= 11; row++) sheet.getRange(`A${row}`).values = [[row]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(fake.document.usedBox(fake.document.sheet('Dati'), true)).toBeNull();
  });

  it.each([
    ['bytes', { bytes: 20_000 }],
    ['operations', { operations: 40 }],
  ])(
    'a host whose estimate is too generous still writes everything when Excel refuses by %s',
    async (_, limits) => {
      const fake = useFake(sampleWithIndicators(100));
      const host = createExcelHost();
      const plan = await fillPlan(host);
      fake.setRequestLimits(limits);
      const result = await host.apply(plan);
      expect(result.syncs).toBe(fake.syncCount - 2);
      for (const write of plan.cells.filter((w) => w.formula))
        expect(cellOf(fake, write.sheet, write.cell).formula).toBe(write.formula);
      expect(logRows(fake)).toHaveLength(plan.log.length);
    },
  );
});

describe('the check of a write over many cells', () => {
  it('reads them in requests that each fit the response limit', async () => {
    const fake = useFake(sampleWithIndicators(100));
    const host = createExcelHost({ budget: { readCells: 60 } });
    const plan = await fillPlan(host);
    const checked = plan.cells.filter((write) => write.previous).length;
    expect(checked).toBeGreaterThan(120);
    fake.resetSyncCount();
    const result = await host.apply(plan);
    // One request with the rest of the check, more for the cells past the first 60, one write.
    expect(result.syncs).toBeGreaterThan(3);
    expect(result.syncs).toBe(fake.syncCount);
    for (const write of plan.cells.filter((w) => w.formula))
      expect(cellOf(fake, write.sheet, write.cell).formula).toBe(write.formula);
  });
});

describe('a sheet of more than 5 million cells', () => {
  /** The sample's tables, and one value far away (XFD400): a used range of 16 384 × 400 cells. */
  function hugeSheet(): FakeWorkbookDescription {
    const workbook = sampleWithIndicators(10);
    workbook.sheets[0].cells.XFD400 = 'nota';
    return workbook;
  }

  it('reads as values: null, without an error, as in Excel on the web', async () => {
    const fake = useFake(hugeSheet());
    const values = await fake.excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem(SAMPLE_SHEET).getUsedRange(true);
      range.load(['values', 'rowCount', 'columnCount']);
      await context.sync();
      return { values: range.values, cells: range.rowCount * range.columnCount };
    });
    expect(values).toEqual({ values: null, cells: 16_384 * 400 });
  });

  it('is read in blocks — only where its values are — and the read says so', async () => {
    const small = useFake(sampleWithIndicators(10));
    const expected = (await createExcelHost().read()).sheets[0];
    const fake = useFake(hugeSheet());
    const host = createExcelHost();
    await host.read();
    fake.resetSyncCount();
    const grid = await host.read();
    void small;
    expect(grid.notices).toEqual([{ kind: 'blocks', sheet: SAMPLE_SHEET, cells: 16_384 * 400 }]);
    // The read, two rounds to find where the values are, then the blocks: a few requests, not thousands.
    expect(fake.syncCount).toBeLessThan(10);
    const sheet = grid.sheets[0];
    expect([sheet.top, sheet.left]).toEqual([0, 0]);
    for (let row = 0; row < expected.values.length; row++)
      for (let col = 0; col < expected.values[row].length; col++)
        expect(sheet.values[row]?.[col] ?? null).toEqual(expected.values[row][col]);
    expect(sheet.values[399][16_383]).toBe('nota');
    // Rows with nothing were not read: holes, not millions of empty cells.
    expect(sheet.values[200]).toBeUndefined();
    const analysis = analyse(grid, { lang: 'it' });
    expect(analysis.tables.progress).not.toBeNull();
    expect(analysis.indicators).toHaveLength(10);
  });
});

describe('a conditional format spread over several areas', () => {
  /** The sample flagged, and the flag's format on Tabella 3's first column split by the user. */
  async function flaggedAndSplit(excelApi: string, split: (box: CellBox) => CellBox[]) {
    const fake = useFake(sampleWithIndicators(18), { excelApi });
    const host = createExcelHost();
    await host.apply(planFlag(analyse(await host.read(), { lang: 'it' }), { now: NOW }));
    const sheet = fake.document.sheet(SAMPLE_SHEET);
    const format = sheet.conditionalFormats.find((f) => f.box.top === FIRST_INDICATOR_ROW - 1);
    if (!format) throw new Error('no flag format on Tabella 3');
    const [first, ...areas] = split(format.box);
    format.box = first;
    format.areas = areas;
    return { fake, host, sheet };
  }

  it.each(['1.17', '1.8'])(
    'is still undone when a row in the middle lost its format (ExcelApi %s): no request more',
    async (excelApi) => {
      const { host, sheet } = await flaggedAndSplit(excelApi, (box) => [
        { ...box, bottom: box.top + 4 },
        { ...box, top: box.top + 6 },
      ]);
      const undo = planUndo(await host.read(), { now: UNDO_TIME, lang: 'it' }) as WritePlan;
      expect((await host.apply(undo)).syncs).toBe(2);
      expect(sheet.conditionalFormats).toEqual([]);
    },
  );

  it.each(['1.17', '1.8'])(
    'is still undone when its first row lost it too (ExcelApi %s): one request reads the areas',
    async (excelApi) => {
      const { host, sheet, fake } = await flaggedAndSplit(excelApi, (box) => [
        { ...box, top: box.top + 1, bottom: box.top + 4 },
        { ...box, top: box.top + 6 },
      ]);
      const undo = planUndo(await host.read(), { now: UNDO_TIME, lang: 'it' }) as WritePlan;
      fake.resetSyncCount();
      const result = await host.apply(undo);
      // The check, the ranges of the formats in doubt (getRangeOrNullObject is null: getRanges tells the areas), the write.
      expect(result.syncs).toBe(3);
      expect(sheet.conditionalFormats).toEqual([]);
    },
  );

  it('a format with the flag’s rule reaching outside the flagged range stays (the user’s)', async () => {
    const { host, sheet } = await flaggedAndSplit('1.17', (box) => [
      { ...box, top: box.top + 1, bottom: box.top + 4 },
      { ...box, top: box.top + 6, bottom: box.bottom + 3 },
    ]);
    const kept = sheet.conditionalFormats.find((f) => (f.areas?.length ?? 0) > 0);
    await host.apply(planUndo(await host.read(), { now: UNDO_TIME, lang: 'it' }) as WritePlan);
    expect(sheet.conditionalFormats).toEqual([kept]);
  });
});

describe('retrying the same plan', () => {
  it('after the workbook was refused for a protected sheet, writes once unprotected', async () => {
    const fake = useFake(sampleWithIndicators(10));
    const host = createExcelHost();
    const plan = await fillPlan(host);
    fake.document.sheet(SAMPLE_SHEET).protected = true;
    await expect(host.apply(plan)).rejects.toMatchObject({ code: 'SheetProtected' });
    fake.document.sheet(SAMPLE_SHEET).protected = false;
    await host.apply(plan);
    expect(logRows(fake)).toHaveLength(plan.log.length);
    expect(cellOf(fake, SAMPLE_SHEET, `I${FIRST_INDICATOR_ROW}`).formula).toMatch(/^=/);
  });
});
