/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { analyse, groupRepeated, planFill, renderFinding, renderGroupLine } from '../../src/engine';
import type { Grid, OfficeEnvironment } from '../../src/engine';
import { PaneRoot } from '../../src/taskpane/mount';
import { formatLogTime } from '../../src/taskpane/outcome';
import { TEST_IDS } from '../../src/taskpane/test-ids';
import { createMemoryHost, sheetFromRows } from './memory-host';
import type { MemoryHost } from './memory-host';
import { RAA_SHEET, raa2022Grid } from './raa-2022';

// Fluent in jsdom is slow on a loaded machine.
jest.setTimeout(30_000);

const italianExcel: OfficeEnvironment = {
  inExcel: true,
  displayLanguage: 'it-IT',
  dark: false,
  supported: true,
};

function renderPane(grid: Grid = raa2022Grid()): MemoryHost {
  const host = createMemoryHost(grid);
  render(<PaneRoot host={host} env={italianExcel} />);
  return host;
}

type User = ReturnType<typeof userEvent.setup>;

async function check(user: User) {
  await user.click(screen.getByTestId(TEST_IDS.actionCheck));
  await waitFor(() => expect(screen.getByTestId(TEST_IDS.summaryErrors)).toBeInTheDocument());
}

/** Waits until the action has finished and its dialog has gone. */
async function settled() {
  await waitFor(() => expect(screen.queryByTestId(TEST_IDS.progress)).not.toBeInTheDocument());
  await waitFor(() => expect(screen.queryByTestId(TEST_IDS.confirmDialog)).not.toBeInTheDocument());
}

const repeated = () =>
  groupRepeated(analyse(raa2022Grid(), { lang: 'it' }).findings).filter((g) => g.count > 1);

describe('findings list', () => {
  it('shows repeated findings as one line per group, which opens onto its findings', async () => {
    const user = userEvent.setup();
    const host = renderPane();
    await check(user);
    const groups = repeated();
    expect(groups.length).toBeGreaterThan(0);
    const lines = screen.getAllByTestId(TEST_IDS.findingRepeat);
    expect(
      lines.map((l) => [
        l.getAttribute('data-rule'),
        l.getAttribute('data-range'),
        l.getAttribute('data-count'),
      ]),
    ).toEqual(groups.map((g) => [g.rule, g.range, String(g.count)]));
    const typed = groups.find((g) => g.rule === 'RATIO_HARDCODED');
    expect(typed).toBeDefined();
    if (!typed) return;
    const line = lines[groups.indexOf(typed)];
    // `D12:J17 — 24 rapporti digitati: Compila li sostituisce con formule`
    expect(line).toHaveTextContent(renderGroupLine(typed, 'it'));
    expect(line).toHaveTextContent(new RegExp(`^${typed.range} — ${typed.count} `));
    expect(line).toHaveAttribute('aria-expanded', 'false');
    expect(within(line.closest('li') as HTMLElement).queryAllByTestId(TEST_IDS.findingRow)).toHaveLength(0);

    await user.click(line);
    expect(line).toHaveAttribute('aria-expanded', 'true');
    const rows = within(line.closest('li') as HTMLElement).getAllByTestId(TEST_IDS.findingRow);
    expect(rows.map((r) => r.getAttribute('data-cell'))).toEqual(typed.findings.map((f) => f.cell));
    expect(rows[0]).toHaveTextContent(renderFinding(typed.findings[0], 'it'));

    // Each finding of the group selects its own cell; the line itself selects nothing.
    expect(host.selections).toEqual([]);
    rows[1].focus();
    await user.keyboard('{Enter}');
    expect(host.selections).toEqual([{ sheet: RAA_SHEET, cell: typed.findings[1].cell }]);

    await user.click(line);
    expect(line).toHaveAttribute('aria-expanded', 'false');
    // The summary still counts findings, not groups.
    const findings = analyse(raa2022Grid(), { lang: 'it' }).findings;
    expect(screen.getByTestId(TEST_IDS.summaryWarnings)).toHaveAttribute(
      'data-count',
      String(findings.filter((f) => f.severity === 'warning').length),
    );
  });

  it('moves focus between rows with Up/Down and Home/End; Tab stops on one row only', async () => {
    const user = userEvent.setup();
    renderPane();
    await check(user);
    const rows = () => [...document.querySelectorAll<HTMLElement>('[data-roving-id]')];
    const all = rows();
    expect(all.length).toBeGreaterThan(3);
    expect(all.filter((r) => r.tabIndex === 0)).toHaveLength(1);
    expect(all[0].tabIndex).toBe(0);

    all[0].focus();
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(all[1]);
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(all[2]);
    await user.keyboard('{ArrowUp}');
    expect(document.activeElement).toBe(all[1]);
    // The row last focused is the one Tab comes back to.
    expect(rows().filter((r) => r.tabIndex === 0)).toEqual([all[1]]);
    await user.keyboard('{End}');
    expect(document.activeElement).toBe(all[all.length - 1]);
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(all[all.length - 1]);
    await user.keyboard('{Home}');
    expect(document.activeElement).toBe(all[0]);

    // Right opens a group line, Left closes it; its findings join the rows.
    const line = screen.getAllByTestId(TEST_IDS.findingRepeat)[0];
    line.focus();
    await user.keyboard('{ArrowRight}');
    expect(line).toHaveAttribute('aria-expanded', 'true');
    expect(rows().length).toBe(all.length + Number(line.getAttribute('data-count')));
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toHaveAttribute('data-testid', TEST_IDS.findingRow);
    line.focus();
    await user.keyboard('{ArrowLeft}');
    expect(line).toHaveAttribute('aria-expanded', 'false');
  });

  it('switches language without reading the workbook again', async () => {
    const user = userEvent.setup();
    const host = renderPane();
    await check(user);
    const reads = host.reads;
    const findings = analyse(raa2022Grid(), { lang: 'it' }).findings;
    const duplicate = findings.find((f) => f.rule === 'AXIS_DUPLICATE');
    if (!duplicate) throw new Error('the fixture has an AXIS_DUPLICATE');
    const row = () =>
      screen
        .getAllByTestId(TEST_IDS.findingRow)
        .find((r) => r.getAttribute('data-rule') === 'AXIS_DUPLICATE');
    expect(row()).toHaveTextContent(renderFinding(duplicate, 'it'));

    const toEnglish = screen.getByTestId(TEST_IDS.languageSwitch);
    expect(toEnglish).toHaveTextContent('English');
    expect(toEnglish).toHaveAttribute('lang', 'en');
    await user.click(toEnglish);
    expect(row()).toHaveTextContent(renderFinding(duplicate, 'en'));
    expect(renderFinding(duplicate, 'en')).not.toBe(renderFinding(duplicate, 'it'));
    expect(screen.getByRole('button', { name: 'Check' })).toBeInTheDocument();
    expect(screen.getByTestId(TEST_IDS.versionNote)).toHaveTextContent("the workbook's allocations match");
    const typed = repeated().find((g) => g.rule === 'RATIO_HARDCODED');
    if (typed) {
      const line = screen
        .getAllByTestId(TEST_IDS.findingRepeat)
        .find((l) => l.getAttribute('data-rule') === 'RATIO_HARDCODED');
      expect(line).toHaveTextContent(renderGroupLine(typed, 'en'));
    }
    expect(host.reads).toBe(reads);

    await user.click(screen.getByTestId(TEST_IDS.languageSwitch));
    expect(row()).toHaveTextContent(renderFinding(duplicate, 'it'));
    expect(host.reads).toBe(reads);
  });
});

