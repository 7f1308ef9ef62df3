/** @jest-environment jsdom */
/** Esporta rilievi and Crea tabella indicatori from the pane, on the in-memory host. */
import '@testing-library/jest-dom';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { OfficeEnvironment } from '../../src/engine';
import { defaultModel } from '../../src/model';
import { PaneRoot } from '../../src/taskpane/mount';
import { TEST_IDS } from '../../src/taskpane/test-ids';
import { raa } from '../engine/raa-fixture';
import { createMemoryHost } from './memory-host';
import { raa2022Grid } from './raa-2022';

jest.setTimeout(30_000);
afterEach(cleanup);

const italianExcel: OfficeEnvironment = {
  inExcel: true,
  displayLanguage: 'it-IT',
  dark: false,
  supported: true,
};

async function check(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByTestId(TEST_IDS.actionCheck));
  await waitFor(() => expect(screen.getByTestId(TEST_IDS.summaryErrors)).toBeInTheDocument());
}

describe('Esporta rilievi', () => {
  it('downloads the findings of the last check as an Italian CSV, without reading the workbook again', async () => {
    const user = userEvent.setup();
    const host = createMemoryHost(raa2022Grid());
    const files: { name: string; text: string; type: string }[] = [];
    render(
      <PaneRoot
        host={host}
        env={italianExcel}
        download={(name, text, type) => files.push({ name, text, type })}
      />,
    );
    await check(user);
    const reads = host.reads;
    await user.click(screen.getByTestId(TEST_IDS.actionExport));
    await waitFor(() => expect(files).toHaveLength(1));
    expect(host.reads).toBe(reads);
    const [file] = files;
    expect(file.name).toMatch(/^rilievi-por-tables-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(file.type).toBe('text/csv;charset=utf-8');
    expect(file.text.startsWith('\uFEFFGravità;Regola;Tabella;Foglio;Cella;Messaggio;')).toBe(true);
    const lines = file.text.trimEnd().split('\r\n');
    expect(lines.find((l) => l.includes('TOTAL_MISMATCH'))).toContain(
      ';958.677.416,66 €;958.677.416,67 €;958677416.66;958677416.67',
    );
    expect(screen.getByTestId(TEST_IDS.statusMessage)).toHaveTextContent(
      `Esporta rilievi: ${lines.length - 1} rilievi scaricati nel file ${file.name}.`,
    );
    expect(host.applied).toHaveLength(0);
  });
});

describe('Crea tabella indicatori', () => {
  it('is offered when the check finds no indicator table, writes Tabella 3 after asking, and Annulla removes it', async () => {
    const user = userEvent.setup();
    const host = createMemoryHost(raa());
    render(<PaneRoot host={host} env={italianExcel} />);
    await check(user);
    await user.click(screen.getByTestId(TEST_IDS.actionIndicators));
    const dialog = await screen.findByTestId(TEST_IDS.confirmDialog);
    await user.click(within(dialog).getByTestId(TEST_IDS.confirmOk));
    await waitFor(() => expect(host.applied).toHaveLength(1));
    expect(host.applied[0].action).toBe('indicators');
    await waitFor(() =>
      expect(screen.getByTestId(TEST_IDS.statusMessage)).toHaveAttribute('data-intent', 'success'),
    );
    expect(screen.getByTestId(TEST_IDS.statusMessage)).toHaveTextContent('Crea tabella indicatori:');
    // The re-check finds the new table: the offer is gone.
    await waitFor(() => expect(screen.queryByTestId(TEST_IDS.actionIndicators)).not.toBeInTheDocument());
    const sheet = host.grid.sheets[0];
    const header = sheet.values[24 - sheet.top];
    expect(header.slice(0, 4)).toEqual(['Asse', 'Priorità', 'Codice', 'Indicatore']);
    expect(sheet.values.length - (24 - sheet.top) - 1).toBe(defaultModel.indicators.length);

    await user.click(screen.getByTestId(TEST_IDS.actionUndo));
    const undo = await screen.findByTestId(TEST_IDS.confirmDialog);
    expect(undo).toHaveTextContent('Crea tabella indicatori');
    await user.click(within(undo).getByTestId(TEST_IDS.confirmOk));
    await waitFor(() => expect(host.applied).toHaveLength(2));
    await waitFor(() => expect(screen.getByTestId(TEST_IDS.actionIndicators)).toBeInTheDocument());
  });

  it('is not offered when the workbook has an indicator table', async () => {
    const user = userEvent.setup();
    render(<PaneRoot host={createMemoryHost(raa2022Grid())} env={italianExcel} />);
    await check(user);
    expect(screen.queryByTestId(TEST_IDS.actionIndicators)).not.toBeInTheDocument();
  });
});
