import {
  analyse,
  planFill,
  planFlag,
  planReport,
  planUndo,
  LOG_SHEET,
  type Analysis,
} from '../../src/engine';
import { createExcelHost, type ExcelHost } from '../../src/excel';
import { installFakeOffice, loadWorkbookIntoFake, type FakeExcel } from '../fakes/fake-excel';
import { FIRST_INDICATOR_ROW, SAMPLE_SHEET, sampleWithIndicators } from '../fakes/workbooks';

/**
 * The pane's actions as the pane runs them — read, engine, apply — on the fake Excel, with the
 * exact number of `context.sync()` calls of each: a read, the write's check, and its writes — one
 * on 10 indicator rows; on 10 000, as many as Excel on the web's 5 MB request limit needs (the fake
 * refuses larger requests, as Excel does).
 */

jest.setTimeout(180_000);

const NOW = '2024-05-02T10:00:00.000Z';
/** Segnala's own time: an undo reverses every action logged at the time it names. */
const FLAG_TIME = '2024-05-02T10:05:00.000Z';

interface Session {
  fake: FakeExcel;
  host: ExcelHost;
  /** Runs one action and returns how many syncs it took. */
  measure<T>(action: () => Promise<T>): Promise<{ result: T; syncs: number }>;
  check(): Promise<Analysis>;
}

/** One workbook and one host for the actions of a describe block, installed as the globals while it runs. */
function session(rows: number): Session {
  const fake = loadWorkbookIntoFake(sampleWithIndicators(rows));
  const host = createExcelHost();
  let uninstall: (() => void) | null = null;
  beforeAll(() => {
    uninstall = installFakeOffice(fake);
  });
  afterAll(() => uninstall?.());
  const measure = async <T>(action: () => Promise<T>) => {
    fake.resetSyncCount();
    const result = await action();
    return { result, syncs: fake.syncCount };
  };
  return { fake, host, measure, check: async () => analyse(await host.read(), { lang: 'it' }) };
}

function cell(fake: FakeExcel, sheet: string, row: number, col: number) {
  return fake.document.cell(fake.document.sheet(sheet), row, col);
}

/** Write requests per action: the fill's 20 000 log rows, the report's 80 000 merges take more than one. */
const WRITES: Record<number, { fill: number; report: number; reportAgain: number }> = {
  10: { fill: 1, report: 1, reportAgain: 1 },
  10_000: { fill: 2, report: 17, reportAgain: 17 },
};

describe.each([10, 10_000])('actions on the sample with %i indicator rows', (rows) => {
  const s = session(rows);
  const writes = WRITES[rows];
  let unsubscribe = (): void => undefined;
  beforeEach(() => {
    // No request is ever refused for its size: the host cuts them to fit.
    unsubscribe = s.fake.onSync((report) => expect(report.error).toBeNull());
  });
  afterEach(() => unsubscribe());

  it('Verifica: one read — two syncs on the first read of the session, one after', async () => {
    const first = await s.measure(() => s.check());
    expect(first.syncs).toBe(2);
    const again = await s.measure(() => s.check());
    expect(again.syncs).toBe(1);
    expect(
      again.result.findings.some((finding) => finding.rule === 'AXIS_DUPLICATE' && finding.cell === 'A18'),
    ).toBe(true);
    expect(again.result.indicators).toHaveLength(rows);
  });

  it('select: one sync', async () => {
    const { syncs } = await s.measure(() => s.host.select(SAMPLE_SHEET, 'A18'));
    expect(syncs).toBe(1);
    expect(s.fake.document.selection).toEqual({
      sheet: SAMPLE_SHEET,
      box: { top: 17, left: 0, bottom: 17, right: 0 },
    });
  });

  it('Compila: one read, the check and the writes, and the formulas compute the published ratios', async () => {
    const { result, syncs } = await s.measure(async () => {
      const plan = planFill(await s.check(), { force: true, now: NOW });
      return { plan, applied: await s.host.apply(plan) };
    });
    expect(syncs).toBe(2 + writes.fill);
    expect(result.applied.syncs).toBe(1 + writes.fill);
    expect(result.applied.cellsWritten).toBe(
      new Set(result.plan.cells.map((write) => `${write.sheet}!${write.cell}`)).size,
    );
    // D16: C = B/A of Asse I, a live formula now, 122,89%.
    const d16 = cell(s.fake, SAMPLE_SHEET, 15, 3);
    expect(d16.formula).toMatch(/^=/);
    expect(d16.value).toBeCloseTo(290890851.86 / 236700000, 10);
    expect(d16.numberFormat).toMatch(/%/);
    // The last indicator row got its `% del target` formula too.
    const lastRow = FIRST_INDICATOR_ROW - 1 + rows - 1;
    expect(cell(s.fake, SAMPLE_SHEET, lastRow, 8).formula).toMatch(/^=/);
    expect(s.fake.document.findSheet(LOG_SHEET)).not.toBeNull();
  });

  it('Compila again: one read, nothing to write, no write request', async () => {
    const { result, syncs } = await s.measure(async () =>
      s.host.apply(planFill(await s.check(), { now: NOW })),
    );
    expect(result).toEqual({ cellsWritten: 0, sheetsCreated: [], syncs: 0 });
    expect(syncs).toBe(1);
  });

  it('Segnala: one read, the check and one write', async () => {
    const { result, syncs } = await s.measure(async () =>
      s.host.apply(planFlag(await s.check(), { now: FLAG_TIME })),
    );
    expect(syncs).toBe(3);
    expect(result.syncs).toBe(2);
    expect(s.fake.document.sheet(SAMPLE_SHEET).conditionalFormats.length).toBeGreaterThan(0);
  });

  it('Genera report: one read, the check and the writes, also when it replaces the report', async () => {
    const first = await s.measure(async () => s.host.apply(planReport(await s.check(), { now: NOW })));
    expect(first.syncs).toBe(2 + writes.report);
    expect(first.result.sheetsCreated.length).toBeGreaterThan(0);
    const report = first.result.sheetsCreated[0];
    expect(s.fake.document.findSheet(report)).not.toBeNull();
    const again = await s.measure(async () => s.host.apply(planReport(await s.check(), { now: NOW })));
    expect(again.syncs).toBe(2 + writes.reportAgain);
    expect(s.fake.document.sheets.filter((sheet) => sheet.name === report)).toHaveLength(1);
  });

  it('Annulla: one read, the check and one write', async () => {
    const { result, syncs } = await s.measure(async () => {
      const plan = planUndo(await s.host.read(), { now: NOW, lang: 'it' });
      if (!plan) throw new Error('nothing to undo');
      return s.host.apply(plan);
    });
    expect(syncs).toBe(3);
    expect(result.syncs).toBe(2);
  });

  it('Annulla again, of Segnala: one read, the check (which finds the formats) and one write', async () => {
    const { result, syncs } = await s.measure(async () => {
      const plan = planUndo(await s.host.read(), { now: NOW, lang: 'it' });
      if (!plan) throw new Error('nothing to undo');
      return { plan, applied: await s.host.apply(plan) };
    });
    expect(result.plan.removeConditionalFormats?.length).toBeGreaterThan(0);
    expect(syncs).toBe(3);
    expect(result.applied.syncs).toBe(2);
    expect(s.fake.document.sheet(SAMPLE_SHEET).conditionalFormats).toEqual([]);
  });
});
