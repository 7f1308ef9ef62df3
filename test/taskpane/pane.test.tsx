/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { analyse, planFill } from '../../src/engine';
import { REQUIRED_EXCEL_API } from '../../src/excel';
import type { Grid } from '../../src/engine';
import type { OfficeEnvironment } from '../../src/engine';
import { PaneRoot } from '../../src/taskpane/mount';
import { TEST_IDS } from '../../src/taskpane/test-ids';
import otherProgramme from '../fixtures/models/other-programme-1-5.json';
import { createMemoryHost, sheetFromRows } from './memory-host';
import type { MemoryHost } from './memory-host';
import { RAA_SHEET, raa2022Grid } from './raa-2022';

// Fluent in jsdom is slow on a loaded machine; the pane itself answers in well under a second in Chromium.
jest.setTimeout(30_000);

const italianExcel: OfficeEnvironment = {
  inExcel: true,
  displayLanguage: 'it-IT',
  dark: false,
  supported: true,
};
const englishExcel: OfficeEnvironment = { ...italianExcel, displayLanguage: 'en-US' };

function renderPane(env: OfficeEnvironment = italianExcel, grid: Grid = raa2022Grid()): MemoryHost {
  const host = createMemoryHost(grid);
  render(<PaneRoot host={host} env={env} />);
  return host;
}

/**
 * The rule of every finding the list stands for: one per finding row, `count` per closed group line
 * (an open group's findings are rows already).
 */
function listedRules(scope: HTMLElement = document.body): string[] {
  const rules: string[] = [];
  for (const row of within(scope).queryAllByTestId(TEST_IDS.findingRow))
    rules.push(row.getAttribute('data-rule') ?? '');
  for (const line of within(scope).queryAllByTestId(TEST_IDS.findingRepeat)) {
    if (line.getAttribute('aria-expanded') === 'true') continue;
    const n = Number(line.getAttribute('data-count'));
    for (let i = 0; i < n; i++) rules.push(line.getAttribute('data-rule') ?? '');
  }
  return rules;
}

async function openModelPicker(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByTestId(TEST_IDS.modelChange));
}

async function check(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByTestId(TEST_IDS.actionCheck));
  await waitFor(() => expect(screen.getByTestId(TEST_IDS.summaryErrors)).toBeInTheDocument());
}

