/** Crea tabella indicatori: Tabella 3 from the model, under Tabella 2, live and undoable. */
import { analyse, planIndicatorTable, planUndo } from '../../../src/engine';
import { defaultModel } from '../../../src/model';
import { createMemoryHost } from '../../taskpane/memory-host';
import { INDICATORS, raa } from '../raa-fixture';

const NOW = '2026-12-01T10:00:00.000Z';

describe('planIndicatorTable', () => {
  it('writes Tabella 3 two rows under Tabella 2, one row per model indicator, values empty and the computed columns live', async () => {
    const grid = raa();
    const { plan, refused } = planIndicatorTable(analyse(grid, { lang: 'it' }), { now: NOW });
    expect(refused).toBeNull();
    const at = (cell: string) => plan.cells.find((c) => c.cell === cell);
    // The sheet's last used row is 21 (Tabella 2's totals): caption on 24, header on 25.
    expect(at('A24')).toMatchObject({
      value: 'TABELLA 3. – INDICATORI DI OUTPUT E DI RISULTATO',
      bold: true,
    });
    expect(['A25', 'B25', 'C25', 'D25', 'G25', 'H25', 'I25', 'J25'].map((c) => at(c)?.value)).toEqual([
      'Asse',
      'Priorità',
      'Codice',
      'Indicatore',
      'Valore',
      'Target 2023',
      '% del target',
      'Stato',
    ]);
    const first = defaultModel.indicators[0];
    expect([at('A26')?.value, at('C26')?.value, at('D26')?.value]).toEqual([
      first.axis,
      first.code,
      first.name,
    ]);
    expect(at('G26')).toMatchObject({ value: null });
    expect(at('I26')?.formula).toBe('=IF(OR(G26="",H26="",H26=0),"",G26/H26)');
    expect(at('J26')?.formula).toMatch(
      /^=IF\(I26="","",IF\(I26>=1,"Raggiunto",IF\(I26>=0\.85,"Entro tolleranza"/,
    );
    const rows = defaultModel.indicators.length;
    expect(plan.cells.filter((c) => c.cell.startsWith('I') && c.formula)).toHaveLength(rows);
    // Every written cell was empty and is logged, so Annulla can empty it again.
    expect(plan.cells.every((c) => c.previous?.value === null && c.previous.formula === null)).toBe(true);
    expect(plan.log).toHaveLength(plan.cells.length);
    expect(plan.log.every((e) => e.action === 'indicators')).toBe(true);
  });

  it('is found by the next check, with every model indicator and no value yet; Annulla removes it', async () => {
    const host = createMemoryHost(raa());
    await host.apply(planIndicatorTable(analyse(host.grid, { lang: 'it' }), { now: NOW }).plan);
    const after = analyse(host.grid, { lang: 'it' });
    expect(after.tables.indicators?.rows).toHaveLength(defaultModel.indicators.length);
    expect(after.indicators.every((i) => i.status === 'no-data')).toBe(true);
    // Percentage targets are written as the fraction in a % cell: 30 points read back as 30.
    const cr06 = after.indicators.find((i) => i.code === 'CR06');
    expect(cr06?.target).toBe('30');
    expect(after.findings.filter((f) => f.rule === 'INDICATOR_TARGET_MISMATCH')).toEqual([]);
    const undo = planUndo(host.grid, { lang: 'it', now: '2026-12-01T10:05:00.000Z' });
    if (!undo) throw new Error('nothing to undo');
    await host.apply(undo);
    expect(analyse(host.grid, { lang: 'it' }).tables.indicators).toBeNull();
  });

  it('writes nothing when the workbook already has an indicator table', () => {
    const { plan, refused } = planIndicatorTable(analyse(raa({ indicators: [INDICATORS.CO09(52104)] })));
    expect(refused).toBe('exists');
    expect(plan.cells).toEqual([]);
  });

  it('speaks English in an English run', () => {
    const { plan } = planIndicatorTable(analyse(raa(), { lang: 'en' }), { now: NOW });
    expect(plan.cells.find((c) => c.cell === 'I25')?.value).toBe('% of target');
    expect(plan.cells.find((c) => c.cell === 'A24')?.value).toBe('TABLE 3. – OUTPUT AND RESULT INDICATORS');
  });
});
