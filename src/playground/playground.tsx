import { createRoot } from 'react-dom/client';
import { SAMPLE_WORKBOOK } from '../engine';
import { createExcelHost, officeEnvironment } from '../excel';
import { mountPane } from '../taskpane/mount';
import { installFakeOffice, loadWorkbookIntoFake, type FakeExcel } from './fake-excel';
import { WorkbookView } from './WorkbookView';

/**
 * The playground: the real task pane beside a drawn workbook, for trying the add-in without Excel
 * and for browser tests. The workbook is the RAA 2022 sample in the in-memory Excel, installed as
 * the globals `Excel` and `Office`; the pane runs on it through the same host as in Excel.
 * Query parameters: `lang=en` (Office in English), `dark=1` (dark Office theme), `excelApi=1.5`
 * (an older Excel, to see the pane refuse).
 */

declare global {
  interface Window {
    /** For the console and the browser tests: the fake Excel behind the page. */
    porPlayground?: { fake: FakeExcel };
  }
}

async function start(): Promise<void> {
  const params = new URLSearchParams(window.location.search);
  const fake = loadWorkbookIntoFake(SAMPLE_WORKBOOK, {
    displayLanguage: params.get('lang') === 'en' ? 'en-US' : 'it-IT',
    dark: params.get('dark') === '1',
    excelApi: params.get('excelApi') ?? undefined,
  });
  // As Excel opens a workbook: the first sheet active, A1 selected.
  const first = fake.document.sheets[0];
  if (first) fake.document.select(first, { top: 0, left: 0, bottom: 0, right: 0 });
  installFakeOffice(fake);
  window.porPlayground = { fake };

  const workbook = document.getElementById('workbook');
  const pane = document.getElementById('pane');
  if (!workbook || !pane) throw new Error('playground: #workbook or #pane missing from the page');
  createRoot(workbook).render(<WorkbookView fake={fake} onReset={() => window.location.reload()} />);
  mountPane(pane, createExcelHost(), await officeEnvironment());
}

void start();
