/** The formula audit raises nothing on what Compila writes: its ratios, % del target and Stato, and converted text numbers. */
import { analyse, planFill } from '../../../src/engine';
import { createMemoryHost } from '../../taskpane/memory-host';
import { INDICATORS, raa } from '../raa-fixture';

const AUDIT = [
  'FORMULA_ERROR',
  'FORMULA_BLANK_REF',
  'FORMULA_CONSTANT',
  'TOTAL_RANGE',
  'FORMULA_TYPED_IN_RUN',
  'HIDDEN_CELLS',
  'EXTERNAL_LINK',
  'CALC_MANUAL',
  'FORMULA_INCONSISTENT',
];

it('Compila --force on typed ratios, text amounts and an indicator table without computed columns leaves no audit finding', async () => {
  const grid = raa({
    ratios: 'value',
    indicators: [
      INDICATORS.CO09(52104),
      INDICATORS.CR06_8i({ v: 0.592, fmt: '0.0%' }),
      INDICATORS.CO09(null),
    ],
    cells: { C17: '326.425.240,31 €', I26: null, J26: null },
  });
  const host = createMemoryHost(grid);
  const plan = planFill(analyse(grid, { lang: 'it' }), { force: true, now: '2026-12-01T10:00:00.000Z' });
  // Ratios, % del target and Stato, and the converted amount: the tool wrote formulas here.
  expect(plan.cells.filter((c) => c.formula).length).toBeGreaterThanOrEqual(24 + 6);
  await host.apply(plan);
  const after = analyse(host.grid, { lang: 'it' });
  expect(after.findings.filter((f) => AUDIT.includes(f.rule)).map((f) => `${f.rule} ${f.cell}`)).toEqual([]);
  // …and the tables really hold the tool's formulas now.
  expect(after.tables.progress?.rows[0].cells.C?.formula).toBe('=IF(B16=0,"",C16/B16)');
  expect(after.tables.indicators?.rows[0].ratio?.formula).toMatch(
    /^=IF\(OR\(G27="",H27="",H27=0\),"",G27\/H27\)$/,
  );
});
