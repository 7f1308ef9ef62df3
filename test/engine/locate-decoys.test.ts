/**
 * Tables that are not programme tables (SPEC §2): lists of operations and payments, Excel tables of
 * anything and summaries by axis carry an `Asse` column too. Locating weighs the evidence and
 * prefers "not found" to a wrong table; no finding points at such a sheet.
 */
import { analyse } from '../../src/engine/analyse';
import type { Analysis } from '../../src/engine/analysis';
import type { Grid, SheetGrid } from '../../src/engine/grid';
import { locateTables } from '../../src/engine/locate/locate-tables';
import { grid, sheet, type CellSpec } from './grid-builder';
import { ALLOCATIONS_2022, AXES, raaSheet } from './raa-fixture';

/** A seeded PRNG: the decoys are the same on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LABEL_STYLES = [(a: string) => a, (a: string) => `Asse ${a}`, (a: string) => `ASSE ${a}`];
const cents = (n: number) => Math.round(n * 100) / 100;

/**
 * A list of operations, one row per project: CUP, beneficiary, title, axis (repeated, in every
 * spelling), then amounts. `columns` are the amount headers after `Asse`; a TOTALE row adds them up.
 */
function operations(
  name: string,
  columns: string[],
  options: { rows?: number; total?: boolean; tables?: { name: string; range: string }[] } = {},
): SheetGrid {
  const next = random(name.length * 7919);
  const count = options.rows ?? 300;
  const rows: CellSpec[][] = [['CUP', 'Beneficiario', 'Titolo del progetto', 'Asse', ...columns]];
  const sums = columns.map(() => 0);
  for (let i = 0; i < count; i++) {
    const axis = AXES[Math.floor(next() * AXES.length)];
    const label = LABEL_STYLES[i % LABEL_STYLES.length](axis);
    let amount = cents(10000 + next() * 500000);
    const amounts = columns.map((_, c) => {
      amount = cents(amount * (c === 0 ? 1 : 0.6 + next() * 0.4));
      sums[c] += amount;
      return amount;
    });
    rows.push([
      `E${String(10000000 + i)}`,
      `Ente di formazione ${i % 37}`,
      `Progetto ${i}`,
      label,
      ...amounts,
    ]);
  }
  if (options.total !== false) rows.push(['TOTALE', null, null, null, ...sums.map(cents)]);
  return sheet(name, rows, options.tables ? { tables: options.tables } : {});
}

/** A payments ledger: date, warrant, beneficiary, axis, amount paid. */
function payments(name: string): SheetGrid {
  const next = random(4242);
  const rows: CellSpec[][] = [['Data', 'N. mandato', 'Beneficiario', 'Asse', 'Importo pagato']];
  for (let i = 0; i < 120; i++)
    rows.push([
      `${1 + (i % 28)}/${1 + (i % 12)}/2022`,
      `M-${2022}-${1000 + i}`,
      `Beneficiario ${i % 19}`,
      AXES[i % AXES.length],
      cents(1000 + next() * 90000),
    ]);
  return sheet(name, rows);
}

/** A summary by axis with other columns; its amounts are not the model's allocations. */
function summaryByAxis(name: string, header = ['Asse', 'Numero progetti', 'Importo ammesso', 'Beneficiari']) {
  const amounts = [1234567.89, 2345678.9, 3456789.01, 456789.12, 567891.23];
  const rows: CellSpec[][] = [header];
  AXES.forEach((axis, i) =>
    rows.push(
      header.length === 2 ? [`Asse ${axis}`, amounts[i]] : [`Asse ${axis}`, 10 + i, amounts[i], 100 + 7 * i],
    ),
  );
  const total = cents(amounts.reduce((a, b) => a + b));
  rows.push(header.length === 2 ? ['TOTALE', total] : ['TOTALE', 40, total, 570]);
  return sheet(name, rows);
}

