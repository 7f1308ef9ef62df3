import type { TableKind } from '../../finding';
import type { AxisIdentity, LocatedTables } from '../../tables';

/** The axis rows of Tabella 1 and 2 (totals excluded), with the table each belongs to. */
export function axisRowsOf(
  tables: LocatedTables,
): { table: TableKind; sheet: string; rows: AxisIdentity[]; header: { headerTop: number; left: number } }[] {
  const out = [];
  if (tables.plan)
    out.push({
      table: 'plan' as const,
      sheet: tables.plan.sheet,
      rows: tables.plan.rows,
      header: tables.plan,
    });
  if (tables.progress)
    out.push({
      table: 'progress' as const,
      sheet: tables.progress.sheet,
      rows: tables.progress.rows,
      header: tables.progress,
    });
  return out;
}
