import { defaultModel, parseModel } from '../../src/model';
import { analyse } from '../../src/engine/analyse';
import { resolveAxes } from '../../src/engine/axes';
import { locateTables as locateOnly } from '../../src/engine/locate/locate-tables';
import type { Grid } from '../../src/engine/grid';
import type { LocatedTables, ProgressTable, PlanTable } from '../../src/engine/tables';
import otherProgramme from '../fixtures/models/other-programme-1-5.json';
import { allFindings, grid, sheet, type CellSpec } from './grid-builder';
import { INDICATORS, PROGRESS_HEADER_LETTERS, PROGRESS_HEADER_WORDS, raa, raaSheet } from './raa-fixture';

/** Locates the tables and resolves their axes against the Lombardy model, as `analyse` does. */
function locateTables(g: Grid): LocatedTables {
  const tables = locateOnly(g);
  resolveAxes(tables, defaultModel, null);
  return tables;
}

const pct = (v: number, fmt = '0.00%'): CellSpec => ({ v, fmt });
const euro = (v: number): CellSpec => ({ v, fmt: '#,##0.00 [$€-410]' });

/** Tabella 1 body (RAA 2022): OT, Asse, Denominazione, Dotazione, %. */
const PLAN_BODY: CellSpec[][] = [
  ['OT 8', 'Asse I', 'Occupazione', euro(236700000), pct(0.2439)],
  ['OT 9', 'Asse II', 'Inclusione sociale e lotta alla povertà', euro(379000000), pct(0.3905)],
  ['OT 10', 'Asse III', 'Istruzione e Formazione', euro(301900000), pct(0.3111)],
  ['OT 11', 'Asse IV', 'Capacità istituzionale e amministrativa', euro(19114000), pct(0.0197)],
  [null, 'Asse V', 'Assistenza tecnica', euro(33760516), pct(0.0348)],
  [null, 'TOTALE', null, euro(970474516), pct(1)],
];

/** Tabella 2 body (RAA 2022 with the third row labelled III): Asse, A … I as numbers. */
const PROGRESS_NUMBERS: number[][] = [
  [236700000, 290890851.86, 1.2289, 290323449.02, 0.998, 254774002.77, 0.8776, 184444180.19, 0.724],
  [379000000, 326425240.31, 0.8613, 323626680.83, 0.9914, 297276053.64, 0.9186, 243965037.2, 0.8207],
  [301900000, 300923428.71, 0.9968, 294117938.21, 0.9774, 281034588.71, 0.9555, 229093691.59, 0.8152],
  [19114000, 19067780.31, 0.9976, 19067780.15, 1, 13789845.29, 0.7232, 10885134.83, 0.7894],
  [33760516, 33760516, 1, 31541568.45, 0.9343, 25768000.62, 0.817, 23056188.43, 0.8948],
  [970474516, 971067817.19, 1.0006, 958677416.67, 0.9872, 872642491.03, 0.9103, 691444232.24, 0.7924],
];
const LABELS = ['I', 'II', 'III', 'IV', 'V', 'Totale'];
const RATIO_INDEX = [2, 4, 6, 8];

function progressBody(
  cell: (value: number, index: number) => CellSpec = (v, i) => (RATIO_INDEX.includes(i) ? pct(v) : euro(v)),
  labels = LABELS,
): CellSpec[][] {
  return PROGRESS_NUMBERS.map((row, r) => [labels[r], ...row.map((v, i) => cell(v, i))]);
}

const IT_LETTERS = [...PROGRESS_HEADER_LETTERS];
const IT_WORDS = [...PROGRESS_HEADER_WORDS];
const EN_HEADER = [
  'Axis',
  'Allocation',
  'Programmed',
  'C = B/A',
  'Commitments',
  'E = D/B',
  'Payments',
  'G = F/D',
  'Certified expenditure',
  'I = H/F',
];

