import { emptyPlan } from '../../src/engine/plan';
import type { WritePlan } from '../../src/engine';
import { undoRequest } from '../../src/taskpane/confirmation';
import { en, it as italian } from '../../src/taskpane/i18n';
import { describeOutcome, formatLogTime, undoneAction } from '../../src/taskpane/outcome';
import { placesOf, rangeNames } from '../../src/taskpane/places';
import { actionLabel } from '../../src/taskpane/usePaneWorkflow';
import { sheetFromRows } from './memory-host';

const ratios = ['D', 'F', 'H', 'J'].flatMap((col) => [16, 17, 18, 19, 20, 21].map((row) => `${col}${row}`));

describe('where a write landed', () => {
  it('gathers the computed columns of Tabella 2 into one block, the indicators into another', () => {
    const cells = [
      ...ratios.map((cell) => ({ sheet: 'RAA 2022', cell })),
      ...['I27', 'J27', 'I28', 'J28'].map((cell) => ({ sheet: 'RAA 2022', cell })),
      { sheet: 'Indicatori', cell: 'K5' },
    ];
    expect(placesOf(cells)).toEqual([
      { sheet: 'RAA 2022', range: 'D16:J21', count: 24 },
      { sheet: 'RAA 2022', range: 'I27:J28', count: 4 },
      { sheet: 'Indicatori', range: 'K5', count: 1 },
    ]);
  });

  it('lists ranges once, top to bottom', () => {
    expect(
      rangeNames([
        { sheet: 'RAA 2022', range: 'G27:G44' },
        { sheet: 'RAA 2022', range: 'E16:E20' },
        { sheet: 'RAA 2022', range: 'G27:G44' },
        { sheet: 'RAA 2022', range: 'C16:C20' },
      ]),
    ).toEqual(['RAA 2022!C16:C20', 'RAA 2022!E16:E20', 'RAA 2022!G27:G44']);
  });

  it('writes a log time in local time, Italian and English style', () => {
    const local = new Date(2026, 11, 1, 10, 32).toISOString();
    expect(formatLogTime(local, 'it')).toBe('01/12/2026 10:32');
    expect(formatLogTime(local, 'en')).toBe('2026-12-01 10:32');
  });
});

function undoOfFill(): WritePlan {
  const time = new Date(2026, 11, 1, 10, 32).toISOString();
  return {
    ...emptyPlan('undo', '2022-12'),
    cells: ratios.map((cell) => ({ sheet: 'RAA 2022', cell, value: 1, numberFormat: '0.00%' })),
    log: [
      {
        time: 'now',
        action: 'undo',
        modelVersion: '2022-12',
        sheet: '',
        cell: '',
        old: 'fill',
        oldFormat: '',
        new: `undo:${time} fill`,
      },
    ],
  };
}

describe('the undo dialog and its outcome', () => {
  it('names the action it reverses, when it ran and what it restores; its button is Ripristina', () => {
    const plan = undoOfFill();
    expect(undoneAction(plan)).toEqual({ action: 'fill', time: new Date(2026, 11, 1, 10, 32).toISOString() });
    const request = undoRequest(plan, italian, 'it', (a) => actionLabel(a, italian));
    expect(request.title).toBe('Annullare «Compila» del 01/12/2026 10:32?');
    expect(request.paragraphs).toEqual([
      'Ripristina 24 celle di RAA 2022 (RAA 2022!D16:J21) com’erano prima.',
    ]);
    expect(request.okLabel).toBe('Ripristina');
    expect(request.okLabel).not.toBe(italian.actionUndo);
    expect(undoRequest(plan, en, 'en', (a) => actionLabel(a, en)).title).toBe(
      'Undo “Fill” of 2026-12-01 10:32?',
    );
  });

  it('for a report: the sheets it deletes; the status names them', () => {
    const plan: WritePlan = { ...undoOfFill(), cells: [], deleteSheets: ['Report POR', 'Rilievi POR'] };
    const request = undoRequest(plan, italian, 'it', (a) => actionLabel(a, italian));
    expect(request.paragraphs).toEqual(['Elimina 2 fogli: Report POR, Rilievi POR.']);
    const grid = { sheets: [sheetFromRows('RAA 2022', [['x']])] };
    expect(describeOutcome(plan, { cellsWritten: 0, sheetsCreated: [], syncs: 2 }, grid, italian)).toBe(
      'fogli eliminati: Report POR, Rilievi POR',
    );
  });

  it('after a write: cells per block, formats and their ranges, sheets created', () => {
    const grid = { sheets: [sheetFromRows('RAA 2022', [['x']])] };
    const fill: WritePlan = {
      ...emptyPlan('fill', '2022-12'),
      cells: [...ratios, 'I27', 'J27'].map((cell) => ({ sheet: 'RAA 2022', cell, formula: '=1' })),
    };
    expect(describeOutcome(fill, { cellsWritten: 26, sheetsCreated: [], syncs: 2 }, grid, italian)).toBe(
      '26 celle scritte in RAA 2022!D16:J21 (24), RAA 2022!I27:J27 (2)',
    );
    const format = { sheet: 'RAA 2022', formula: '=A1', fill: '#fff', fontColor: '#000', label: '' };
    const flag: WritePlan = {
      ...emptyPlan('flag', '2022-12'),
      conditionalFormats: [
        { ...format, range: 'G27:G44' },
        { ...format, range: 'G27:G44' },
        { ...format, range: 'E16:E20' },
      ],
    };
    expect(describeOutcome(flag, { cellsWritten: 0, sheetsCreated: [], syncs: 2 }, grid, italian)).toBe(
      '3 formattazioni condizionali aggiunte in RAA 2022!E16:E20, RAA 2022!G27:G44',
    );
  });
});

describe('Italian strings', () => {
  it('address the user in one register (tu), never in the first person', () => {
    const texts = Object.values(italian).join('\n');
    expect(texts).not.toMatch(/\b(non riesco|ho trovato|uso la|riesco)\b/i);
    expect(texts).not.toMatch(/\b(Prema|Controlli|Riprovi|Inserisca|Usi)\b/);
    expect(italian.modelUnreadable).toMatch(/Controlla/);
  });
});
