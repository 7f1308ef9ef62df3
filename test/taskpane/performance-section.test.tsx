/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { AxisResult, OfficeEnvironment } from '../../src/engine';
import { PerformanceSection } from '../../src/taskpane/components/PerformanceSection';
import { en } from '../../src/taskpane/i18n';
import { PaneRoot } from '../../src/taskpane/mount';
import { TEST_IDS } from '../../src/taskpane/test-ids';
import { createMemoryHost } from './memory-host';
import { raa2022Grid } from './raa-2022';

// Fluent in jsdom is slow on a loaded machine.
jest.setTimeout(30_000);

const italianExcel: OfficeEnvironment = {
  inExcel: true,
  displayLanguage: 'it-IT',
  dark: false,
  supported: true,
};

const axisRows = () =>
  screen
    .getAllByTestId(TEST_IDS.performanceAxis)
    .map((row) => [row.getAttribute('data-axis'), row.getAttribute('data-verdict'), row.textContent]);

describe('Quadro di efficacia in the pane', () => {
  // The pasted RAA has three indicator rows, all of Asse III: ISCED 1-2 (an output indicator, 91,98%) and
  // the two CR03 (result indicators, not in the framework). CO10 and LOM-III-PC have no row: no data.
  it('shows each axis of the RAA 2022 with its verdict after Verifica, and opens onto its indicators', async () => {
    const user = userEvent.setup();
    render(<PaneRoot host={createMemoryHost(raa2022Grid())} env={italianExcel} />);
    expect(screen.queryByTestId(TEST_IDS.performanceSection)).not.toBeInTheDocument();
    await user.click(screen.getByTestId(TEST_IDS.actionCheck));
    await waitFor(() => expect(screen.getByTestId(TEST_IDS.performanceSection)).toBeInTheDocument());

    const section = screen.getByTestId(TEST_IDS.performanceSection);
    expect(within(section).getByRole('heading', { name: 'Quadro di efficacia — target 2023' })).toBeVisible();
    expect(axisRows()).toEqual([
      ['I', 'not_assessed', 'Asse INon valutato: nessun indicatore con dati'],
      ['II', 'not_assessed', 'Asse IINon valutato: nessun indicatore con dati'],
      ['III', 'achieved', 'Asse IIITarget raggiunti'],
      ['IV', 'not_assessed', 'Asse IVNon valutato: nessun indicatore con dati'],
      ['V', 'not_assessed', 'Asse VNon valutato: assistenza tecnica'],
    ]);

    const third = within(section).getByRole('button', { name: /Asse III/ });
    expect(third).toHaveAttribute('aria-expanded', 'false');
    await user.click(third);
    expect(third).toHaveAttribute('aria-expanded', 'true');
    const list = screen.getByTestId(TEST_IDS.performanceIndicators);
    expect(third).toHaveAttribute('aria-controls', list.id);
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      "CO09: 91,98% del target — almeno l'85%",
      'CO10: nessun dato, non conta',
      'LOM-III-PC: nessun dato, non conta',
    ]);
    await user.click(third);
    expect(screen.queryByTestId(TEST_IDS.performanceIndicators)).not.toBeInTheDocument();
    // Technical assistance has nothing to open: a line, not a button.
    expect(within(section).queryByRole('button', { name: /Asse V\b/ })).not.toBeInTheDocument();
  });

  it('says a serious failure and each level in English, with English numbers', async () => {
    const user = userEvent.setup();
    const indicator = (
      code: string,
      ratio: string | null,
      level: AxisResult['indicators'][number]['level'],
    ) => ({
      code,
      priority: '',
      name: code,
      type: 'output' as const,
      value: null,
      target: '100',
      ratio,
      level,
      sheet: 'S',
      cell: 'G27',
    });
    const axes: AxisResult[] = [
      {
        axis: '2',
        verdict: 'serious_failure',
        reason: null,
        sheet: 'S',
        cell: 'A16',
        table: 'progress',
        indicators: [
          indicator('P1', '1.05', 'reached'),
          indicator('P2', '0.8', 'secondary'),
          indicator('P3', '0.7', 'below'),
          indicator('P4', '0.6412', 'serious'),
          indicator('P5', null, 'no-data'),
        ],
      },
      {
        axis: '3',
        verdict: 'not_assessed',
        reason: 'no-data',
        sheet: '',
        cell: '',
        table: null,
        indicators: [],
      },
    ];
    render(
      <FluentProvider theme={webLightTheme}>
        <PerformanceSection lang="en" strings={en} axes={axes} />
      </FluentProvider>,
    );
    expect(axisRows()).toEqual([
      ['2', 'serious_failure', 'Axis 2Serious failure (art. 6 Reg. 215/2014)'],
      ['3', 'not_assessed', 'Axis 3Not assessed: no indicator with data'],
    ]);
    await user.click(screen.getByRole('button', { name: /Axis 2/ }));
    const items = within(screen.getByTestId(TEST_IDS.performanceIndicators)).getAllByRole('listitem');
    expect(items.map((li) => [li.getAttribute('data-level'), li.textContent])).toEqual([
      ['reached', 'P1: 105.00% of target — 85% or more'],
      ['secondary', 'P2: 80.00% of target — below 85%, at least 75%'],
      ['below', 'P3: 70.00% of target — below 75%'],
      ['serious', 'P4: 64.12% of target — below 65%'],
      ['no-data', 'P5: no data, not counted'],
    ]);
  });

  it('is not shown when no axis can be assessed', () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <PerformanceSection
          lang="it"
          strings={en}
          axes={[
            {
              axis: 'V',
              verdict: 'not_assessed',
              reason: 'technical-assistance',
              sheet: '',
              cell: '',
              table: null,
              indicators: [],
            },
          ]}
        />
      </FluentProvider>,
    );
    expect(screen.queryByTestId(TEST_IDS.performanceSection)).not.toBeInTheDocument();
  });
});
