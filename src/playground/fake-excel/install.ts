import type { FakeExcel } from './fake-excel';

/**
 * Installs a fake Excel as the globals `Excel` and `Office`, where Office.js would put them, so
 * that `src/excel/` runs on it unchanged. Returns the function that puts the previous globals back.
 */
export function installFakeOffice(fake: FakeExcel): () => void {
  const globals = globalThis as unknown as Record<'Excel' | 'Office', unknown>;
  const previous = { Excel: globals.Excel, Office: globals.Office };
  globals.Excel = fake.excel;
  globals.Office = fake.office;
  return () => {
    globals.Excel = previous.Excel;
    globals.Office = previous.Office;
  };
}
