/** Whatever the workbook holds, `analyse` returns findings and never throws. */
import { analyse } from '../../src/engine/analyse';
import { rawValue } from '../../src/engine/message-value';
import { renderFinding } from '../../src/engine/render';
import type { Analysis } from '../../src/engine/analysis';
import type { CellValue, Grid } from '../../src/engine/grid';
import { cellsIn, grid, sheet, type CellSpec } from './grid-builder';
import { raa, raaSheet, INDICATORS, PROGRESS_HEADER_LETTERS, PROGRESS_HEADER_WORDS } from './raa-fixture';

function wellFormed(a: Analysis): void {
  for (const f of a.findings) {
    expect(f.cell).toMatch(/^[A-Z]{1,3}[1-9]\d*$/);
    expect(['error', 'warning', 'info']).toContain(f.severity);
    for (const lang of ['it', 'en'] as const) {
      const message = renderFinding(f, lang);
      expect(message).not.toMatch(/\{\{|\}\}|undefined|NaN|\[object|\d[.,]\d{7,}/);
      expect(message.length).toBeGreaterThan(0);
    }
  }
}

function survives(g: Grid): Analysis {
  let it!: Analysis;
  expect(() => {
    it = analyse(g, { lang: 'it' });
    analyse(g, { lang: 'en' });
    analyse(g, { lang: 'en', versionId: '2020-11' });
  }).not.toThrow();
  wellFormed(it);
  return it;
}

const rules = (a: Analysis) => [...new Set(a.findings.map((f) => f.rule))].sort();

describe('junk inputs', () => {
  it('an empty workbook', () => {
    const a = survives(grid());
    expect(a.findings.map((f) => [f.rule, f.sheet, f.cell])).toEqual([
      ['TABLE_NOT_FOUND', '', 'A1'],
      ['TABLE_NOT_FOUND', '', 'A1'],
    ]);
    expect(a.version.id).toBe('2022-12');
  });

  it('empty sheets, with and without empty rows', () => {
    expect(
      rules(survives(grid(sheet('A', []), sheet('B', [[], [], []]), sheet('C', [[null, null], [null]])))),
    ).toEqual(['TABLE_NOT_FOUND']);
  });

  it('a sheet of random text', () => {
    const random = mulberry32(7);
    const words = [
      'lorem',
      'ipsum',
      'Asse',
      'totale',
      'nota',
      '€',
      '%',
      'TABELLA',
      'Dotazione',
      'A',
      'C=B/A',
      '1.2.3',
      'n.d.',
    ];
    const rows = Array.from({ length: 60 }, () =>
      Array.from({ length: 25 }, () =>
        random() < 0.3
          ? null
          : words[Math.floor(random() * words.length)] +
            (random() < 0.5 ? '' : ` ${Math.floor(random() * 1000)}`),
      ),
    );
    survives(grid(sheet('Testo', rows)));
  });

  it('tables with headers only', () => {
    const g = grid(
      sheet('T', [
        ['TABELLA 1'],
        ['OT', 'Asse', 'Denominazione', 'Dotazione finanziaria', '%'],
        [],
        ['TABELLA 2'],
        [...PROGRESS_HEADER_WORDS],
        [...PROGRESS_HEADER_LETTERS],
        [],
        ['Asse', 'Priorità', 'Codice', 'Indicatore', 'Tipo', 'Unità', 'Valore', 'Target 2023'],
      ]),
    );
    const a = survives(g);
    expect(a.tables.plan?.rows).toEqual([]);
    expect(a.tables.progress?.rows).toEqual([]);
    expect(a.tables.indicators?.rows).toEqual([]);
    expect(rules(a)).toEqual(['AXIS_MISSING']);
  });

  it('a header at the very last row, followed by a caption', () => {
    survives(grid(sheet('T', [['Asse', 'Dotazione finanziaria', '%']])));
    survives(
      grid(sheet('T', [['Asse', 'Dotazione finanziaria'], ['TABELLA 2'], ['Asse', 'A', 'B', 'C', 'D']])),
    );
  });

  it('a row of error values', () => {
    const a = survives(
      raa({ cells: { ...cellsIn('A18:J18', { error: '#DIV/0!' }), ...cellsIn('A5:E5', { error: '#N/A' }) } }),
    );
    expect(a.findings.filter((f) => f.rule === 'FORMULA_ERROR').map((f) => f.cell)).toEqual([
      'D5',
      'E5',
      'B18',
      'C18',
      'D18',
      'E18',
      'F18',
      'G18',
      'H18',
      'I18',
      'J18',
    ]);
    expect(a.findings.filter((f) => f.rule === 'AXIS_UNKNOWN').map((f) => f.cell)).toEqual(['B5', 'A18']);
  });

  it('error values in headers, labels and indicators', () => {
    survives(
      raa({
        cells: { B3: { error: '#REF!' }, D14: { error: '#NAME?' }, C15: { error: '#VALUE!' } },
        indicators: [INDICATORS.CO09({ error: '#N/A' }, { error: '#N/A' })],
      }),
    );
  });

  it('very wide rows', () => {
    const wide = raaSheet();
    for (const row of [wide.values[0], wide.values[15]])
      for (let c = row.length; c < 5000; c++) row.push(c % 7 === 0 ? 'x' : c);
    for (let r = 0; r < wide.values.length; r++) {
      while (wide.formulas[r].length < wide.values[r].length) wide.formulas[r].push(null);
      while (wide.numberFormats[r].length < wide.values[r].length) wide.numberFormats[r].push('General');
    }
    const started = Date.now();
    survives(
      grid(wide, sheet('Larga', [Array.from({ length: 16384 }, (_, c) => (c % 2 ? `Asse ${c}` : c))])),
    );
    expect(Date.now() - started).toBeLessThan(10000);
  });

  it('ragged rows: formulas and formats shorter than values', () => {
    const g = raa();
    const s = g.sheets[0];
    s.formulas = s.formulas.map((row, r) => (r % 2 ? [] : row.slice(0, 3)));
    s.numberFormats = s.numberFormats.slice(0, 10);
    survives(g);
  });

  it('odd numbers: NaN, Infinity, huge and tiny values', () => {
    const a = survives(
      raa({
        cells: {
          C16: Number.NaN,
          E16: Number.POSITIVE_INFINITY,
          G16: 1e300,
          I16: 1e-300,
          D17: Number.NaN,
          D4: -Number.MAX_VALUE,
        },
      }),
    );
    expect(
      a.findings
        .filter((f) => f.rule === 'FORMULA_ERROR')
        .map((f) => [f.cell, f.actual && rawValue(f.actual)]),
    ).toEqual([
      ['C16', '#NUM!'],
      ['E16', '#NUM!'],
      ['D17', '#NUM!'],
    ]);
    // What Excel shows for a number no cell can hold: the error, as a text value.
    expect(a.findings.find((f) => f.rule === 'FORMULA_ERROR')?.actual).toEqual({
      kind: 'text',
      value: '#NUM!',
    });
  });

  it('booleans and long strings where numbers belong', () => {
    survives(raa({ cells: { B16: true, C17: false, D18: 'x'.repeat(100000), A19: 'Asse '.repeat(1000) } }));
  });

  it('random grids made of table words, numbers, text numbers and errors', () => {
    const random = mulberry32(20240501);
    const pool: CellValue[] = [
      'Asse',
      'Assi',
      'OT',
      'Dotazione finanziaria',
      'Programmato',
      'Impegni',
      'Pagamenti',
      'Spesa certificata',
      'A',
      'B',
      'C=B/A',
      'D',
      'E=D/B',
      'F',
      'G=F/D',
      'H',
      'I=H/F',
      '%',
      'TOTALE',
      'Totale',
      'TABELLA 1',
      'Tabella 2',
      'Indicatore',
      'Codice',
      'Valore',
      'Target 2023',
      'Unità',
      'percentuale',
      'numero',
      'I',
      'II',
      'III',
      'IV',
      'V',
      'VI',
      'Asse I',
      'OT 8',
      'CO09',
      'CR06',
      '8i',
      '236.700.000,00 €',
      '24,39%',
      '122,89 %',
      '(1.000)',
      'n.d.',
      '-',
      '',
      0,
      1,
      -5,
      0.2439,
      24.39,
      236700000,
      19114000,
      1e15,
      { error: '#DIV/0!' },
      true,
      null,
    ];
    for (let n = 0; n < 80; n++) {
      const height = 1 + Math.floor(random() * 30);
      const width = 1 + Math.floor(random() * 14);
      const rows: CellSpec[][] = Array.from({ length: height }, () =>
        Array.from({ length: width }, () => {
          const v = pool[Math.floor(random() * pool.length)];
          const roll = random();
          if (roll < 0.1)
            return {
              v,
              f: `=B${1 + Math.floor(random() * 30)}/A${1 + Math.floor(random() * 30)}`,
              fmt: '0.00%',
            };
          if (roll < 0.2 && typeof v === 'number') return { v, fmt: '0.00%' };
          return v as CellSpec;
        }),
      );
      const at =
        random() < 0.5 ? 'A1' : `${'BCDEFG'[Math.floor(random() * 6)]}${1 + Math.floor(random() * 40)}`;
      const g = grid(sheet(`S${n}`, rows, { at }));
      if (random() < 0.3) g.locale = 'en';
      survives(g);
    }
  });
});

/** A small seeded PRNG, so the random grids are the same on every run. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
