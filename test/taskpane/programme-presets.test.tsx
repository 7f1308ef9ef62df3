/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Grid, OfficeEnvironment } from '../../src/engine';
import { findPreset } from '../../src/model';
import type { ProgrammeModel } from '../../src/model';
import { PaneRoot } from '../../src/taskpane/mount';
import { TEST_IDS } from '../../src/taskpane/test-ids';
import { createMemoryHost, sheetFromRows } from './memory-host';
import { raa2022Grid } from './raa-2022';

/** The presets in the pane: picked by title with their CCI, or recognised by the workbook's allocations. */

const italianExcel: OfficeEnvironment = {
  inExcel: true,
  displayLanguage: 'it-IT',
  dark: false,
  supported: true,
};

const toscana = findPreset('2014IT05SFOP015')!;

function planOf(model: ProgrammeModel): Grid {
  const [version] = model.versions;
  return {
    sheets: [
      sheetFromRows('Piano', [
        ['TABELLA 1 - Piano finanziario'],
        ['OT', 'Asse', 'Denominazione', 'Dotazione finanziaria', '%'],
        ...version.axes.map((a) => [
          a.ot,
          a.id,
          a.name,
          Number(a.allocation),
          Number(a.allocation) / Number(version.total),
        ]),
        ['', 'TOTALE', '', Number(version.total), 1],
      ]),
    ],
  };
}

async function checkedNote(user: ReturnType<typeof userEvent.setup>): Promise<HTMLElement> {
  await user.click(screen.getByTestId(TEST_IDS.actionCheck));
  return screen.findByTestId(TEST_IDS.versionNote);
}

describe('task pane: the Italian ESF 2014-2020 presets', () => {
  it('lists the 20 programmes by title, each with its CCI', async () => {
    const user = userEvent.setup();
    render(<PaneRoot host={createMemoryHost(raa2022Grid())} env={italianExcel} />);
    await user.click(screen.getByTestId(TEST_IDS.modelChange));
    const select = screen.getByTestId(TEST_IDS.programmeSelect) as HTMLSelectElement;
    const labels = [...select.options].map((o) => o.textContent ?? '');
    expect(labels).toHaveLength(20);
    expect(labels).toEqual([...labels].sort((a, b) => a.localeCompare(b, 'it')));
    expect(labels).toContain('POR FSE 2014-2020 Regione Toscana (2014IT05SFOP015)');
    expect(labels).toContain('POR FSE 2014-2020 Regione Lombardia (2014IT05SFOP007)');
    expect(select.value).toBe('por-fse-lombardia-2014-2020');
  });

  it('checks against a programme the user picks, and offers its version', async () => {
    const user = userEvent.setup();
    render(<PaneRoot host={createMemoryHost(planOf(toscana))} env={italianExcel} />);
    await user.click(screen.getByTestId(TEST_IDS.modelChange));
    await user.selectOptions(screen.getByTestId(TEST_IDS.programmeSelect), 'pon-spao-2014-2020');
    const versions = within(screen.getByTestId(TEST_IDS.versionSelect)).getAllByRole('option');
    expect(versions.map((o) => o.getAttribute('value'))).toEqual(['auto', 'initial']);
    await user.click(screen.getByTestId(TEST_IDS.modelChange));
    expect(await checkedNote(user)).toHaveTextContent(
      "Modello PON Sistemi di politiche attive per l'occupazione (SPAO) 2014-2020",
    );
  });

  it('says which programme it recognised by the allocations when the user picked none', async () => {
    const user = userEvent.setup();
    render(<PaneRoot host={createMemoryHost(planOf(toscana))} env={italianExcel} />);
    expect(await checkedNote(user)).toHaveTextContent(
      'Programma riconosciuto dalle dotazioni: POR FSE 2014-2020 Regione Toscana (2014IT05SFOP015), versione initial',
    );
    expect(screen.getByTestId(TEST_IDS.modelSummary)).toHaveTextContent('POR FSE 2014-2020 Regione Toscana');
  });
});
