/** Findings as people read them: values in each language (message-value.ts), sentences and groups (render.ts). */
import Decimal from 'decimal.js';
import { analyse } from '../../src/engine/analyse';
import type { Finding } from '../../src/engine/finding';
import {
  formatValue,
  listValue,
  moneyValue,
  numberValue,
  percentValue,
  rawValue,
  textValue,
  toMessageValue,
  type MessageValue,
} from '../../src/engine/message-value';
import { groupRepeated, renderFinding, renderGroup, renderGroupLine, ruleOf } from '../../src/engine/render';
import { raa } from './raa-fixture';

const both = (v: MessageValue) => [formatValue(v, 'it'), formatValue(v, 'en')];

describe('formatValue', () => {
  describe('money', () => {
    it('groups thousands and puts the euro where each language does', () => {
      expect(both({ kind: 'money', value: '958677416.66' })).toEqual(['958.677.416,66 €', '€958,677,416.66']);
      expect(both({ kind: 'money', value: '0.01' })).toEqual(['0,01 €', '€0.01']);
      expect(both({ kind: 'money', value: '1000000.00' })).toEqual(['1.000.000,00 €', '€1,000,000.00']);
    });

    it('puts the minus before the euro in English', () => {
      expect(both({ kind: 'money', value: '-5.00' })).toEqual(['-5,00 €', '-€5.00']);
      expect(both({ kind: 'money', value: '-33760516.00' })).toEqual(['-33.760.516,00 €', '-€33,760,516.00']);
    });

    it('moneyValue keeps two decimals, rounded half away from zero at 15 digits', () => {
      expect(moneyValue(new Decimal('958677416.665'))).toEqual({ kind: 'money', value: '958677416.67' });
      expect(moneyValue(new Decimal('-0.005'))).toEqual({ kind: 'money', value: '-0.01' });
      expect(moneyValue(new Decimal(5))).toEqual({ kind: 'money', value: '5.00' });
      // 0.1 + 0.2 = 0.30000000000000004: one cent is 0,30 €, not a float's tail.
      expect(formatValue(moneyValue(new Decimal(0.1 + 0.2)), 'it')).toBe('0,30 €');
    });
  });

  describe('percent', () => {
    it('shows the fraction as a percentage at its decimals', () => {
      expect(both({ kind: 'percent', value: '1.2289', decimals: 2 })).toEqual(['122,89%', '122.89%']);
      expect(both({ kind: 'percent', value: '0.2439', decimals: 2 })).toEqual(['24,39%', '24.39%']);
      expect(both({ kind: 'percent', value: '0.202', decimals: 1 })).toEqual(['20,2%', '20.2%']);
      expect(both({ kind: 'percent', value: '1', decimals: 0 })).toEqual(['100%', '100%']);
    });

    it('groups a percentage typed as points (24.39 in a % cell is 2439%)', () => {
      expect(both({ kind: 'percent', value: '24.3900', decimals: 2 })).toEqual(['2.439,00%', '2,439.00%']);
    });

    it('percentValue rounds the percentage as Excel prints it, floats and all', () => {
      // 290.890.851,86 / 236.700.000 = 1,228943…
      expect(percentValue(new Decimal('290890851.86').dividedBy(236700000))).toEqual({
        kind: 'percent',
        value: '1.2289',
        decimals: 2,
      });
      expect(formatValue(percentValue(new Decimal(0.7240000000000001)), 'it')).toBe('72,40%');
      expect(formatValue(percentValue(new Decimal(20.2 / 100), 1), 'it')).toBe('20,2%');
      expect(formatValue(percentValue(new Decimal('0.24385')), 'it')).toBe('24,39%');
      expect(formatValue(percentValue(new Decimal('0.99999')), 'en')).toBe('100.00%');
    });
  });

  describe('number', () => {
    it('groups thousands in each language', () => {
      expect(both(numberValue(new Decimal(52104)))).toEqual(['52.104', '52,104']);
      expect(both(numberValue(new Decimal(56645)))).toEqual(['56.645', '56,645']);
      expect(both(numberValue(new Decimal(1000)))).toEqual(['1.000', '1,000']);
      expect(both(numberValue(new Decimal(640)))).toEqual(['640', '640']);
    });

    it('keeps its own decimals, or the ones asked for', () => {
      expect(both({ kind: 'number', value: '1234567.5' })).toEqual(['1.234.567,5', '1,234,567.5']);
      expect(both(numberValue(new Decimal('1234567.891'), 2))).toEqual(['1.234.567,89', '1,234,567.89']);
      expect(numberValue(new Decimal(0.1 + 0.2))).toEqual({ kind: 'number', value: '0.3' });
    });

    it('shows a unit after the number', () => {
      expect(both({ kind: 'number', value: '20.2', decimals: 1, unit: '%' })).toEqual(['20,2%', '20.2%']);
    });
  });

  describe('text', () => {
    it('is shown as is, or in the reader’s word', () => {
      expect(both(textValue('C=B/A'))).toEqual(['C=B/A', 'C=B/A']);
      expect(both(textValue('programmed', { it: 'il programmato (B)', en: 'programmed (B)' }))).toEqual([
        'il programmato (B)',
        'programmed (B)',
      ]);
      expect(both(listValue(['2015-initial', '2020-11']))).toEqual([
        '2015-initial, 2020-11',
        '2015-initial, 2020-11',
      ]);
      expect(toMessageValue('RAA 2022!D7')).toEqual({ kind: 'text', value: 'RAA 2022!D7' });
    });
  });

  it('rawValue gives machines the decimal string or the id', () => {
    expect(rawValue({ kind: 'money', value: '958677416.66' })).toBe('958677416.66');
    expect(rawValue({ kind: 'percent', value: '1.2289', decimals: 2 })).toBe('1.2289');
    expect(rawValue(textValue('programmed', { it: 'il programmato', en: 'programmed' }))).toBe('programmed');
  });
});