function expectFullProgress(progress: ProgressTable | null, left: number): void {
  expect(progress).not.toBeNull();
  const p = progress as ProgressTable;
  expect(p.axisColumn).toBe(left);
  expect(p.columns).toEqual({
    A: left + 1,
    B: left + 2,
    C: left + 3,
    D: left + 4,
    E: left + 5,
    F: left + 6,
    G: left + 7,
    H: left + 8,
    I: left + 9,
  });
  expect(p.rows.map((r) => r.label.text)).toEqual(['I', 'II', 'III', 'IV', 'V']);
  expect(p.rows.map((r) => r.axisId)).toEqual(['I', 'II', 'III', 'IV', 'V']);
  expect(p.total?.label.text).toMatch(/^Total/i);
}

function expectFullPlan(plan: PlanTable | null, left: number): void {
  expect(plan).not.toBeNull();
  const p = plan as PlanTable;
  expect(p.columns).toEqual({
    ot: left,
    axis: left + 1,
    name: left + 2,
    allocation: left + 3,
    share: left + 4,
  });
  expect(p.rows.map((r) => r.axisId)).toEqual(['I', 'II', 'III', 'IV', 'V']);
  expect(p.total).not.toBeNull();
}

/** Findings of a grid other than the typed-ratio warnings every table of printed values has. */
function findingsBesidesTyped(g: Grid, options = {}): string[] {
  return allFindings(g, options).filter((f) => !f.startsWith('RATIO_HARDCODED'));
}

