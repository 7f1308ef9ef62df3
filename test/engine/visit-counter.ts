/**
 * Work counted without a clock: a Proxy over each array of a sheet counts every index read, so a
 * test can say "analyse read at most k cells per cell held" on any machine.
 */
import type { SheetGrid } from '../../src/engine/grid';

export class VisitCounter {
  visits = 0;

  wrap<T>(items: T[]): T[] {
    return new Proxy(items, {
      get: (target, key, receiver) => {
        if (typeof key === 'string' && /^\d+$/.test(key)) this.visits += 1;
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
  }

  /** The sheet with its row arrays and every row wrapped (holes stay holes). */
  wrapSheet(sheet: SheetGrid): SheetGrid {
    const rows = <T>(table: T[][]): T[][] => {
      const out: T[][] = [];
      // Stretched by one entry set and taken back: setting `length` to a million allocates.
      if (table.length > 0) {
        out[table.length - 1] = [];
        delete out[table.length - 1];
      }
      for (const r of Object.keys(table)) out[Number(r)] = this.wrap(table[Number(r)]);
      return this.wrap(out);
    };
    return {
      ...sheet,
      values: rows(sheet.values),
      formulas: rows(sheet.formulas),
      numberFormats: rows(sheet.numberFormats),
    };
  }
}