describe('renderFinding', () => {
  const finding: Finding = {
    rule: 'TOTAL_MISMATCH',
    severity: 'warning',
    sheet: 'RAA 2022',
    cell: 'E21',
    messageId: 'rounding',
    data: {
      actual: { kind: 'money', value: '958677416.67' },
      expected: { kind: 'money', value: '958677416.66' },
      difference: { kind: 'money', value: '0.01' },
    },
    expected: { kind: 'money', value: '958677416.66' },
    actual: { kind: 'money', value: '958677416.67' },
    table: 'progress',
  };

  it('fills the template with the values in the reader’s format', () => {
    expect(renderFinding(finding, 'it')).toBe(
      'Il totale 958.677.416,67 € differisce di 0,01 € dalla somma delle righe 958.677.416,66 € (differenza di arrotondamento).',
    );
    expect(renderFinding(finding, 'en')).toBe(
      'The total €958,677,416.67 is €0.01 off the sum of its rows €958,677,416.66 (a rounding difference).',
    );
  });

  it('refuses a message the rule does not have, and a value the template lacks', () => {
    expect(() => renderFinding({ ...finding, messageId: 'nonsense' }, 'it')).toThrow(/no it message/);
    expect(() => renderFinding({ ...finding, data: { actual: finding.data.actual } }, 'it')).toThrow(
      /difference/,
    );
  });
});

