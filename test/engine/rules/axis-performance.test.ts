import { analyse } from '../../../src/engine/analyse';
import { renderFinding } from '../../../src/engine/render';
import { defaultModel, parseModel } from '../../../src/model';
import type { ProgrammeIndicator, ProgrammeModel } from '../../../src/model/types';
import { describeRule, type CellSpec } from '../grid-builder';
import { raa, type AxisId, type IndicatorSpec } from '../raa-fixture';

/** The Lombardy model with the given indicators instead of its own. */
function modelWith(indicators: Partial<ProgrammeIndicator>[]): ProgrammeModel {
  const result = parseModel({
    ...defaultModel,
    indicators: indicators.map((i, n) => ({
      code: `P${n + 1}`,
      axis: 'I',
      priority: '',
      type: 'output',
      unit: 'number',
      name: `Indicatore ${n + 1}`,
      target: '100',
      ...i,
    })),
  });
  if (!result.ok) throw new Error(result.error);
  return result.model;
}

/** Axis I with `values.length` output indicators P1…Pn, each against a target of 100. */
function axisI(...values: CellSpec[]) {
  const rows = values.map((value, n): IndicatorSpec => [
    'I',
    null,
    `P${n + 1}`,
    `Indicatore ${n + 1}`,
    'output',
    'numero',
    value,
    100,
  ]);
  return { grid: raa({ indicators: rows }), options: { model: modelWith(values.map(() => ({}))) } };
}

const row = (
  axis: AxisId,
  code: string,
  value: CellSpec,
  target: CellSpec,
  type = 'output',
): IndicatorSpec => [axis, null, code, `Indicatore ${code}`, type, 'numero', value, target];

/** Axis I: a financial indicator (certified expenditure, Tabella 2 H = 184.444.180,19 €) and one output. */
const financialModel = (target: string) =>
  modelWith([{ code: 'F1', type: 'financial', name: 'Spesa certificata', target }, { code: 'P2' }]);

