import { roundExcel } from './excel-round';
import Decimal from 'decimal.js';
import type { NumberCell } from './cells';
import { normalizeHeader } from './locate/header-text';
import type { AxisIdentity, LocatedTables } from './tables';
import type { ProgrammeAxis, ProgrammeModel, ProgrammeVersion } from '../model/types';

const AXIS_PREFIX = /^(asse prioritario|priority axis|asse|axis|pa)\s*(n\.?|nr\.?|no\.?)?\s*/;

/** The model axis a label names: its id (`I`, `1`), `Asse I`, an alias or the axis name; `null` if none. */
export function axisIdOfLabel(label: string, axes: readonly ProgrammeAxis[]): string | null {
  const text = normalizeHeader(label).replace(/[“”"«»]/g, '');
  if (text === '') return null;
  const stripped = text.replace(AXIS_PREFIX, '').trim();
  for (const candidate of [text, stripped]) {
    const byId = axes.find((a) => normalizeHeader(a.id) === candidate);
    if (byId) return byId.id;
    const byAlias = axes.find(
      (a) =>
        a.aliases.some((alias) => normalizeHeader(alias) === candidate) ||
        normalizeHeader(a.name) === candidate,
    );
    if (byAlias) return byAlias.id;
  }
  // `Asse prioritario 3` for the alias `Asse 3`: both with their prefix stripped (a bare `3` is not enough).
  if (stripped !== text && stripped !== '') {
    const byPrefixedAlias = axes.find((a) =>
      a.aliases.some((alias) => {
        const normal = normalizeHeader(alias);
        const bare = normal.replace(AXIS_PREFIX, '').trim();
        return bare !== normal && bare === stripped;
      }),
    );
    if (byPrefixedAlias) return byPrefixedAlias.id;
  }
  // `Asse I - Occupazione`, `I. Occupazione`: the first token is the id.
  const firstToken = stripped.split(/[^a-z0-9]+/).filter(Boolean)[0];
  if (firstToken && firstToken !== stripped) {
    const byToken = axes.find((a) => normalizeHeader(a.id) === firstToken);
    if (byToken) return byToken.id;
  }
  return null;
}

/** Every axis id any version knows, in the newest version's order, with the newest definition. */
export function knownAxes(model: ProgrammeModel): ProgrammeAxis[] {
  const byId = new Map<string, ProgrammeAxis>();
  for (const version of model.versions) for (const axis of version.axes) byId.set(axis.id, axis);
  return [...byId.values()];
}

/**
 * Fills `labelAxisId` and `axisId` of every axis row. A label used twice (the RAA 2022 prints `II`
 * for Asse III) is resolved by the amounts: the row is the axis whose allocation it holds, taken
 * from Tabella 1 of the workbook first and from the model's versions after.
 */
export function resolveAxes(
  tables: LocatedTables,
  model: ProgrammeModel,
  preferred: ProgrammeVersion | null,
): void {
  const axes = knownAxes(model);
  const versions = preferred
    ? [preferred, ...[...model.versions].reverse().filter((v) => v !== preferred)]
    : [...model.versions].reverse();
  const sources: Map<string, Decimal>[] = versions.map(
    (v) => new Map(v.axes.map((a) => [a.id, new Decimal(a.allocation)])),
  );

  if (tables.plan) {
    resolveRows(tables.plan.rows, (row) => row.allocation, axes, sources);
    const fromWorkbook = new Map<string, Decimal>();
    for (const row of tables.plan.rows)
      if (row.axisId && row.allocation?.value) fromWorkbook.set(row.axisId, row.allocation.value);
    sources.unshift(fromWorkbook);
  }
  if (tables.progress) resolveRows(tables.progress.rows, (row) => row.cells.A ?? null, axes, sources);
}

function resolveRows<R extends AxisIdentity>(
  rows: R[],
  amountOf: (row: R) => NumberCell | null,
  axes: readonly ProgrammeAxis[],
  sources: Map<string, Decimal>[],
): void {
  for (const row of rows) {
    row.labelAxisId = axisIdOfLabel(row.label.text, axes);
    row.axisId = row.labelAxisId;
  }
  const labelled = new Set(rows.map((r) => r.labelAxisId).filter((id): id is string => id !== null));
  const groups = new Map<string, R[]>();
  for (const row of rows) {
    if (!row.labelAxisId) continue;
    groups.set(row.labelAxisId, [...(groups.get(row.labelAxisId) ?? []), row]);
  }
  const claimed = new Set(labelled);
  for (const [labelId, group] of groups) {
    if (group.length < 2) continue;
    // The label's axis goes to the row holding its amounts, else to the first row that points nowhere else.
    const owner =
      group.find((r) => amountIs(r, labelId)) ?? group.find((r) => pointedAxis(r) === null) ?? null;
    for (const row of group) {
      if (row === owner) continue;
      const other = pointedAxis(row);
      row.axisId = other && !claimed.has(other) ? other : null;
      if (row.axisId) claimed.add(row.axisId);
    }
  }

  function amountIs(row: R, axisId: string): boolean {
    const amount = amountOf(row)?.value;
    if (!amount) return false;
    return sources.some((s) => sameAmount(s.get(axisId), amount));
  }

  function pointedAxis(row: R): string | null {
    const amount = amountOf(row)?.value;
    if (!amount) return null;
    for (const source of sources) {
      for (const [axisId, allocation] of source) {
        if (sameAmount(allocation, amount) && !labelled.has(axisId)) return axisId;
      }
    }
    return null;
  }
}

/** Versions whose allocations the workbook's Tabella 1 (or else Tabella 2 column A) holds exactly. */
export function matchingVersions(model: ProgrammeModel, tables: LocatedTables): string[] {
  const amounts = new Map<string, Decimal>();
  if (tables.plan) {
    for (const row of tables.plan.rows)
      if (row.axisId && row.allocation?.value) amounts.set(row.axisId, row.allocation.value);
  } else if (tables.progress) {
    for (const row of tables.progress.rows)
      if (row.axisId && row.cells.A?.value) amounts.set(row.axisId, row.cells.A.value);
  }
  if (amounts.size === 0) return [];
  return model.versions
    .filter(
      (v) =>
        v.axes.length === amounts.size &&
        v.axes.every((a) => sameAmount(amounts.get(a.id), new Decimal(a.allocation))),
    )
    .map((v) => v.id);
}

/** Amounts are equal when they print equal: at the cent, rounded like Excel. */
function sameAmount(a: Decimal | undefined, b: Decimal): boolean {
  return a !== undefined && roundExcel(a, 2).equals(roundExcel(b, 2));
}
