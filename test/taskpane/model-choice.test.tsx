/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MODEL_SHEET } from '../../src/engine';
import type { Grid, OfficeEnvironment } from '../../src/engine';
import { defaultModel } from '../../src/model';
import { PaneRoot } from '../../src/taskpane/mount';
import { TEST_IDS } from '../../src/taskpane/test-ids';
import otherProgramme from '../fixtures/models/other-programme-1-5.json';
import { createMemoryHost, sheetFromRows } from './memory-host';
import { raa2022Grid } from './raa-2022';

/** The pane asks the engine's chooseModel: the user's pick, else the workbook's model, else the default. */

const italianExcel: OfficeEnvironment = {
  inExcel: true,
  displayLanguage: 'it-IT',
  dark: false,
  supported: true,
};

function storing(json: string): Grid {
  const grid = raa2022Grid();
  grid.sheets.push(sheetFromRows(MODEL_SHEET, [[json]]));
  return grid;
}

async function checkedNote(user: ReturnType<typeof userEvent.setup>): Promise<HTMLElement> {
  await user.click(screen.getByTestId(TEST_IDS.actionCheck));
  return screen.findByTestId(TEST_IDS.versionNote);
}

describe('task pane: which model applies', () => {
  it('uses the model stored in the workbook while the user has picked none', async () => {
    const user = userEvent.setup();
    render(<PaneRoot host={createMemoryHost(storing(JSON.stringify(otherProgramme)))} env={italianExcel} />);
    expect(await checkedNote(user)).toHaveTextContent(otherProgramme.title);
  });

  it('a model file the user loads beats the stored one', async () => {
    const user = userEvent.setup();
    render(<PaneRoot host={createMemoryHost(storing(JSON.stringify(otherProgramme)))} env={italianExcel} />);
    const fileModel = JSON.stringify({ ...defaultModel, title: 'Modello da file' });
    const input = screen.getByTestId(TEST_IDS.modelFileInput) as HTMLInputElement;
    await user.upload(input, new File([fileModel], 'mio.json', { type: 'application/json' }));
    await waitFor(() =>
      expect(screen.getByTestId(TEST_IDS.statusMessage)).toHaveAttribute('data-intent', 'success'),
    );
    const note = await checkedNote(user);
    expect(note).toHaveTextContent('Modello da file');
    expect(note).not.toHaveTextContent(otherProgramme.title);
  });

  it('a version of the embedded model the user picks beats the stored model', async () => {
    const user = userEvent.setup();
    render(<PaneRoot host={createMemoryHost(storing(JSON.stringify(otherProgramme)))} env={italianExcel} />);
    await user.click(screen.getByTestId(TEST_IDS.modelChange));
    await user.selectOptions(screen.getByTestId(TEST_IDS.versionSelect), '2020-11');
    await user.click(screen.getByTestId(TEST_IDS.modelChange));
    const note = await checkedNote(user);
    expect(note).toHaveTextContent(defaultModel.title);
    expect(note).toHaveTextContent('2020-11');
  });

  it('an invalid stored model is said, and the check runs on the default meanwhile', async () => {
    const user = userEvent.setup();
    render(<PaneRoot host={createMemoryHost(storing('{ "id": "x" '))} env={italianExcel} />);
    expect(await checkedNote(user)).toHaveTextContent(defaultModel.title);
    await waitFor(() =>
      expect(screen.getByTestId(TEST_IDS.statusMessage)).toHaveAttribute('data-intent', 'warning'),
    );
    expect(screen.getByTestId(TEST_IDS.statusMessage)).toHaveTextContent(MODEL_SHEET);
  });
});