describeRule('AXIS_PERFORMANCE', {
  fires: [
    // One indicator: 85% is the bar, 75% does not save it, 65% is not yet serious.
    {
      name: '1 indicator at 84,99%',
      ...axisI(84.99),
      hits: [
        [
          'A16',
          'warning',
          'not_achieved',
          {
            axis: 'I',
            indicators: 'P1 84,99%',
            message:
              'Asse I: obiettivi del quadro di efficacia non raggiunti — P1 84,99% (ogni indicatore deve arrivare a 85% del target 2023; se sono almeno tre, uno può fermarsi a 75%).',
          },
        ],
      ],
    },
    { name: '1 indicator at exactly 75%', ...axisI(75), hits: [['A16', 'warning', 'not_achieved']] },
    {
      name: '1 indicator at exactly 65%: not achieved, not serious',
      ...axisI(65),
      hits: [['A16', 'warning', 'not_achieved', { indicators: 'P1 65,00%' }]],
    },
    {
      name: '1 indicator at 64,99%: serious failure',
      ...axisI(64.99),
      hits: [
        [
          'A16',
          'error',
          'serious_failure',
          {
            indicators: 'P1 64,99%',
            message:
              "Asse I: grave carenza nel conseguimento dei target del quadro di efficacia — P1 64,99% (sotto 65% del target 2023 due indicatori, o uno se l'asse ne ha al più due).",
          },
        ],
      ],
    },
    // Two indicators: no 75% allowance; one below 65% is enough for a serious failure.
    {
      name: '2 indicators, one at exactly 75%',
      ...axisI(100, 75),
      hits: [['A16', 'warning', 'not_achieved', { indicators: 'P2 75,00%' }]],
    },
    { name: '2 indicators at exactly 65%', ...axisI(65, 65), hits: [['A16', 'warning', 'not_achieved']] },
    {
      name: '2 indicators, one at 64,99%',
      ...axisI(100, 64.99),
      hits: [['A16', 'error', 'serious_failure', { indicators: 'P2 64,99%' }]],
    },
    // Three indicators: one may stop at 75%; one below 65% is not yet serious, two are.
    {
      name: '3 indicators, one at 74,99%',
      ...axisI(100, 100, 74.99),
      hits: [['A16', 'warning', 'not_achieved', { indicators: 'P3 74,99%' }]],
    },
    {
      name: '3 indicators, two at 84,99%',
      ...axisI(100, 84.99, 84.99),
      hits: [['A16', 'warning', 'not_achieved', { indicators: 'P2 84,99%, P3 84,99%' }]],
    },
    {
      name: '3 indicators, one at 64,99%: not serious with three',
      ...axisI(100, 100, 64.99),
      hits: [['A16', 'warning', 'not_achieved']],
    },
    {
      name: '3 indicators, two at 64,99%',
      ...axisI(100, 64.99, 64.99),
      hits: [['A16', 'error', 'serious_failure', { indicators: 'P2 64,99%, P3 64,99%' }]],
    },
    {
      name: '3 indicators, two at exactly 65%: not serious',
      ...axisI(65, 65, 100),
      hits: [['A16', 'warning', 'not_achieved', { indicators: 'P1 65,00%, P2 65,00%' }]],
    },
    // Four indicators.
    {
      name: '4 indicators, two at exactly 75%',
      ...axisI(100, 100, 75, 75),
      hits: [['A16', 'warning', 'not_achieved', { indicators: 'P3 75,00%, P4 75,00%' }]],
    },
    {
      name: '4 indicators, one at 64,99%',
      ...axisI(100, 100, 100, 64.99),
      hits: [['A16', 'warning', 'not_achieved']],
    },
    {
      name: '4 indicators, two below 65%',
      ...axisI(100, 64, 100, 10),
      hits: [['A16', 'error', 'serious_failure', { indicators: 'P2 64,00%, P4 10,00%' }]],
    },
    // Financial indicator: Tabella 2 H of the axis against the model's target.
    {
      name: 'a financial indicator below 65%: H 184.444.180,19 € against 300.000.000 €',
      grid: raa({ indicators: [row('I', 'P2', 100, 100)] }),
      options: { model: financialModel('300000000') },
      // 184.444.180,19 / 300.000.000 = 0,61481…
      hits: [['A16', 'error', 'serious_failure', { indicators: 'F1 61,48%' }]],
    },
    {
      name: 'a financial indicator with no Tabella 3: its value is Tabella 2 H',
      grid: raa(),
      options: { model: financialModel('230000000') },
      // 184.444.180,19 / 230.000.000 = 0,80193…
      hits: [['A16', 'warning', 'not_achieved', { indicators: 'F1 80,19%' }]],
    },
    {
      name: 'a financial indicator just short of 85% reads 84,99%, not 85,00%',
      grid: raa(),
      options: { model: financialModel('217000000') },
      // 184.444.180,19 / 217.000.000 = 0,849973…
      hits: [['A16', 'warning', 'not_achieved', { indicators: 'F1 84,99%' }]],
    },
    // Which indicators are in the framework.
    {
      name: 'a result indicator the model puts in the framework',
      grid: raa({ indicators: [row('I', 'P1', 10, 100, 'risultato')] }),
      options: { model: modelWith([{ type: 'result', framework: true }]) },
      hits: [['A16', 'error', 'serious_failure', { indicators: 'P1 10,00%' }]],
    },
    {
      name: 'an indicator the model does not know, typed output in Tabella 3',
      grid: raa({ indicators: [row('II', 'XX-99', 50, 100)] }),
      options: { model: modelWith([]) },
      hits: [['A17', 'error', 'serious_failure', { indicators: 'XX-99 50,00%' }]],
    },
    {
      name: 'several axes, one finding each, at their Tabella 2 row',
      grid: raa({ indicators: [row('I', 'P1', 80, 100), row('IV', 'P2', 1, 100)] }),
      options: { model: modelWith([{}, { axis: 'IV' }]) },
      hits: [
        ['A19', 'error', 'serious_failure', { axis: 'IV', indicators: 'P2 1,00%' }],
        ['A16', 'warning', 'not_achieved', { axis: 'I', indicators: 'P1 80,00%' }],
      ],
    },
    {
      name: 'no Tabella 2: the axis cell of its first row in Tabella 3',
      grid: raa({ progress: false, indicators: [row('II', 'Q', 100, 100), row('I', 'P1', 70, 100)] }),
      options: { model: modelWith([{}, { code: 'Q', axis: 'II' }]) },
      hits: [['A28', 'warning', 'not_achieved', { indicators: 'P1 70,00%' }]],
    },
    {
      name: 'percentages compared as decimals: 5,95% of 7% is 85%, 5,94% is not',
      grid: raa({
        indicators: [
          [
            'I',
            null,
            'P1',
            'Indicatore 1',
            'output',
            'percentuale',
            { v: 0.0595, fmt: '0.00%' },
            { v: 0.07, fmt: '0%' },
          ],
          [
            'I',
            null,
            'P2',
            'Indicatore 2',
            'output',
            'percentuale',
            { v: 0.0594, fmt: '0.00%' },
            { v: 0.07, fmt: '0%' },
          ],
        ],
      }),
      options: {
        model: modelWith([
          { unit: 'percentage', target: '7' },
          { unit: 'percentage', target: '7' },
        ]),
      },
      // 5,94 / 7 = 0,848571…, cut to 84,85%
      hits: [['A16', 'warning', 'not_achieved', { indicators: 'P2 84,85%' }]],
    },
  ],
  doesNotFire: [
    { name: '1 indicator at exactly 85%', ...axisI(85) },
    { name: '2 indicators at exactly 85%', ...axisI(85, 85) },
    { name: '3 indicators, one at exactly 75%', ...axisI(100, 100, 75) },
    { name: '3 indicators at exactly 85%', ...axisI(85, 85, 85) },
    { name: '4 indicators, one at exactly 75%', ...axisI(100, 85, 100, 75) },
    { name: '4 indicators at exactly 85%', ...axisI(85, 85, 85, 85) },
    {
      name: 'percentages: 5,95% of 7% is exactly 85% (0,8499999… in binary floats)',
      grid: raa({
        indicators: [
          [
            'I',
            null,
            'P1',
            'Indicatore 1',
            'output',
            'percentuale',
            { v: 0.0595, fmt: '0.00%' },
            { v: 0.07, fmt: '0%' },
          ],
        ],
      }),
      options: { model: modelWith([{ unit: 'percentage', target: '7' }]) },
    },
    {
      name: 'technical assistance is not assessed',
      grid: raa({ indicators: [row('V', 'P1', 1, 100)] }),
      options: { model: modelWith([{ axis: 'V' }]) },
    },
    {
      name: 'result indicators are out of the framework by default',
      grid: raa({ indicators: [row('I', 'P1', 10, 100, 'risultato')] }),
      options: { model: modelWith([{ type: 'result' }]) },
    },
    {
      name: 'an output indicator the model takes out of the framework',
      grid: raa({ indicators: [row('I', 'P1', 10, 100)] }),
      options: { model: modelWith([{ framework: false }]) },
    },
    {
      name: 'a row of unknown type the model does not know',
      grid: raa({ indicators: [row('I', 'XX-99', 10, 100, 'risultato')] }),
      options: { model: modelWith([]) },
    },
    {
      name: 'no value: not assessed',
      ...axisI(null),
    },
    {
      name: 'a financial indicator at 85%: H 184.444.180,19 € against 216.993.153,16 €',
      grid: raa(),
      // 184.444.180,19 / 216.993.153,16 = 0,850000000…
      options: { model: financialModel('216993153.16') },
    },
    { name: 'no Tabella 3 and no financial indicator', grid: raa() },
  ],
});

describe('AXIS_PERFORMANCE messages', () => {
  it('speaks English with English numbers', () => {
    const { grid, options } = axisI(100, 64.5, 60);
    const findings = analyse(grid, options).findings.filter((f) => f.rule === 'AXIS_PERFORMANCE');
    expect(findings.map((f) => renderFinding(f, 'en'))).toEqual([
      'Axis I: serious failure to achieve the performance-framework targets — P2 64.50%, P3 60.00% (below 65% of the 2023 target: two indicators, or one when the axis has at most two).',
    ]);
    expect(findings[0].data.indicators).toMatchObject({ value: 'P2 0.645, P3 0.6' });
    expect(findings[0].expected).toMatchObject({ value: 'achieved', it: 'obiettivi raggiunti' });
    expect(findings[0].actual).toMatchObject({ value: 'serious_failure', en: 'serious failure' });
  });
});