describe('locateTables', () => {
  it('finds the RAA layout: captions, a % column without a header, a two-row Tabella 2 header', () => {
    const tables = locateTables(grid(raaSheet()));
    expect(tables.plan).toMatchObject({
      sheet: 'RAA 2022',
      headerTop: 2,
      headerBottom: 2,
      left: 0,
      right: 4,
      caption: 'A1',
      listObject: null,
    });
    expectFullPlan(tables.plan, 0);
    expect(tables.progress).toMatchObject({
      headerTop: 13,
      headerBottom: 14,
      left: 0,
      right: 9,
      caption: 'A12',
    });
    expectFullProgress(tables.progress, 0);
  });

  describe('tables at an offset: Tabella 2 at G30 of the second sheet', () => {
    const rows = [IT_WORDS, IT_LETTERS, ...progressBody()];
    const checkAt = (tables: LocatedTables) => {
      expect(tables.progress).toMatchObject({
        sheet: 'Dati',
        headerTop: 29,
        headerBottom: 30,
        left: 6,
        right: 15,
        caption: null,
      });
      expectFullProgress(tables.progress, 6);
      expect(tables.progress?.rows[0].cells.A?.address).toBe('H32');
    };

    it('as a used range starting at G30', () => {
      checkAt(
        locateTables(
          grid(sheet('Copertina', [['Relazione annuale 2022']]), sheet('Dati', rows, { at: 'G30' })),
        ),
      );
    });

    it('as a used range starting at A1 with empty cells before it', () => {
      const padded = [
        ...Array.from({ length: 29 }, () => [] as CellSpec[]),
        ...rows.map((r) => [null, null, null, null, null, null, ...r]),
      ];
      checkAt(locateTables(grid(sheet('Copertina', [['Relazione annuale 2022']]), sheet('Dati', padded))));
    });

    it('reports findings at the cells where the table is', () => {
      const g = grid(sheet('Dati', [IT_WORDS, IT_LETTERS, ...progressBody()], { at: 'G30' }));
      const found = allFindings(g);
      expect(found).toContain('PROGRESS_ORDER I32 info');
      expect(found).toContain('TOTAL_MISMATCH K37 warning');
      expect(found).toContain('RATIO_HARDCODED J32 warning');
    });
  });

  it('finds tables without captions', () => {
    const tables = locateTables(
      grid(
        sheet('T', [
          ['OT', 'Asse', 'Denominazione', 'Dotazione finanziaria', '%'],
          ...PLAN_BODY,
          [],
          [],
          IT_WORDS,
          IT_LETTERS,
          ...progressBody(),
        ]),
      ),
    );
    expect(tables.plan).toMatchObject({ headerTop: 0, caption: null });
    expectFullPlan(tables.plan, 0);
    expect(tables.progress).toMatchObject({ headerTop: 9, headerBottom: 10, caption: null });
    expectFullProgress(tables.progress, 0);
  });

  it('finds tables in reverse order on one sheet, and only their own rows', () => {
    const tables = locateTables(
      grid(
        sheet('T', [
          IT_WORDS,
          IT_LETTERS,
          ...progressBody(),
          [],
          ['OT', 'Asse', 'Denominazione', 'Dotazione finanziaria', '%'],
          ...PLAN_BODY,
        ]),
      ),
    );
    expectFullProgress(tables.progress, 0);
    expect(tables.plan?.headerTop).toBe(9);
    expectFullPlan(tables.plan, 0);
  });

  describe('notes above a table', () => {
    it('skips single-cell notes between the caption and the header', () => {
      const g = grid(
        sheet('T', [
          ['TABELLA 1. – PIANO FINANZIARIO'],
          ['Fonte: elaborazione su dati del sistema informativo regionale'],
          ['Importi in euro'],
          ['OT', 'ASSE', 'DENOMINAZIONE', 'DOTAZIONE FINANZIARIA', null],
          ...PLAN_BODY,
        ]),
      );
      const tables = locateTables(g);
      expect(tables.plan).toMatchObject({ headerTop: 3, headerBottom: 3, caption: 'A1' });
      expectFullPlan(tables.plan, 0);
    });

    it('does not take a note right above the header for its upper half', () => {
      const g = grid(
        sheet('T', [['Nota: importi in euro, dati al 31/12/2022'], IT_WORDS, IT_LETTERS, ...progressBody()]),
      );
      const tables = locateTables(g);
      expect(tables.progress).toMatchObject({ headerTop: 1, headerBottom: 2 });
      expectFullProgress(tables.progress, 0);
    });

    it('does not take a note for the upper half of a one-row header', () => {
      const g = grid(
        sheet('T', [
          ['Valori in euro'],
          ['OT', 'Asse', 'Denominazione', 'Dotazione finanziaria', '%'],
          ...PLAN_BODY,
        ]),
      );
      expect(locateTables(g).plan).toMatchObject({ headerTop: 1, headerBottom: 1 });
    });
  });

  describe('English headers', () => {
    const g = grid(
      sheet('Tables', [
        ['Table 1. Financial plan'],
        ['TO', 'Priority axis', 'Name', 'Allocation (EUR)', '% of total'],
        ...PLAN_BODY.map((r, i) => (i === 5 ? [null, 'Total', null, r[3], r[4]] : r)),
        [],
        ['Table 2. Financial progress'],
        EN_HEADER,
        ...progressBody(undefined, ['I', 'II', 'III', 'IV', 'V', 'Total']),
      ]),
    );

    it('finds both tables with every column', () => {
      const tables = locateTables(g);
      expectFullPlan(tables.plan, 0);
      expect(tables.plan?.caption).toBe('A1');
      expectFullProgress(tables.progress, 0);
      expect(tables.progress?.caption).toBe('A10');
    });

    it("gives the RAA's findings and no missing table or column", () => {
      expect(findingsBesidesTyped(g)).toEqual(['TOTAL_MISMATCH E17 warning', 'PROGRESS_ORDER C12 info']);
    });

    it('reads English words without letters', () => {
      const words = [
        'Axis',
        'Allocation',
        'Programmed',
        'Programmed / allocation (%)',
        'Commitments',
        'Commitment rate',
        'Payments',
        'Payment rate',
        'Certified expenditure',
        'Certified / payments (%)',
      ];
      expectFullProgress(
        locateTables(
          grid(sheet('T', [words, ...progressBody(undefined, ['I', 'II', 'III', 'IV', 'V', 'Total'])])),
        ).progress,
        0,
      );
    });
  });

  describe('header text', () => {
    it('tolerates line breaks, accents, extra spaces and upper case', () => {
      const words = [
        'ASSI',
        'Dotazione\nfinanziaria',
        '  PROGRAMMATO ',
        'Avanzamento\r\nprogrammato',
        'Impegni',
        'AVANZAMENTO   IMPEGNI',
        'Pagamenti\u00a0ai beneficiari',
        'Avanzamento pagamenti',
        'Spesa   certificata',
        'Avanzamento\nspesa certificata',
      ];
      const letters = [null, '(A)', 'B', 'C = B / A', ' D ', 'E=D/B', 'F', 'G = F/D', 'H', 'I= H/F'];
      const tables = locateTables(grid(sheet('T', [words, letters, ...progressBody()])));
      expect(tables.progress).toMatchObject({ headerTop: 0, headerBottom: 1 });
      expectFullProgress(tables.progress, 0);
    });

    it('reads a one-row header of words only', () => {
      expectFullProgress(locateTables(grid(sheet('T', [IT_WORDS, ...progressBody()]))).progress, 0);
    });

    it('reads a one-row header of letters only, the axis column to their left', () => {
      const tables = locateTables(grid(sheet('T', [IT_LETTERS, ...progressBody()])));
      expectFullProgress(tables.progress, 0);
    });

    it('reads a Tabella 1 with DOTAZIONE FINANZIARIA above € and %', () => {
      const g = grid(
        sheet('T', [
          ['OT', 'ASSE', 'DENOMINAZIONE', 'DOTAZIONE FINANZIARIA', null],
          [null, null, null, '€', '%'],
          ...PLAN_BODY,
        ]),
      );
      const tables = locateTables(g);
      expect(tables.plan).toMatchObject({ headerTop: 0, headerBottom: 1 });
      expectFullPlan(tables.plan, 0);
      expect(tables.plan?.rows[0].allocation?.address).toBe('D3');
    });

    it('reads accented and abbreviated Tabella 1 headers', () => {
      const g = grid(
        sheet('T', [['O.T.', 'Asse prioritario', 'Descrizione', 'Risorse (€)', 'Quota %'], ...PLAN_BODY]),
      );
      expectFullPlan(locateTables(g).plan, 0);
    });
  });

  describe('Excel tables (ListObjects)', () => {
    it('names the ListObject a table was found in', () => {
      const g = grid(
        sheet('T', [IT_WORDS, ...progressBody()], { tables: [{ name: 'Avanzamento', range: 'A1:J7' }] }),
      );
      expect(locateTables(g).progress?.listObject).toBe('Avanzamento');
    });

    it("takes a ListObject's placeholder header (Colonna1) for no header", () => {
      const g = grid(
        sheet('T', [['OT', 'Asse', 'Denominazione', 'Dotazione finanziaria', 'Colonna1'], ...PLAN_BODY], {
          tables: [{ name: 'Piano', range: "'T'!A1:E7" }],
        }),
      );
      const tables = locateTables(g);
      expect(tables.plan?.listObject).toBe('Piano');
      expectFullPlan(tables.plan, 0);
      expect(allFindings(g).filter((f) => f.startsWith('COLUMN_MISSING'))).toEqual([]);
    });
  });

  describe('numbers pasted as text', () => {
    const itText = (v: number, i: number): CellSpec => {
      if (!RATIO_INDEX.includes(i))
        return `${v.toLocaleString('it-IT', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} €`;
      const text = (v * 100).toLocaleString('it-IT', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
      return i === 2 ? `${text}\u00a0%` : `${text}%`;
    };

    it('reads Italian text (236.700.000,00 €, 122,89 % with a NBSP) with TEXT_NUMBER warnings and correct ratios', () => {
      const g = grid(sheet('T', [IT_WORDS, IT_LETTERS, ...progressBody(itText)]));
      expect(itText(236700000, 0)).toBe('236.700.000,00 €');
      expect(itText(1.2289, 2)).toBe('122,89\u00a0%');
      const tables = locateTables(g);
      expectFullProgress(tables.progress, 0);
      expect(tables.progress?.rows[0].cells.A?.value?.toString()).toBe('236700000');
      expect(tables.progress?.rows[0].cells.C?.value?.toString()).toBe('1.2289');
      const found = allFindings(g);
      expect(found.filter((f) => f.startsWith('TEXT_NUMBER'))).toHaveLength(54);
      expect(found.filter((f) => /^(RATIO_MISMATCH|NOT_A_NUMBER|COLUMN_MISSING)/.test(f))).toEqual([]);
    });

    it('reads English text when the workbook is in English', () => {
      const enText = (v: number, i: number): CellSpec =>
        RATIO_INDEX.includes(i)
          ? `${(v * 100).toFixed(2)}%`
          : v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
      const g: Grid = {
        ...grid(sheet('T', [EN_HEADER, ...progressBody(enText, ['I', 'II', 'III', 'IV', 'V', 'Total'])])),
        locale: 'en',
      };
      const tables = locateTables(g);
      expectFullProgress(tables.progress, 0);
      expect(tables.progress?.rows[3].cells.B?.value?.toString()).toBe('19067780.31');
      expect(allFindings(g).filter((f) => f.startsWith('RATIO_MISMATCH'))).toEqual([]);
    });

    it('lets the locale decide 1.234', () => {
      const body = (text: string): CellSpec[][] => [
        ['Asse', 'Dotazione'],
        ['Asse I', text],
      ];
      expect(locateTables(grid(sheet('T', body('1.234')))).plan?.rows[0].allocation?.value?.toString()).toBe(
        '1234',
      );
      expect(
        locateTables({
          ...grid(sheet('T', body('1.234'))),
          locale: 'en',
        }).plan?.rows[0].allocation?.value?.toString(),
      ).toBe('1.234');
    });
  });

  it('reads percentages as points (24.39) in General-format columns', () => {
    const points = (v: number, i: number): CellSpec =>
      RATIO_INDEX.includes(i) ? Math.round(v * 10000) / 100 : euro(v);
    const g = grid(
      sheet('T', [
        ['OT', 'Asse', 'Denominazione', 'Dotazione finanziaria', '%'],
        ...PLAN_BODY.map((r) => [...r.slice(0, 4), Math.round((r[4] as { v: number }).v * 10000) / 100]),
        [],
        IT_WORDS,
        IT_LETTERS,
        ...progressBody(points),
      ]),
    );
    const tables = locateTables(g);
    expect(tables.plan?.rows[0].share?.value?.toString()).toBe('0.2439');
    expect(tables.progress?.rows[0].cells.C?.value?.toString()).toBe('1.2289');
    expect(tables.progress?.rows[0].cells.C?.decimals).toBe(2);
    expect(allFindings(g).filter((f) => /RATIO_MISMATCH|SHARE_MISMATCH/.test(f))).toEqual([]);
  });

  describe('a programme whose axes are 1…5', () => {
    const parsed = parseModel(otherProgramme);
    if (!parsed.ok) throw new Error(parsed.error);
    const model = parsed.model;
    const allocations = model.versions[0].axes.map((a) => Number(a.allocation));
    const total = allocations.reduce((a, b) => a + b);
    const g = grid(
      sheet('Veneto', [
        ['OT', 'Asse', 'Denominazione', 'Dotazione finanziaria', '%'],
        ['8', 'Asse 1', 'Occupabilità', allocations[0], pct(allocations[0] / total)],
        ['9', '2', 'Inclusione sociale', allocations[1], pct(allocations[1] / total)],
        ['10', 'Asse prioritario 3', 'Istruzione e formazione', allocations[2], pct(allocations[2] / total)],
        ['11', 4, 'Capacità istituzionale', allocations[3], pct(allocations[3] / total)],
        [null, 'Asse 5', 'Assistenza tecnica', allocations[4], pct(allocations[4] / total)],
        [null, 'Totale', null, total, pct(1)],
      ]),
    );

    it('resolves Asse 1, 2, Asse prioritario 3, the number 4 and Asse 5', () => {
      const a = analyse(g, { model });
      expect(a.tables.plan?.rows.map((r) => r.axisId)).toEqual(['1', '2', '3', '4', '5']);
      expect(a.version.id).toBe('2015-initial');
      expect(a.versionChoice.how).toBe('matched');
      expect(a.findings.map((f) => f.rule)).toEqual(['TABLE_NOT_FOUND']);
    });

    it('reads them against the Lombardy model by its aliases (Asse 1 … Asse 5) only', () => {
      const a = analyse(g, { model: defaultModel });
      expect(a.tables.plan?.rows.map((r) => r.axisId)).toEqual(['I', null, 'III', null, 'V']);
      expect(a.findings.filter((f) => f.rule === 'AXIS_UNKNOWN').map((f) => f.cell)).toEqual(['B3', 'B5']);
    });
  });

  it("never reads the add-in's own sheets", () => {
    const tables = locateTables(
      grid(
        raaSheet({ sheetName: 'Report POR' }),
        raaSheet({ sheetName: 'Rilievi POR' }),
        raaSheet({ sheetName: 'Dati' }),
      ),
    );
    expect(tables.plan?.sheet).toBe('Dati');
    expect(tables.progress?.sheet).toBe('Dati');
  });

  it('takes the first table of each kind', () => {
    const tables = locateTables(
      grid(raaSheet({ sheetName: 'Uno', progress: false }), raaSheet({ sheetName: 'Due' })),
    );
    expect(tables.plan?.sheet).toBe('Uno');
    expect(tables.progress?.sheet).toBe('Due');
  });
});

describe('tables without a blank row between them', () => {
  it('ends Tabella 1 (no total row) at the Tabella 2 header below it', () => {
    const g = grid(
      sheet('T', [
        ['OT', 'Asse', 'Denominazione', 'Dotazione finanziaria', '%'],
        ...PLAN_BODY.slice(0, 5),
        IT_WORDS,
        IT_LETTERS,
        ...progressBody(),
      ]),
    );
    const tables = locateTables(g);
    expect(tables.plan?.rows.map((r) => r.axisId)).toEqual(['I', 'II', 'III', 'IV', 'V']);
    expect(tables.progress).toMatchObject({ headerTop: 6, headerBottom: 7 });
    expectFullProgress(tables.progress, 0);
    expect(findingsBesidesTyped(g)).toEqual(['TOTAL_MISMATCH E14 warning', 'PROGRESS_ORDER C9 info']);
  });

  it('ends Tabella 2 (no total row) at the Tabella 3 header below it', () => {
    const g = grid(
      sheet('T', [
        IT_WORDS,
        IT_LETTERS,
        ...progressBody().slice(0, 5),
        ['Asse', 'Priorità', 'Codice', 'Indicatore', 'Tipo', 'Unità', 'Valore', 'Target 2023'],
        ['III', null, 'CO09', 'Titolari di un diploma ISCED 1 o ISCED 2', 'output', 'numero', 52104, 56645],
      ]),
    );
    const tables = locateTables(g);
    expect(tables.progress?.rows).toHaveLength(5);
    expect(tables.indicators?.headerTop).toBe(7);
    expect(tables.indicators?.rows).toHaveLength(1);
  });

  it('keeps a Tabella 1 row whose amounts are empty', () => {
    const g = grid(
      sheet('T', [
        ['OT', 'Asse', 'Denominazione', 'Dotazione finanziaria', '%'],
        ...PLAN_BODY.slice(0, 4),
        [null, 'Asse V', 'Assistenza tecnica', null, null],
        PLAN_BODY[5],
      ]),
    );
    expect(locateTables(g).plan?.rows).toHaveLength(5);
  });
});

describe('total rows', () => {
  it.each(['Totale', 'TOTALE POR', 'Tot.', 'Grand total'])('takes %j for the totals row', (label) => {
    const tables = locateTables(
      grid(
        sheet('T', [IT_WORDS, IT_LETTERS, ...progressBody(undefined, ['I', 'II', 'III', 'IV', 'V', label])]),
      ),
    );
    expect(tables.progress?.rows).toHaveLength(5);
    expect(tables.progress?.total?.label.text).toBe(label);
  });
});

describe('merged upper header cells', () => {
  it('reads Impegni over € and % as D and E', () => {
    const upper = [
      'Asse',
      'Dotazione',
      'Programmato',
      null,
      'Impegni',
      null,
      'Pagamenti',
      null,
      'Spesa certificata',
      null,
    ];
    const lower = [null, '€', '€', '%', '€', '%', '€', '%', '€', '%'];
    const tables = locateTables(grid(sheet('T', [upper, lower, ...progressBody()])));
    expect(tables.progress).toMatchObject({ headerTop: 0, headerBottom: 1 });
    expectFullProgress(tables.progress, 0);
  });

  it('does not spread a group title over the columns of a full header below it', () => {
    const upper = [null, 'Risorse', null, 'Avanzamento finanziario', null, null, null, null, null, null];
    const tables = locateTables(grid(sheet('T', [upper, IT_WORDS, ...progressBody()])));
    expectFullProgress(tables.progress, 0);
  });
});

describe('tables side by side', () => {
  const planRows: CellSpec[][] = [
    ['OT', 'Asse', 'Denominazione', 'Dotazione finanziaria', '%'],
    ...PLAN_BODY,
  ];
  const progressRows: CellSpec[][] = [IT_WORDS, IT_LETTERS, ...progressBody()];
  const beside = (left: CellSpec[][], right: CellSpec[][], gap = 1) => {
    const width = Math.max(...left.map((r) => r.length));
    return Array.from({ length: Math.max(left.length, right.length) }, (_, i) => {
      const l = [...(left[i] ?? [])];
      while (l.length < width + gap) l.push(null);
      return [...l, ...(right[i] ?? [])];
    });
  };

  it('finds Tabella 1 (A–E) and Tabella 2 (G–P) on the same rows', () => {
    const g = grid(sheet('T', beside(planRows, progressRows)));
    const tables = locateTables(g);
    expect(tables.plan).toMatchObject({ headerTop: 0, headerBottom: 0, left: 0, right: 4 });
    expectFullPlan(tables.plan, 0);
    expect(tables.progress).toMatchObject({ headerTop: 0, headerBottom: 1, left: 6, right: 15 });
    expectFullProgress(tables.progress, 6);
    expect(findingsBesidesTyped(g)).toEqual(['TOTAL_MISMATCH K8 warning', 'PROGRESS_ORDER I3 info']);
  });

  it('gives each table its own caption', () => {
    const tables = locateTables(
      grid(sheet('T', beside([['TABELLA 1'], [], ...planRows], [['TABELLA 2'], [], ...progressRows]))),
    );
    expect(tables.plan?.caption).toBe('A1');
    expect(tables.progress?.caption).toBe('G1');
  });

  it('finds Tabella 2 (A–J) with Tabella 1 to its right (L–P)', () => {
    const tables = locateTables(grid(sheet('T', beside(progressRows, planRows))));
    expectFullProgress(tables.progress, 0);
    expectFullPlan(tables.plan, 11);
  });
});

describe('notes below a table', () => {
  it('ends Tabella 2 without a totals row at a source note right below it', () => {
    const g = grid(
      sheet('T', [
        IT_WORDS,
        IT_LETTERS,
        ...progressBody().slice(0, 5),
        ['Fonte: elaborazione su dati del sistema informativo SIAGE'],
        ['(*) dati provvisori'],
      ]),
    );
    expect(locateTables(g).progress?.rows).toHaveLength(5);
    expect(allFindings(g).filter((f) => f.startsWith('AXIS_'))).toEqual([]);
  });

  it('ends Tabella 1 at a note below its totals row', () => {
    const g = grid(
      sheet('T', [
        ['OT', 'Asse', 'Denominazione', 'Dotazione finanziaria', '%'],
        ...PLAN_BODY,
        [null, 'Nota: importi in euro'],
      ]),
    );
    expect(locateTables(g).plan?.rows).toHaveLength(5);
  });
});

describe('an indicator table whose first row has no number yet', () => {
  it('keeps that row as data, not as the lower half of the header', () => {
    const g = raa({
      indicators: [INDICATORS.CO09(null, null), INDICATORS.CO09(52104)],
      cells: { I26: null, J26: null },
    });
    const table = locateTables(g).indicators;
    expect(table?.headerTop).toBe(25);
    expect(table?.headerBottom).toBe(25);
    expect(table?.rows.map((r) => r.row)).toEqual([26, 27]);
  });
});
