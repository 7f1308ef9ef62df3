/**
 * Compila through the Office.js host, on the fake Excel (HyperFormula computes its formulas): the
 * sample's Tabella 3 without `% del target` and `Stato` gets both columns, in one write, and
 * Annulla takes them away again.
 */
import { analyse, planFill, planUndo } from '../../src/engine';
import { createExcelHost } from '../../src/excel';
import { installFakeOffice, loadWorkbookIntoFake, type FakeExcel } from '../fakes/fake-excel';
import { INDICATOR_HEADER_ROW, SAMPLE_SHEET, sampleWorkbook } from '../fakes/workbooks';

const NOW = '2024-05-02T10:00:00.000Z';
const LATER = '2024-05-02T10:05:00.000Z';
/** 0-based columns of the added `% del target` (I) and `Stato` (J); 0-based rows of ISCED 1-2 (38) and 10.iv (42). */
const RATIO = 8;
const STATUS = 9;
const HEADER = INDICATOR_HEADER_ROW - 1;
const ISCED = 37;
const Q10IV = 41;

function withoutComputedColumns(): FakeExcel {
  const workbook = sampleWorkbook();
  const sheet = workbook.sheets.find((s) => s.name === SAMPLE_SHEET);
  if (!sheet) throw new Error(`no sheet ${SAMPLE_SHEET} in the sample`);
  for (const address of Object.keys(sheet.cells)) {
    const m = /^([IJ])(\d+)$/.exec(address);
    if (m && Number(m[2]) >= INDICATOR_HEADER_ROW) delete sheet.cells[address];
  }
  return loadWorkbookIntoFake(workbook);
}

describe('Compila on an indicator table without % del target and Stato (Office.js host)', () => {
  const fake = withoutComputedColumns();
  const host = createExcelHost();
  let uninstall: (() => void) | null = null;
  beforeAll(() => {
    uninstall = installFakeOffice(fake);
  });
  afterAll(() => uninstall?.());
  const at = (row: number, col: number) => fake.document.cell(fake.document.sheet(SAMPLE_SHEET), row, col);

  it('adds both columns: bold headers, formulas that compute, percent format', async () => {
    const before = analyse(await host.read());
    expect([before.tables.indicators?.columns.ratio, before.tables.indicators?.columns.status]).toEqual([
      undefined,
      undefined,
    ]);
    const applied = await host.apply(planFill(before, { force: true, now: NOW }));
    expect(applied.syncs).toBe(2);

    expect([at(HEADER, RATIO).value, at(HEADER, STATUS).value]).toEqual(['% del target', 'Stato']);
    const sheet = fake.document.sheet(SAMPLE_SHEET);
    expect([sheet.bold.get(`${HEADER}:${RATIO}`), sheet.bold.get(`${HEADER}:${STATUS}`)]).toEqual([
      true,
      true,
    ]);
    expect(at(ISCED, RATIO).formula).toBe('=IF(OR(G38="",H38="",H38=0),"",G38/H38)');
    expect(at(ISCED, RATIO).numberFormat).toBe('0.00%');
    expect(at(ISCED, RATIO).value).toBeCloseTo(52104 / 56645, 12);
    expect(at(Q10IV, RATIO).value).toBeCloseTo(0.7375, 12);
    expect([at(ISCED, STATUS).value, at(Q10IV, STATUS).value]).toEqual(['Entro tolleranza', 'Sotto target']);
  });

  it('a second Compila has nothing to write', async () => {
    const again = planFill(analyse(await host.read()), { now: LATER });
    expect([again.cells, again.conflicts]).toEqual([[], []]);
  });

  it('Annulla empties the added columns', async () => {
    const undo = planUndo(await host.read(), { now: LATER });
    if (!undo) throw new Error('nothing to undo');
    await host.apply(undo);
    for (const row of [HEADER, ISCED, Q10IV]) {
      expect([at(row, RATIO).value, at(row, STATUS).value]).toEqual(['', '']);
    }
    const sheet = fake.document.sheet(SAMPLE_SHEET);
    expect([sheet.bold.get(`${HEADER}:${RATIO}`), sheet.bold.get(`${HEADER}:${STATUS}`)]).toEqual([
      undefined,
      undefined,
    ]);
    const after = analyse(await host.read());
    expect([after.tables.indicators?.columns.ratio, after.tables.indicators?.columns.status]).toEqual([
      undefined,
      undefined,
    ]);
  });
});