/** The decoys of this file, each alone on a sheet called `name`. */
const DECOYS: [string, (name: string) => SheetGrid][] = [
  [
    'an operations list of 300 rows (Asse, Importo, Impegni, Pagamenti)',
    (n) => operations(n, ['Importo', 'Impegni', 'Pagamenti']),
  ],
  [
    'an operations list with the words of Tabella 2 (programmato, impegni, pagamenti, spesa certificata)',
    (n) => operations(n, ['Importo programmato', 'Impegni', 'Pagamenti', 'Spesa certificata']),
  ],
  [
    'an operations list whose header is Tabella 2 (Dotazione … Spesa certificata)',
    (n) => operations(n, ['Dotazione', 'Programmato', 'Impegni', 'Pagamenti', 'Spesa certificata']),
  ],
  ['a payments ledger (Data, Mandato, Beneficiario, Asse, Importo pagato)', payments],
  [
    'an Excel table with an Asse column (ListObject Progetti)',
    (n) =>
      operations(n, ['Budget'], {
        rows: 40,
        total: false,
        tables: [{ name: 'Progetti', range: 'A1:E41' }],
      }),
  ],
  ['a summary by axis whose amounts are not allocations', (n) => summaryByAxis(n)],
  [
    'a bare summary (Asse, Importo) by axis with a total, amounts not allocations',
    (n) => summaryByAxis(n, ['Asse', 'Importo']),
  ],
];

function sheetsOf(a: Analysis): string[] {
  return [...new Set(a.findings.map((f) => f.sheet))];
}

describe('decoys: tables with an Asse column that are not Tabella 1 or 2', () => {
  describe.each(DECOYS)('%s', (_, make) => {
    it('alone: neither table is found, and no finding points at its sheet', () => {
      const g = grid(make('Operazioni'));
      const tables = locateTables(g);
      expect(tables.plan).toBeNull();
      expect(tables.progress).toBeNull();
      const a = analyse(g);
      expect(a.findings.map((f) => f.rule)).toEqual(['TABLE_NOT_FOUND', 'TABLE_NOT_FOUND']);
      expect(sheetsOf(a)).not.toContain('Operazioni');
    });

    it('on the first sheet, the real tables on a later one: the real ones are found', () => {
      const g = grid(make('Operazioni'), sheet('Note', [['Relazione 2022']]), raaSheet({ sheetName: 'RAA' }));
      const a = analyse(g);
      expect(a.tables.plan).toMatchObject({ sheet: 'RAA', headerTop: 2 });
      expect(a.tables.progress).toMatchObject({ sheet: 'RAA', headerTop: 13 });
      expect(a.tables.plan?.rows.map((r) => r.axisId)).toEqual([...AXES]);
      expect(a.tables.progress?.rows.map((r) => r.axisId)).toEqual([...AXES]);
      expect(sheetsOf(a)).not.toContain('Operazioni');
      expect(a.findings.map((f) => f.rule)).not.toContain('TABLE_NOT_FOUND');
      expect(a.versionChoice.how).toBe('matched');
    });

    it('on the first sheet, the real Tabella 1 only on a later one: TABLE_NOT_FOUND points at that sheet', () => {
      const g = grid(make('Operazioni'), raaSheet({ sheetName: 'Piano', progress: false }));
      const a = analyse(g);
      expect(a.tables.plan?.sheet).toBe('Piano');
      expect(a.tables.progress).toBeNull();
      expect(a.findings.filter((f) => f.rule === 'TABLE_NOT_FOUND').map((f) => [f.sheet, f.cell])).toEqual([
        ['Piano', 'A1'],
      ]);
      expect(sheetsOf(a)).not.toContain('Operazioni');
    });

    it('above the real tables on the same sheet: the real ones are found', () => {
      const decoy = make('x');
      const real = raaSheet();
      const rows: CellSpec[][] = [
        ...decoy.values.map((r) => [...r]),
        [],
        [],
        ...real.values.map((r) => [...r]),
      ];
      const g = grid(sheet('Tutto', rows));
      const offset = decoy.values.length + 2;
      const tables = locateTables(g);
      expect(tables.plan?.headerTop).toBe(offset + 2);
      expect(tables.progress?.headerTop).toBe(offset + 13);
    });
  });

  it('passes over the decoys and says so in the located tables', () => {
    const tables = locateTables(grid(payments('Pagamenti'), raaSheet({ sheetName: 'RAA' })));
    expect(tables.plan?.sheet).toBe('RAA');
    expect(tables.passedOver?.map((t) => [t.kind, t.sheet])).toEqual([['plan', 'Pagamenti']]);
  });
});

