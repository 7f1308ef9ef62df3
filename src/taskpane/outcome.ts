import type { ApplyResult, Grid, Lang, WritePlan } from '../engine';
import { count, format, listFew } from './i18n';
import type { Strings } from './i18n';
import { placeName, placesOf, rangeNames } from './places';
import { summarizePlan } from './planSummary';

/** The action an undo plan reverses, from the marker its last log entry carries (`undo:<time> <action>`). */
export function undoneAction(plan: WritePlan): { action: string; time: string } | null {
  for (const entry of plan.log) {
    if (entry.cell !== '' || typeof entry.new !== 'string') continue;
    const m = /^undo:(\S+) (\S+)$/.exec(entry.new);
    if (m) return { time: m[1], action: m[2] };
  }
  return null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A log time as people read it, in local time: `01/12/2026 10:32` (Italian), `2026-12-01 10:32` (English). */
export function formatLogTime(iso: string, lang: Lang): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const time = `${pad(date.getHours())}:${pad(date.getMinutes())}`;
  const [y, m, d] = [date.getFullYear(), pad(date.getMonth() + 1), pad(date.getDate())];
  return lang === 'it' ? `${d}/${m}/${y} ${time}` : `${y}-${m}-${d} ${time}`;
}

/** `RAA 2022!D16:J21 (24), RAA 2022!M38:N45 (16)`: the blocks the cells make, with counts when asked. */
export function placesList(
  cells: readonly { sheet: string; cell: string }[],
  strings: Strings,
  withCounts = true,
): string {
  const places = placesOf(cells);
  const names = places.map((p) =>
    withCounts && places.length > 1
      ? format(strings.placeCount, { place: placeName(p), n: p.count })
      : placeName(p),
  );
  return listFew(names, strings, 4);
}

function sheetsPart(names: string[], one: string, many: string): string | null {
  if (names.length === 0) return null;
  return format(names.length === 1 ? one : many, { names: names.join(', ') });
}

/**
 * What an action changed, for the status line after it: cells written and where, conditional
 * formats added and where, sheets created or replaced; for an undo, what it restored and deleted.
 */
export function describeOutcome(
  plan: WritePlan,
  result: ApplyResult,
  before: Grid,
  strings: Strings,
): string {
  const parts: string[] = [];
  const undo = plan.action === 'undo';
  if (plan.cells.length > 0) {
    const n = plan.cells.length;
    const what = undo
      ? count(n, strings.cellRestoredOne, strings.cellRestoredMany)
      : count(n, strings.cellWrittenOne, strings.cellWrittenMany);
    parts.push(format(strings.doneIn, { what, places: placesList(plan.cells, strings) }));
  }
  if (plan.conditionalFormats.length > 0) {
    const ranges = rangeNames(plan.conditionalFormats);
    parts.push(
      format(strings.doneIn, {
        what: count(plan.conditionalFormats.length, strings.formatAddedOne, strings.formatAddedMany),
        places: listFew(ranges, strings, 4),
      }),
    );
  }
  const removed = plan.removeConditionalFormats ?? [];
  if (removed.length > 0) {
    const ranges = rangeNames(removed);
    parts.push(
      format(strings.doneFrom, {
        what: count(removed.length, strings.formatRemovedOne, strings.formatRemovedMany),
        places: listFew(ranges, strings, 4),
      }),
    );
  }
  const replaced = new Set(summarizePlan(plan, before).replacedSheets);
  const created = result.sheetsCreated.filter((name) => !replaced.has(name));
  for (const part of [
    sheetsPart(created, strings.sheetCreatedOne, strings.sheetCreatedMany),
    sheetsPart([...replaced], strings.sheetReplacedOne, strings.sheetReplacedMany),
    sheetsPart(plan.deleteSheets, strings.sheetDeletedOne, strings.sheetDeletedMany),
  ]) {
    if (part) parts.push(part);
  }
  return parts.length > 0 ? parts.join('; ') : strings.doneNothing;
}

/** A part of a plan a write applied, or did not: its cells, formats and sheets, as `describeOutcome` says them. */
export function describeParts(part: WritePlan | undefined, before: Grid, strings: Strings): string {
  if (!part) return strings.doneNothing;
  const result: ApplyResult = {
    cellsWritten: 0,
    sheetsCreated: part.sheets.map((sheet) => sheet.name),
    syncs: 0,
  };
  return describeOutcome(part, result, before, strings);
}