describe('task pane', () => {
  it('speaks Italian by default: verbs on the buttons, a skip link, labelled groups', () => {
    renderPane();
    for (const label of ['Verifica', 'Compila', 'Segnala', 'Genera report', 'Annulla']) {
      expect(screen.getByRole('button', { name: label })).toBeInTheDocument();
    }
    expect(screen.getByRole('link', { name: 'Vai ai risultati' })).toHaveAttribute(
      'href',
      '#por-tables-results',
    );
    expect(screen.getByRole('group', { name: 'Azioni' })).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Modello del programma' })).toBeInTheDocument();
    expect(screen.getByRole('main')).toHaveAttribute('id', 'por-tables-results');
  });

  it('speaks English when Office is in English', () => {
    renderPane(englishExcel);
    for (const label of ['Check', 'Fill', 'Flag', 'Generate report', 'Undo']) {
      expect(screen.getByRole('button', { name: label })).toBeInTheDocument();
    }
    expect(screen.queryByRole('button', { name: 'Verifica' })).not.toBeInTheDocument();
  });

  it('offers the embedded model with its versions, automatic first', async () => {
    const user = userEvent.setup();
    renderPane();
    expect(screen.getByTestId(TEST_IDS.modelSummary)).toHaveTextContent('Modello: POR FSE');
    expect(screen.getByTestId(TEST_IDS.modelSummary)).toHaveTextContent('versione automatica');
    expect(screen.queryByTestId(TEST_IDS.versionSelect)).not.toBeInTheDocument();
    await openModelPicker(user);
    const version = screen.getByTestId(TEST_IDS.versionSelect) as HTMLSelectElement;
    expect(version.tagName).toBe('SELECT');
    const options = [...version.options].map((o) => o.value);
    expect(options[0]).toBe('auto');
    expect(options).toEqual(expect.arrayContaining(['2020-11', '2022-12']));
  });

  it('checks against the version picked instead of the one the allocations match', async () => {
    const user = userEvent.setup();
    renderPane();
    await openModelPicker(user);
    await user.selectOptions(screen.getByTestId(TEST_IDS.versionSelect), '2020-11');
    await user.click(screen.getByTestId(TEST_IDS.modelChange));
    expect(screen.getByTestId(TEST_IDS.modelSummary)).toHaveTextContent('2020-11');
    await check(user);
    expect(screen.getByTestId(TEST_IDS.versionNote)).toHaveTextContent('2020-11');
    const expected = analyse(raa2022Grid(), { lang: 'it', versionId: '2020-11' }).findings;
    expect(expected.some((f) => f.rule === 'ALLOCATION_MISMATCH')).toBe(true);
    expect(listedRules().sort()).toEqual(expected.map((f) => f.rule).sort());
  });

  it('Verifica lists the findings by table with counts, and the summary by severity', async () => {
    const user = userEvent.setup();
    const host = renderPane();
    await check(user);

    const expected = analyse(raa2022Grid(), { lang: 'it' }).findings;
    const bySeverity = (s: string) => String(expected.filter((f) => f.severity === s).length);
    expect(screen.getByTestId(TEST_IDS.summaryErrors)).toHaveAttribute('data-count', bySeverity('error'));
    expect(screen.getByTestId(TEST_IDS.summaryWarnings)).toHaveAttribute('data-count', bySeverity('warning'));
    expect(screen.getByTestId(TEST_IDS.summaryInfos)).toHaveAttribute('data-count', bySeverity('info'));
    expect(screen.getByTestId(TEST_IDS.summaryErrors)).toHaveTextContent('Errori');

    const groups = screen.getAllByTestId(TEST_IDS.findingGroup);
    const tables = groups.map((g) => g.getAttribute('data-table'));
    expect(tables).toEqual(
      ['plan', 'progress', 'indicators', 'workbook'].filter((t) => expected.some((f) => f.table === t)),
    );
    for (const group of groups) {
      const table = group.getAttribute('data-table');
      const inTable = expected.filter((f) => f.table === table);
      expect(group).toHaveAttribute('data-count', String(inTable.length));
      expect(listedRules(group).sort()).toEqual(inTable.map((f) => f.rule).sort());
    }
    expect(listedRules()).toHaveLength(expected.length);

    const duplicate = screen
      .getAllByTestId(TEST_IDS.findingRow)
      .find((r) => r.getAttribute('data-rule') === 'AXIS_DUPLICATE');
    expect(duplicate).toHaveAttribute('data-sheet', RAA_SHEET);
    expect(duplicate).toHaveTextContent(`${RAA_SHEET}!A14`);
    expect(
      screen.getByRole('list', { name: 'Errori — Tabella 2 — Avanzamento finanziario' }),
    ).toBeInTheDocument();
    expect(screen.getByTestId(TEST_IDS.versionNote)).toHaveTextContent('2022-12');
    expect(screen.getByTestId(TEST_IDS.statusMessage)).toHaveTextContent('Verifica completata');
    expect(host.applied).toEqual([]);
  });

  it('selects the cell of a finding on Enter and on click', async () => {
    const user = userEvent.setup();
    const host = renderPane();
    await check(user);
    const rows = screen.getAllByTestId(TEST_IDS.findingRow);

    rows[0].focus();
    await user.keyboard('{Enter}');
    expect(host.selections).toEqual([
      { sheet: rows[0].getAttribute('data-sheet'), cell: rows[0].getAttribute('data-cell') },
    ]);

    await user.click(rows[1]);
    expect(host.selections[1]).toEqual({
      sheet: rows[1].getAttribute('data-sheet'),
      cell: rows[1].getAttribute('data-cell'),
    });
  });

  it('closes and reopens a group of findings', async () => {
    const user = userEvent.setup();
    renderPane();
    await check(user);
    const group = screen.getAllByTestId(TEST_IDS.findingGroup)[0];
    // A direct query: role queries over a long list are slow in jsdom.
    const header = group.querySelector('button[aria-expanded]') as HTMLButtonElement;
    expect(header).toHaveTextContent(/Tabella|Indicatori|Cartella/);
    expect(header).toHaveAttribute('aria-expanded', 'true');
    await user.click(header);
    expect(header).toHaveAttribute('aria-expanded', 'false');
    expect(within(group).queryAllByTestId(TEST_IDS.findingRow)).toHaveLength(0);
    await user.click(header);
    expect(header).toHaveAttribute('aria-expanded', 'true');
  });

  it('Compila with typed ratios asks first; Sovrascrivi writes with force', async () => {
    const user = userEvent.setup();
    const host = renderPane();
    await user.click(screen.getByTestId(TEST_IDS.actionFill));

    const dialog = await screen.findByTestId(TEST_IDS.confirmDialog);
    expect(dialog).toHaveAttribute('data-kind', 'conflicts');
    const conflicts = planFill(analyse(raa2022Grid(), { lang: 'it' })).conflicts;
    expect(conflicts.length).toBeGreaterThan(0);
    expect(dialog).toHaveTextContent(`${conflicts[0].sheet}!${conflicts[0].cell}`);
    expect(host.applied).toEqual([]);

    // jsdom lets Fluent's focus manager mark the open dialog aria-hidden, so its buttons are found by test id.
    expect(within(dialog).getByTestId(TEST_IDS.confirmOk)).toHaveTextContent('Sovrascrivi');
    await user.click(within(dialog).getByTestId(TEST_IDS.confirmOk));
    await waitFor(() => expect(host.applied).toHaveLength(1));
    const forced = planFill(analyse(raa2022Grid(), { lang: 'it' }), { force: true });
    expect(host.applied[0].cells.map((c) => `${c.sheet}!${c.cell}`)).toEqual(
      forced.cells.map((c) => `${c.sheet}!${c.cell}`),
    );
    expect(host.applied[0].cells.map((c) => c.cell)).toEqual(
      expect.arrayContaining(conflicts.map((c) => c.cell)),
    );
    await waitFor(() =>
      expect(screen.getByTestId(TEST_IDS.statusMessage)).toHaveAttribute('data-intent', 'success'),
    );
    // Re-checked after the write: the typed ratios are formulas now.
    expect(host.reads).toBeGreaterThanOrEqual(2);
    expect(
      screen
        .queryAllByTestId(TEST_IDS.findingRow)
        .filter((r) => r.getAttribute('data-rule') === 'RATIO_HARDCODED'),
    ).toHaveLength(0);
  });

  it('Compila: Solo celle vuote writes without overwriting', async () => {
    const user = userEvent.setup();
    const host = renderPane();
    await user.click(screen.getByTestId(TEST_IDS.actionFill));
    const dialog = await screen.findByTestId(TEST_IDS.confirmDialog);
    expect(within(dialog).getByTestId(TEST_IDS.confirmOnlyEmpty)).toHaveTextContent('Solo celle vuote');
    await user.click(within(dialog).getByTestId(TEST_IDS.confirmOnlyEmpty));

    const plain = planFill(analyse(raa2022Grid(), { lang: 'it' }));
    const conflictCells = new Set(plain.conflicts.map((c) => `${c.sheet}!${c.cell}`));
    await waitFor(() => expect(screen.getByTestId(TEST_IDS.statusMessage)).toBeInTheDocument());
    const written = host.applied.flatMap((p) => p.cells.map((c) => `${c.sheet}!${c.cell}`));
    expect(written.filter((cell) => conflictCells.has(cell))).toEqual([]);
    expect(written).toEqual(plain.cells.map((c) => `${c.sheet}!${c.cell}`));
  });

  it('Compila: Indietro changes nothing', async () => {
    const user = userEvent.setup();
    const host = renderPane();
    await user.click(screen.getByTestId(TEST_IDS.actionFill));
    const dialog = await screen.findByTestId(TEST_IDS.confirmDialog);
    await user.click(within(dialog).getByTestId(TEST_IDS.confirmCancel));
    await waitFor(() =>
      expect(screen.getByTestId(TEST_IDS.statusMessage)).toHaveTextContent('non è stata modificata'),
    );
    expect(host.applied).toEqual([]);
  });

  it('Genera report asks before replacing a report sheet that exists', async () => {
    const user = userEvent.setup();
    const host = renderPane();
    await user.click(screen.getByTestId(TEST_IDS.actionReport));
    let dialog = await screen.findByTestId(TEST_IDS.confirmDialog);
    expect(dialog).toHaveAttribute('data-kind', 'write');
    await user.click(within(dialog).getByTestId(TEST_IDS.confirmOk));
    await waitFor(() => expect(host.applied).toHaveLength(1));
    const reportSheets = host.applied[0].sheets.map((s) => s.name);
    expect(reportSheets.length).toBeGreaterThan(0);
    await waitFor(() =>
      expect(screen.getByTestId(TEST_IDS.actionReport)).not.toHaveAttribute('aria-disabled', 'true'),
    );
    await waitFor(() => expect(screen.queryByTestId(TEST_IDS.confirmDialog)).not.toBeInTheDocument());

    await user.click(screen.getByTestId(TEST_IDS.actionReport));
    dialog = await screen.findByTestId(TEST_IDS.confirmDialog);
    expect(dialog).toHaveAttribute('data-kind', 'replace');
    expect(dialog).toHaveTextContent(reportSheets[0]);
    expect(within(dialog).getByTestId(TEST_IDS.confirmOk)).toHaveTextContent('Sostituisci');
    await user.click(within(dialog).getByTestId(TEST_IDS.confirmOk));
    await waitFor(() => expect(host.applied).toHaveLength(2));
    expect(host.applied[1].sheets.every((s) => s.replace)).toBe(true);
  });

  it('Annulla after Compila asks, then restores the typed ratios', async () => {
    const user = userEvent.setup();
    const host = renderPane();
    await user.click(screen.getByTestId(TEST_IDS.actionFill));
    let dialog = await screen.findByTestId(TEST_IDS.confirmDialog);
    await user.click(within(dialog).getByTestId(TEST_IDS.confirmOk));
    await waitFor(() =>
      expect(screen.getByTestId(TEST_IDS.statusMessage)).toHaveAttribute('data-intent', 'success'),
    );
    await waitFor(() => expect(screen.queryByTestId(TEST_IDS.confirmDialog)).not.toBeInTheDocument());

    await user.click(screen.getByTestId(TEST_IDS.actionUndo));
    dialog = await screen.findByTestId(TEST_IDS.confirmDialog);
    expect(dialog).toHaveAttribute('data-kind', 'undo');
    await user.click(within(dialog).getByTestId(TEST_IDS.confirmOk));
    await waitFor(() => expect(host.applied).toHaveLength(2));
    expect(host.applied[1].action).toBe('undo');
    const sheet = host.grid.sheets.find((s) => s.name === RAA_SHEET);
    // D12 (C = B/A of Asse I) holds the typed 1,2289 again, not a formula.
    expect(sheet?.values[11][3]).toBe(1.2289);
    expect(sheet?.formulas[11][3]).toBeNull();
    await waitFor(() =>
      expect(screen.getByTestId(TEST_IDS.statusMessage)).toHaveTextContent('Annullato «Compila» del'),
    );
  });

  it('Annulla after Segnala removes the conditional formats it added', async () => {
    const user = userEvent.setup();
    const host = renderPane();
    await user.click(screen.getByTestId(TEST_IDS.actionFlag));
    let dialog = await screen.findByTestId(TEST_IDS.confirmDialog);
    expect(dialog).toHaveTextContent('formattazioni condizionali');
    await user.click(within(dialog).getByTestId(TEST_IDS.confirmOk));
    await waitFor(() => expect(host.applied).toHaveLength(1));
    const added = host.applied[0].conditionalFormats.length;
    expect(added).toBeGreaterThan(0);
    await waitFor(() => expect(screen.queryByTestId(TEST_IDS.confirmDialog)).not.toBeInTheDocument());
    await waitFor(() =>
      expect(screen.getByTestId(TEST_IDS.actionUndo)).not.toHaveAttribute('aria-disabled', 'true'),
    );

    await user.click(screen.getByTestId(TEST_IDS.actionUndo));
    dialog = await screen.findByTestId(TEST_IDS.confirmDialog);
    expect(dialog).toHaveAttribute('data-kind', 'undo');
    expect(dialog).toHaveTextContent('Toglie');
    await user.click(within(dialog).getByTestId(TEST_IDS.confirmOk));
    await waitFor(() => expect(host.applied).toHaveLength(2));
    expect(host.applied[1].removeConditionalFormats).toHaveLength(added);
  });

  it('first run: inserts the RAA 2022 example into a new sheet, checks it, and Annulla removes it', async () => {
    const user = userEvent.setup();
    const host = renderPane(italianExcel, { sheets: [sheetFromRows('Foglio1', [['appunti']])] });
    await user.click(screen.getByTestId(TEST_IDS.actionSample));
    let dialog = await screen.findByTestId(TEST_IDS.confirmDialog);
    await user.click(within(dialog).getByTestId(TEST_IDS.confirmOk));
    await waitFor(() => expect(host.applied).toHaveLength(1));
    expect(host.applied[0].sheets.map((s) => [s.name, s.replace])).toEqual([['Esempio RAA 2022', false]]);
    expect(host.grid.sheets.map((s) => s.name)).toContain('Esempio RAA 2022');
    // The re-check after the write finds the example's tables and its AXIS_DUPLICATE on A18.
    await waitFor(() => expect(screen.getByTestId(TEST_IDS.summaryErrors)).toBeInTheDocument());
    const duplicate = screen
      .getAllByTestId(TEST_IDS.findingRow)
      .find((r) => r.getAttribute('data-rule') === 'AXIS_DUPLICATE');
    expect([duplicate?.getAttribute('data-sheet'), duplicate?.getAttribute('data-cell')]).toEqual([
      'Esempio RAA 2022',
      'A18',
    ]);
    expect(screen.queryByTestId(TEST_IDS.actionSample)).not.toBeInTheDocument();
    await waitFor(() => expect(screen.queryByTestId(TEST_IDS.confirmDialog)).not.toBeInTheDocument());

    await user.click(screen.getByTestId(TEST_IDS.actionUndo));
    dialog = await screen.findByTestId(TEST_IDS.confirmDialog);
    await user.click(within(dialog).getByTestId(TEST_IDS.confirmOk));
    await waitFor(() => expect(host.applied).toHaveLength(2));
    expect(host.applied[1].deleteSheets).toEqual(['Esempio RAA 2022']);
  });

  it('checks against a model stored in the workbook, and says when the stored one is invalid', async () => {
    const user = userEvent.setup();
    const withModel = raa2022Grid();
    withModel.sheets.push(sheetFromRows('Modello POR Tables', [[JSON.stringify(otherProgramme)]]));
    renderPane(italianExcel, withModel);
    await check(user);
    expect(screen.getByTestId(TEST_IDS.versionNote)).toHaveTextContent(otherProgramme.title);
    cleanup();

    const broken = raa2022Grid();
    broken.sheets.push(sheetFromRows('Modello POR Tables', [['{ "id": "x" ']]));
    renderPane(italianExcel, broken);
    await check(user);
    expect(screen.getByTestId(TEST_IDS.versionNote)).toHaveTextContent('Lombardia');
    expect(screen.getByTestId(TEST_IDS.statusMessage)).toHaveAttribute('data-intent', 'warning');
    expect(screen.getByTestId(TEST_IDS.statusMessage)).toHaveTextContent('Modello POR Tables');
  });

  it('Annulla with an empty log says there is nothing to undo', async () => {
    const user = userEvent.setup();
    const host = renderPane();
    await user.click(screen.getByTestId(TEST_IDS.actionUndo));
    await waitFor(() =>
      expect(screen.getByTestId(TEST_IDS.statusMessage)).toHaveAttribute('data-intent', 'info'),
    );
    expect(host.applied).toEqual([]);
  });

  it('shows a failure as a message with what to do, and can dismiss it', async () => {
    const user = userEvent.setup();
    const host = renderPane();
    host.read = () => Promise.reject(new Error('RichApi.Error: the workbook is busy'));
    await user.click(screen.getByTestId(TEST_IDS.actionCheck));
    const message = await screen.findByTestId(TEST_IDS.statusMessage);
    expect(message).toHaveAttribute('data-intent', 'error');
    expect(message).toHaveTextContent('Impossibile completare «Verifica»');
    expect(message).toHaveTextContent('Riprova');
    expect(screen.getByRole('status')).toContainElement(message);
    await user.click(screen.getByTestId(TEST_IDS.statusDismiss));
    expect(screen.queryByTestId(TEST_IDS.statusMessage)).not.toBeInTheDocument();
  });

  it('disables the actions and shows progress while working', async () => {
    const user = userEvent.setup();
    const host = renderPane();
    let release: () => void = () => undefined;
    const original = host.read.bind(host);
    host.read = () => new Promise((resolve) => (release = () => resolve(original())));
    await user.click(screen.getByTestId(TEST_IDS.actionCheck));
    expect(await screen.findByTestId(TEST_IDS.progress)).toHaveTextContent('Verifica in corso');
    expect(screen.getByTestId(TEST_IDS.actionFill)).toHaveAttribute('aria-disabled', 'true');
    await act(async () => release());
    await waitFor(() => expect(screen.queryByTestId(TEST_IDS.progress)).not.toBeInTheDocument());
    expect(screen.getByTestId(TEST_IDS.actionFill)).not.toHaveAttribute('aria-disabled', 'true');
  });

  it('loads a model file, and refuses an invalid one with a message', async () => {
    const user = userEvent.setup();
    renderPane();
    const input = screen.getByTestId(TEST_IDS.modelFileInput) as HTMLInputElement;
    await user.upload(input, new File(['{ "id": 1 }'], 'broken.json', { type: 'application/json' }));
    const message = await screen.findByTestId(TEST_IDS.statusMessage);
    expect(message).toHaveAttribute('data-intent', 'error');
    expect(message).toHaveTextContent('broken.json');

    const model = JSON.stringify(otherProgramme);
    await user.upload(input, new File([model], 'altro.json', { type: 'application/json' }));
    await waitFor(() =>
      expect(screen.getByTestId(TEST_IDS.statusMessage)).toHaveAttribute('data-intent', 'success'),
    );
    await openModelPicker(user);
    const programme = screen.getByTestId(TEST_IDS.programmeSelect) as HTMLSelectElement;
    // The 20 presets, the loaded model in place of the preset with its id (por-fse-veneto-2014-2020).
    expect(programme.options).toHaveLength(20);
    expect(programme.value).toBe(JSON.parse(model).id);
  });
});

describe('task pane outside Excel', () => {
  it('says to open it in Excel instead of failing', () => {
    const host = renderPane({ inExcel: false, displayLanguage: 'it-IT', dark: false, supported: true });
    expect(screen.getByTestId(TEST_IDS.outsideOffice)).toHaveTextContent('Apri POR Tables dentro Excel');
    expect(screen.queryByTestId(TEST_IDS.actionCheck)).not.toBeInTheDocument();
    expect(host.reads).toBe(0);
  });

  it('explains which requirement set an old Excel lacks', () => {
    renderPane({ inExcel: true, displayLanguage: 'en-US', dark: true, supported: false });
    const notice = screen.getByTestId(TEST_IDS.unsupported);
    expect(notice).toHaveTextContent('too old');
    expect(notice).toHaveTextContent(`ExcelApi ${REQUIRED_EXCEL_API}`);
  });
});