describe('dialogs and messages', () => {
  it('a destructive dialog starts on Indietro; a plain write does not', async () => {
    const user = userEvent.setup();
    renderPane();
    await user.click(screen.getByTestId(TEST_IDS.actionFill));
    const conflicts = await screen.findByTestId(TEST_IDS.confirmDialog);
    expect(conflicts).toHaveAttribute('data-kind', 'conflicts');
    await waitFor(() =>
      expect(document.activeElement).toBe(within(conflicts).getByTestId(TEST_IDS.confirmCancel)),
    );
    await user.click(within(conflicts).getByTestId(TEST_IDS.confirmCancel));
    await settled();

    await user.click(screen.getByTestId(TEST_IDS.actionFlag));
    const write = await screen.findByTestId(TEST_IDS.confirmDialog);
    expect(write).toHaveAttribute('data-kind', 'write');
    // Not moved to Indietro (jsdom has no layout, so Fluent's own first-button focus cannot be seen here).
    await waitFor(() => expect(document.activeElement).not.toBe(document.body));
    expect(document.activeElement).not.toBe(within(write).getByTestId(TEST_IDS.confirmCancel));
  });

  it('Compila and Segnala say what they changed and where; Annulla names the action, its time and what it restores', async () => {
    const user = userEvent.setup();
    const host = renderPane();
    await user.click(screen.getByTestId(TEST_IDS.actionFill));
    let dialog = await screen.findByTestId(TEST_IDS.confirmDialog);
    await user.click(within(dialog).getByTestId(TEST_IDS.confirmOk));
    await settled();
    const fill = host.applied[0];
    const fillTime = fill.log[0].time;
    expect(screen.getByTestId(TEST_IDS.statusMessage)).toHaveTextContent(
      new RegExp(`^Compila: ${fill.cells.length} celle scritte in ${RAA_SHEET}!`),
    );

    await user.click(screen.getByTestId(TEST_IDS.actionFlag));
    dialog = await screen.findByTestId(TEST_IDS.confirmDialog);
    await user.click(within(dialog).getByTestId(TEST_IDS.confirmOk));
    await settled();
    const flag = host.applied[1];
    const ranges = [...new Set(flag.conditionalFormats.map((f) => `${f.sheet}!${f.range}`))];
    const message = screen.getByTestId(TEST_IDS.statusMessage);
    expect(message).toHaveTextContent(
      `Segnala: ${flag.conditionalFormats.length} formattazioni condizionali aggiunte in`,
    );
    for (const range of ranges) expect(message).toHaveTextContent(range);

    // Undo of Segnala, then of Compila.
    await user.click(screen.getByTestId(TEST_IDS.actionUndo));
    dialog = await screen.findByTestId(TEST_IDS.confirmDialog);
    expect(dialog).toHaveTextContent(`Annullare «Segnala» del ${formatLogTime(flag.log[0].time, 'it')}?`);
    expect(dialog).toHaveTextContent(
      `Toglie ${flag.conditionalFormats.length} formattazioni condizionali da`,
    );
    expect(within(dialog).getByTestId(TEST_IDS.confirmOk)).toHaveTextContent('Ripristina');
    expect(within(dialog).getByTestId(TEST_IDS.confirmCancel)).toHaveTextContent('Indietro');
    await waitFor(() =>
      expect(document.activeElement).toBe(within(dialog).getByTestId(TEST_IDS.confirmCancel)),
    );
    await user.click(within(dialog).getByTestId(TEST_IDS.confirmOk));
    await settled();
    expect(screen.getByTestId(TEST_IDS.statusMessage)).toHaveTextContent(
      `Annullato «Segnala» del ${formatLogTime(flag.log[0].time, 'it')}: ${flag.conditionalFormats.length} formattazioni condizionali tolte da`,
    );

    await user.click(screen.getByTestId(TEST_IDS.actionUndo));
    dialog = await screen.findByTestId(TEST_IDS.confirmDialog);
    expect(dialog).toHaveTextContent(`Annullare «Compila» del ${formatLogTime(fillTime, 'it')}?`);
    expect(dialog).toHaveTextContent(
      new RegExp(`Ripristina ${fill.cells.length} celle di .*${RAA_SHEET} \\(.*${RAA_SHEET}!D12:J17`),
    );
    await user.click(within(dialog).getByTestId(TEST_IDS.confirmOk));
    await settled();
    expect(screen.getByTestId(TEST_IDS.statusMessage)).toHaveTextContent(
      `Annullato «Compila» del ${formatLogTime(fillTime, 'it')}: ${fill.cells.length} celle ripristinate in`,
    );
    expect(host.applied[3].cells).toHaveLength(fill.cells.length);
  });

  it('Genera report names the sheets it creates; run again, it says it replaces them, not that it creates them', async () => {
    const user = userEvent.setup();
    const host = renderPane();
    await user.click(screen.getByTestId(TEST_IDS.actionReport));
    let dialog = await screen.findByTestId(TEST_IDS.confirmDialog);
    await user.click(within(dialog).getByTestId(TEST_IDS.confirmOk));
    await settled();
    const names = host.applied[0].sheets.map((s) => s.name);
    expect(screen.getByTestId(TEST_IDS.statusMessage)).toHaveTextContent(
      `Genera report: fogli creati: ${names.join(', ')}.`,
    );

    await user.click(screen.getByTestId(TEST_IDS.actionReport));
    dialog = await screen.findByTestId(TEST_IDS.confirmDialog);
    expect(dialog).toHaveAttribute('data-kind', 'replace');
    expect(dialog).toHaveTextContent(`Sostituirà i fogli ${names.join(', ')}, che esistono già`);
    expect(dialog).not.toHaveTextContent('Creerà');
    expect(dialog).not.toHaveTextContent('si può annullare');
    await waitFor(() =>
      expect(document.activeElement).toBe(within(dialog).getByTestId(TEST_IDS.confirmCancel)),
    );
    await user.click(within(dialog).getByTestId(TEST_IDS.confirmOk));
    await settled();
    expect(screen.getByTestId(TEST_IDS.statusMessage)).toHaveTextContent(
      `fogli sostituiti: ${names.join(', ')}`,
    );
    expect(screen.getByTestId(TEST_IDS.statusMessage)).not.toHaveTextContent('creati');

    // Annulla of the first report deletes the sheets it created, and says which.
    await user.click(screen.getByTestId(TEST_IDS.actionUndo));
    dialog = await screen.findByTestId(TEST_IDS.confirmDialog);
    expect(dialog).toHaveTextContent('Annullare «Genera report» del');
  });

  it('on a workbook without tables, Compila and Segnala say why there is nothing to do', async () => {
    const user = userEvent.setup();
    const host = renderPane({ sheets: [sheetFromRows('Foglio1', [['appunti']])] });
    expect(planFill(analyse(host.grid, { lang: 'it' })).cells).toHaveLength(0);
    await user.click(screen.getByTestId(TEST_IDS.actionFill));
    await settled();
    const message = screen.getByTestId(TEST_IDS.statusMessage);
    expect(message).toHaveTextContent('non ci sono la Tabella 2 né la tabella degli indicatori');
    expect(message).not.toHaveTextContent('già al loro posto');
    await user.click(screen.getByTestId(TEST_IDS.actionFlag));
    await settled();
    expect(screen.getByTestId(TEST_IDS.statusMessage)).toHaveTextContent(
      'Segnala: non c’è niente da segnalare',
    );
    expect(host.applied).toEqual([]);
  });
});