describe('groupRepeated', () => {
  it('makes the RAA’s 24 typed ratios one line', () => {
    const groups = groupRepeated(analyse(raa({ ratios: 'value' }), { lang: 'it' }).findings);
    const typed = groups.filter((g) => g.rule === 'RATIO_HARDCODED');
    expect(typed).toHaveLength(1);
    const [g] = typed;
    expect(g).toMatchObject({
      messageId: 'typed',
      severity: 'warning',
      sheet: 'RAA 2022',
      range: 'D16:J21',
      cell: 'D16',
      count: 24,
    });
    expect(g.findings).toHaveLength(24);
    expect(renderGroupLine(g, 'it')).toBe(
      'D16:J21 — 24 rapporti digitati: Compila li sostituisce con formule',
    );
    expect(renderGroupLine(g, 'en')).toBe('D16:J21 — 24 typed ratios: Fill replaces them with formulas');
  });

  it('a group of one reads as its finding', () => {
    const [g] = groupRepeated(
      analyse(raa({ cells: { F17: { v: 0.9914, fmt: '0.00%' } } }), { lang: 'it' }).findings.filter(
        (f) => f.rule === 'RATIO_HARDCODED',
      ),
    );
    expect(g).toMatchObject({ range: 'F17', cell: 'F17', count: 1 });
    expect(renderGroup(g, 'it')).toBe(renderFinding(g.findings[0], 'it'));
    expect(renderGroupLine(g, 'it')).toBe(
      'F17 — E=D/B è un valore digitato (99,14%), non una formula: non si aggiorna se cambiano E17 o C17. Compila lo sostituisce con la formula.',
    );
  });

  it('orders groups by severity, then by weight: the money difference before the typed ratios', () => {
    const findings = analyse(raa({ ratios: 'value', cells: { E21: 898677416.67 } }), { lang: 'it' }).findings;
    const groups = groupRepeated(findings);
    const rules = groups.map((g) => `${g.severity} ${g.rule}`);
    expect(rules.indexOf('warning TOTAL_MISMATCH')).toBeGreaterThanOrEqual(0);
    expect(rules.indexOf('warning TOTAL_MISMATCH')).toBeLessThan(rules.indexOf('warning RATIO_HARDCODED'));
    expect(renderGroupLine(groups[rules.indexOf('warning TOTAL_MISMATCH')], 'it')).toBe(
      'E21 — Il totale 898.677.416,67 € differisce di 0,01 € dalla somma delle righe 898.677.416,66 € (differenza di arrotondamento).',
    );
    // Severity first: an error of a light rule comes before a warning of a heavy one.
    const order = { error: 0, warning: 1, info: 2 };
    const severities = groups.map((g) => order[g.severity]);
    expect(severities).toEqual([...severities].sort((a, b) => a - b));
    // Within a severity, by weight.
    for (let i = 1; i < groups.length; i++) {
      if (groups[i].severity !== groups[i - 1].severity) continue;
      expect(ruleOf(groups[i - 1].rule)!.meta.weight).toBeGreaterThanOrEqual(
        ruleOf(groups[i].rule)!.meta.weight,
      );
    }
  });

  it('an error comes before a warning of a heavier rule', () => {
    // NEGATIVE_AMOUNT (error, weight 46) before TOTAL_MISMATCH's rounding warning (weight 78).
    const findings = analyse(raa({ cells: { E21: 898677416.67, I20: -1 } }), { lang: 'it' }).findings;
    const rules = groupRepeated(findings).map((g) => `${g.severity} ${g.rule}`);
    expect(rules.indexOf('error NEGATIVE_AMOUNT')).toBeGreaterThanOrEqual(0);
    expect(rules.indexOf('error NEGATIVE_AMOUNT')).toBeLessThan(rules.indexOf('warning TOTAL_MISMATCH'));
  });

  it('never groups the findings of a rule without a group line', () => {
    expect(ruleOf('PROGRESS_ORDER')!.meta.group).toBeUndefined();
    // Three stage warnings of one message on one row: three lines.
    const findings = analyse(
      raa({ amounts: { IV: { B: 20000000, D: 21000000, F: 22000000, H: 23000000 } } }),
      {
        lang: 'it',
      },
    ).findings.filter((f) => f.rule === 'PROGRESS_ORDER' && f.messageId === 'stage');
    expect(findings).toHaveLength(3);
    const groups = groupRepeated(findings);
    expect(groups.map((g) => [g.range, g.count])).toEqual([
      ['E19', 1],
      ['G19', 1],
      ['I19', 1],
    ]);
    for (const g of groups)
      expect(renderGroupLine(g, 'it')).toBe(`${g.cell} — ${renderFinding(g.findings[0], 'it')}`);
  });

  it('keeps different messages and severities of one rule apart', () => {
    const findings = analyse(raa({ cells: { E21: 898677416.67, G21: 822642493.03 } }), {
      lang: 'it',
    }).findings.filter((f) => f.rule === 'TOTAL_MISMATCH');
    const groups = groupRepeated(findings);
    expect(groups.map((g) => [g.severity, g.messageId, g.range])).toEqual([
      ['error', 'mismatch', 'G21'],
      ['warning', 'rounding', 'E21'],
    ]);
  });

  it('gives findings at one cell unique keys (AXIS_MISSING of several axes at the header)', () => {
    const findings = analyse(raa({ axes: ['I', 'II'] }), { lang: 'it' }).findings.filter(
      (f) => f.rule === 'AXIS_MISSING',
    );
    const groups = groupRepeated(findings);
    expect(groups.length).toBeGreaterThanOrEqual(3);
    expect(new Set(groups.map((g) => g.key)).size).toBe(groups.length);
  });
});
