import { emptyPlan } from '../../src/engine/plan';
import type { Grid, WritePlan } from '../../src/engine';
import { conflictsRequest, describeTouch } from '../../src/taskpane/confirmation';
import { it as italian } from '../../src/taskpane/i18n';
import { isEmptyPlan, summarizePlan, withReplace } from '../../src/taskpane/planSummary';
import { sheetFromRows } from './memory-host';

const grid: Grid = { sheets: [sheetFromRows('RAA 2022', [['x']]), sheetFromRows('Report POR', [['old']])] };

function plan(change: Partial<WritePlan>): WritePlan {
  return { ...emptyPlan('fill', '2022-12'), ...change };
}

describe('what a plan touches', () => {
  it('counts cells in existing and new sheets, and names the sheets', () => {
    const p = plan({
      cells: [
        { sheet: 'RAA 2022', cell: 'D12', formula: '=IF(B12=0,"",C12/B12)' },
        { sheet: 'RAA 2022', cell: 'D13', formula: '=IF(B13=0,"",C13/B13)' },
      ],
      sheets: [
        { name: 'report por', replace: false, cells: [{ sheet: 'report por', cell: 'A1', value: 'x' }] },
      ],
    });
    const summary = summarizePlan(p, grid);
    expect(summary.cells).toBe(3);
    expect(summary.changedSheets).toEqual(['RAA 2022']);
    // Excel's sheet names ignore case: this one would replace "Report POR".
    expect(summary.replacedSheets).toEqual(['report por']);
    expect(withReplace(p).sheets[0].replace).toBe(true);
    // The sheet that exists is replaced, not created: the replace dialog says so, not "Creerà".
    expect(describeTouch(p, grid, italian)).toEqual([
      'Scriverà 2 celle in 1 foglio (RAA 2022).',
      'Ogni modifica viene scritta nel foglio «Registro POR Tables» e si può annullare con Annulla.',
    ]);
  });

  it('treats a plan that only removes conditional formats as a change', () => {
    const undoFlag = plan({
      removeConditionalFormats: [{ sheet: 'RAA 2022', range: 'D12:D17', formula: '=D12>1' }],
    });
    expect(isEmptyPlan(undoFlag)).toBe(false);
    expect(isEmptyPlan(plan({ log: [] }))).toBe(true);
    expect(describeTouch(undoFlag, grid, italian)[0]).toBe(
      'Toglierà 1 formattazione condizionale da 1 foglio (RAA 2022).',
    );
  });

  it('lists the first few conflicting cells and how many more', () => {
    const conflicts = Array.from({ length: 8 }, (_, i) => ({
      sheet: 'RAA 2022',
      cell: `D${12 + i}`,
      current: { value: 1, formula: null, numberFormat: '0.00%' },
      proposed: `=C${12 + i}/B${12 + i}`,
      reason: 'typed-value' as const,
    }));
    const request = conflictsRequest(plan({ conflicts }), plan({}), grid, italian);
    expect(request.kind).toBe('conflicts');
    expect(request.okLabel).toBe('Sovrascrivi');
    expect(request.onlyEmptyLabel).toBe('Solo celle vuote');
    expect(request.paragraphs[0]).toContain('8 celle');
    expect(request.paragraphs[0]).toContain('RAA 2022!D16 e altre 3');
  });
});
