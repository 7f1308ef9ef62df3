import { SAMPLE_WORKBOOK } from '../../src/engine';
import type {
  FakeCellDescription,
  FakeScalar,
  FakeSheetDescription,
  FakeWorkbookDescription,
} from '../../src/playground/fake-excel';

/** Test workbooks built from the RAA 2022 sample. */

export const SAMPLE_SHEET = 'RAA 2022';
/** Tabella 3: header on row 26, the sample's 18 indicators on rows 27–44. */
export const INDICATOR_HEADER_ROW = 26;
export const FIRST_INDICATOR_ROW = 27;
export const SAMPLE_INDICATOR_COUNT = 18;

export function sampleWorkbook(): FakeWorkbookDescription {
  return structuredClone(SAMPLE_WORKBOOK);
}

/**
 * The sample with `count` indicator rows in Tabella 3: the sample's 18 repeated (codes and values
 * as in the sample), so that a table of 10 or 10 000 rows reads like the real one.
 */
export function sampleWithIndicators(count: number): FakeWorkbookDescription {
  const workbook = sampleWorkbook();
  const sheet = workbook.sheets[0] as FakeSheetDescription;
  const rows: Record<string, FakeCellDescription | FakeScalar>[] = [];
  for (let i = 0; i < SAMPLE_INDICATOR_COUNT; i++) {
    const row: Record<string, FakeCellDescription | FakeScalar> = {};
    for (const [address, cell] of Object.entries(sheet.cells)) {
      const m = /^([A-Z]+)(\d+)$/.exec(address);
      if (m && Number(m[2]) === FIRST_INDICATOR_ROW + i) row[m[1]] = cell;
    }
    rows.push(row);
  }
  for (const address of Object.keys(sheet.cells)) {
    const m = /^([A-Z]+)(\d+)$/.exec(address);
    if (m && Number(m[2]) >= FIRST_INDICATOR_ROW) delete sheet.cells[address];
  }
  for (let i = 0; i < count; i++) {
    const source = rows[i % SAMPLE_INDICATOR_COUNT];
    for (const [column, cell] of Object.entries(source))
      sheet.cells[`${column}${FIRST_INDICATOR_ROW + i}`] = cell;
  }
  return workbook;
}