describe('weighing the evidence', () => {
  const allocations = AXES.map((a) => ALLOCATIONS_2022[a]);
  const total = allocations.reduce((a, b) => a + b);
  const bare = (amounts: number[], sum: number): CellSpec[][] => [
    ['Asse', 'Importo'],
    ...AXES.map((axis, i) => [`Asse ${axis}`, amounts[i]]),
    ['Totale', sum],
  ];

  it('takes a bare Asse/Importo table when its amounts are the allocations and its total adds up', () => {
    const tables = locateTables(grid(sheet('Piano', bare(allocations, total))));
    expect(tables.plan?.rows.map((r) => r.allocation?.value?.toNumber())).toEqual(allocations);
  });

  it('prefers the stronger of two candidates, wherever it is', () => {
    // Sheet 1: the bare table above; sheet 2: the full RAA Tabella 1 (headers, OT, names, shares).
    const g = grid(
      sheet('Riepilogo', bare(allocations, total)),
      raaSheet({ sheetName: 'RAA', progress: false }),
    );
    const tables = locateTables(g);
    expect(tables.plan?.sheet).toBe('RAA');
    expect(tables.passedOver?.map((t) => t.sheet)).toEqual(['Riepilogo']);
  });

  it('takes the first of two equal candidates', () => {
    const g = grid(raaSheet({ sheetName: 'Uno' }), raaSheet({ sheetName: 'Due' }));
    expect(locateTables(g).plan?.sheet).toBe('Uno');
    expect(locateTables(g).progress?.sheet).toBe('Uno');
  });

  it('keeps a full Tabella 1 header whose amounts are all wrong: ALLOCATION_MISMATCH says so', () => {
    const wrong = allocations.map((a) => a + 1000);
    const rows: CellSpec[][] = [
      ['OT', 'Asse', 'Denominazione', 'Dotazione finanziaria', '%'],
      ...AXES.map((axis, i) => [null, axis, `Asse ${axis}`, wrong[i], wrong[i] / (total + 5000)]),
      [null, 'TOTALE', null, total + 5000, 1],
    ];
    const a = analyse(grid(sheet('T', rows)));
    expect(a.tables.plan?.rows).toHaveLength(5);
    expect(a.findings.filter((f) => f.rule === 'ALLOCATION_MISMATCH')).toHaveLength(5);
  });

  it('does not take a list of operations whose labels are the axes (one row per axis repeated)', () => {
    const rows: CellSpec[][] = [['Asse', 'Dotazione finanziaria']];
    for (let i = 0; i < 60; i++) rows.push([AXES[i % 5], 1000 + i]);
    expect(locateTables(grid(sheet('Elenco', rows))).plan).toBeNull();
  });

  it('still takes a Tabella 2 whose axis labels are unknown to the model when its header is full', () => {
    const g: Grid = grid(
      sheet('T', [
        ['Assi', 'A', 'B', 'C=B/A', 'D', 'E=D/B', 'F', 'G=F/D', 'H', 'I=H/F'],
        ['Asse A', 10, 9, 0.9, 8, 0.8889, 7, 0.875, 6, 0.8571],
        ['Totale', 10, 9, 0.9, 8, 0.8889, 7, 0.875, 6, 0.8571],
      ]),
    );
    expect(locateTables(g).progress?.rows).toHaveLength(1);
  });
});
