/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { OfficeEnvironment } from '../../src/engine';
import { LOG_SHEET } from '../../src/engine/plan';
import { createExcelHost, type ExcelHostOptions } from '../../src/excel';
import { PaneRoot } from '../../src/taskpane/mount';
import { TEST_IDS } from '../../src/taskpane/test-ids';
import { installFakeOffice, loadWorkbookIntoFake, parseBox, type FakeExcel } from '../fakes/fake-excel';
import { SAMPLE_SHEET, sampleWithIndicators } from '../fakes/workbooks';

/**
 * The pane over the real Office.js host on the fake Excel, with Excel's faults injected: what the
 * user reads, and what the workbook holds afterwards.
 */

jest.setTimeout(60_000);

// jsdom has no structuredClone; the test workbooks are plain data.
globalThis.structuredClone ??= <T,>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

const italianExcel: OfficeEnvironment = {
  inExcel: true,
  displayLanguage: 'it-IT',
  dark: false,
  supported: true,
};

let uninstall: (() => void) | null = null;
afterEach(() => {
  cleanup();
  uninstall?.();
  uninstall = null;
});

function renderPane(rows: number, options: ExcelHostOptions = {}, farValue?: string): FakeExcel {
  const workbook = sampleWithIndicators(rows);
  if (farValue) workbook.sheets[0].cells[farValue] = 'nota';
  const fake = loadWorkbookIntoFake(workbook);
  uninstall = installFakeOffice(fake);
  render(<PaneRoot host={createExcelHost(options)} env={italianExcel} />);
  return fake;
}

/** Every cell of every sheet but the log, to compare the workbook before and after. */
function cellsOf(fake: FakeExcel): unknown {
  return fake.document.sheets
    .filter((sheet) => sheet.name !== LOG_SHEET)
    .map((sheet) => {
      const box = fake.document.usedBox(sheet, false);
      return { name: sheet.name, cells: box ? fake.document.readBox(sheet, box) : [] };
    });
}

/** Compila, up to its dialog (the sample's typed ratios make it ask to overwrite). */
async function openFill(user: ReturnType<typeof userEvent.setup>): Promise<HTMLElement> {
  await user.click(screen.getByTestId(TEST_IDS.actionFill));
  return screen.findByTestId(TEST_IDS.confirmDialog);
}

async function statusText(intent: string): Promise<string> {
  await waitFor(() =>
    expect(screen.getByTestId(TEST_IDS.statusMessage)).toHaveAttribute('data-intent', intent),
  );
  return screen.getByTestId(TEST_IDS.statusMessage).textContent ?? '';
}

describe('the pane on Excel’s faults', () => {
  it('a protected sheet: a clear message naming it, nothing written', async () => {
    const user = userEvent.setup();
    const fake = renderPane(10);
    const dialog = await openFill(user);
    fake.document.sheet(SAMPLE_SHEET).protected = true;
    const before = cellsOf(fake);
    await user.click(within(dialog).getByTestId(TEST_IDS.confirmOk));
    const text = await statusText('error');
    expect(text).toContain('Impossibile completare «Compila»');
    expect(text).toContain('Il foglio «RAA 2022» è protetto, quindi non è stato scritto nulla');
    expect(cellsOf(fake)).toEqual(before);
    expect(fake.document.findSheet(LOG_SHEET)).toBeNull();
  });

  it('the workbook changed while the dialog was open: nothing overwritten, the pane checks again and says so', async () => {
    const user = userEvent.setup();
    const fake = renderPane(10);
    const dialog = await openFill(user);
    // D16, Asse I's typed C = B/A, which Compila would overwrite: the user types another number.
    fake.document.writeEntries(fake.document.sheet(SAMPLE_SHEET), parseBox('D16'), [[0.5]], 'user');
    const before = cellsOf(fake);
    const reads: number[] = [];
    fake.onSync((report) => reads.push(report.batch));
    await user.click(within(dialog).getByTestId(TEST_IDS.confirmOk));
    const text = await statusText('warning');
    expect(text).toContain(
      'La cartella è cambiata dopo la verifica: ripeti Verifica. Non è stato scritto nulla.',
    );
    expect(text).toContain('Elenco dei rilievi aggiornato');
    expect(cellsOf(fake)).toEqual(before);
    expect(fake.document.cell(fake.document.sheet(SAMPLE_SHEET), 15, 3).value).toBe(0.5);
    expect(fake.document.findSheet(LOG_SHEET)).toBeNull();
    // The check that refused, then the pane's new read.
    expect(reads).toHaveLength(2);
  });

  it('a connection lost half-way through a write: what was written and what was not; Annulla restores it', async () => {
    const user = userEvent.setup();
    const fake = renderPane(100, { budget: { bytes: 15_000 } });
    const before = cellsOf(fake);
    const dialog = await openFill(user);
    // The check and the first part pass; the second part's request fails.
    fake.failSyncAfter(2, { code: 'ConnectionFailure' });
    await user.click(within(dialog).getByTestId(TEST_IDS.confirmOk));
    const text = await statusText('error');
    expect(text).toMatch(/^«Compila» si è interrotta: Excel non ha risposto in tempo\./);
    expect(text).toMatch(/Scritto: \d+ celle scritte in RAA 2022!/);
    expect(text).toMatch(/Non scritto: \d+ celle scritte in RAA 2022!/);
    expect(text).toContain('Premi Annulla per ripristinare quanto è stato scritto.');
    expect(cellsOf(fake)).not.toEqual(before);

    await user.click(screen.getByTestId(TEST_IDS.actionUndo));
    const undo = await screen.findByTestId(TEST_IDS.confirmDialog);
    await user.click(within(undo).getByTestId(TEST_IDS.confirmOk));
    expect(await statusText('success')).toMatch(/^Annullato «Compila»/);
    expect(cellsOf(fake)).toEqual(before);
  });

  it('a sheet of more than 5 million cells: read in blocks, and Verifica says so', async () => {
    const user = userEvent.setup();
    renderPane(10, {}, 'XFD400');
    await user.click(screen.getByTestId(TEST_IDS.actionCheck));
    const text = await statusText('warning');
    expect(text).toMatch(/^Verifica completata/);
    expect(text).toContain('Il foglio «RAA 2022» è molto grande (6.553.600 celle): letto a blocchi.');
    expect(screen.getAllByTestId(TEST_IDS.findingRow).length).toBeGreaterThan(0);
  });
});
