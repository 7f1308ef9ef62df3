import { a1, parseRange, type RangeRef } from '../engine/address';
import { formulaKey } from '../engine/formula-refs';
import type { WritePlan } from '../engine/plan';
import { bareAddress } from './read-workbook';

/**
 * Finds conditional formats by sheet, range R and custom rule formula (compared by `ruleFormulaKey`):
 * the ones an undo of Segnala removes, and the ones Segnala would add twice.
 *
 * Office.js (ExcelApi 1.6) tells a format's range only through `getRange()` on a format already
 * listed, which would take two requests. Instead the lookups ride in the host's check request: they
 * list, by type and rule formula, the formats that overlap R, R's first cell, R's last cell, and the
 * rest of the sheet (up to four rectangles around R). A format with the rule applies to R when it
 * covers R's first and last cells and nothing outside R. Excel returns a rule's formula relative to
 * its own format's top-left cell, whatever range listed it, so the rule identifies a format across
 * those lists. Only when that leaves a doubt — a format with the same rule also reaching outside R
 * (the flag's own format after the user extended it, or pasted its formatting elsewhere), or not
 * through R's corners (split in areas by rows inserted or formats cleared inside R) — does one more
 * request read the candidates' ranges: `getRangeOrNullObject`, a null object for a format on several
 * areas, whose areas `getRanges` (ExcelApi 1.9) then tells. The requests never depend on the size
 * of the tables.
 */

export type ConditionalFormatRemoval = NonNullable<WritePlan['removeConditionalFormats']>[number];

const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;

/** Rule formulas are compared by the engine's `formulaKey` (Excel may add `$`, spaces, lower case). */
export const ruleFormulaKey = formulaKey;

interface Target {
  sheet: string;
  box: RangeRef;
  /** Rule formulas (as `ruleFormulaKey`) to remove from the range. */
  rules: Set<string>;
}

/** The removals grouped by sheet and range; ranges that are not A1 rectangles are left out. */
function targetsOf(removals: ConditionalFormatRemoval[]): Target[] {
  const targets = new Map<string, Target>();
  for (const removal of removals) {
    const box = parseRange(removal.range.trim());
    if (!box) continue;
    const key = `${removal.sheet.toLowerCase()}!${box.top}:${box.left}:${box.bottom}:${box.right}`;
    let target = targets.get(key);
    if (!target) {
      target = { sheet: removal.sheet, box, rules: new Set() };
      targets.set(key, target);
    }
    target.rules.add(ruleFormulaKey(removal.formula));
  }
  return [...targets.values()];
}

function boxAddress(top: number, left: number, bottom: number, right: number): string {
  const start = a1(top, left);
  return top === bottom && left === right ? start : `${start}:${a1(bottom, right)}`;
}

/** The rest of the sheet around R, as up to four rectangles: rows above, rows below, left, right. */
function restOfSheet(box: RangeRef): string[] {
  const rest: string[] = [];
  if (box.top > 0) rest.push(`1:${box.top}`);
  if (box.bottom < MAX_ROWS - 1) rest.push(`${box.bottom + 2}:${MAX_ROWS}`);
  if (box.left > 0) rest.push(boxAddress(box.top, 0, box.bottom, box.left - 1));
  if (box.right < MAX_COLUMNS - 1) rest.push(boxAddress(box.top, box.right + 1, box.bottom, MAX_COLUMNS - 1));
  return rest;
}

function sameBox(a: RangeRef | null, b: RangeRef): boolean {
  return a !== null && a.top === b.top && a.left === b.left && a.bottom === b.bottom && a.right === b.right;
}

/** A format looked for: on `sheet`, applied to `range`, with a custom rule `formula`. */
export interface FormatTarget {
  sheet: string;
  range: string;
  formula: string;
}

/** The probes of one request, to read once it is synced. */
export interface QueuedFormatProbes {
  /**
   * After the request's sync: the formats matching each target, by the target's index. Makes one
   * more request only when in doubt (`onSync` is called after it).
   */
  resolve(onSync: () => void): Promise<Excel.ConditionalFormat[][]>;
}

function ruleKeyOf(target: { sheet: string; box: RangeRef }, rule: string): string {
  const { top, left, bottom, right } = target.box;
  return `${target.sheet.toLowerCase()}!${top}:${left}:${bottom}:${right}|${rule}`;
}

function inside(area: RangeRef | null, box: RangeRef): boolean {
  return (
    area !== null &&
    area.top >= box.top &&
    area.left >= box.left &&
    area.bottom <= box.bottom &&
    area.right <= box.right
  );
}

/**
 * Queues, in the caller's request, the lookups of the targets on the sheets `sheetExists` knows.
 * `ranges`: whether `ConditionalFormat.getRanges` (ExcelApi 1.9) may be used to tell the areas of a
 * format on several areas.
 */
export function queueFormatProbes(
  context: Excel.RequestContext,
  wanted: FormatTarget[],
  sheetExists: (name: string) => boolean,
  options: { ranges: boolean },
): QueuedFormatProbes {
  const targets = targetsOf(wanted).filter((target) => sheetExists(target.sheet));
  // Loading `custom/…` of a format of another type fails the request: `customOrNullObject` does not.
  const probes = targets.map((target) => {
    const sheet = context.workbook.worksheets.getItem(target.sheet);
    const formatsOn = (address: string): Excel.ConditionalFormatCollection =>
      sheet.getRange(address).conditionalFormats.load('items/type, items/customOrNullObject/rule/formula');
    const { top, left, bottom, right } = target.box;
    const first = formatsOn(a1(top, left));
    return {
      target,
      within: formatsOn(boxAddress(top, left, bottom, right)),
      first,
      last: top === bottom && left === right ? first : formatsOn(a1(bottom, right)),
      outside: restOfSheet(target.box).map(formatsOn),
    };
  });

  async function resolve(onSync: () => void): Promise<Excel.ConditionalFormat[][]> {
    const matched = new Map<string, Excel.ConditionalFormat[]>();
    const unsure: {
      key: string;
      format: Excel.ConditionalFormat;
      range: Excel.Range;
      areas: Excel.RangeAreas | null;
      box: RangeRef;
      beyond: boolean;
    }[] = [];
    for (const probe of probes) {
      for (const rule of probe.target.rules) {
        const key = ruleKeyOf(probe.target, rule);
        const withRule = (collection: Excel.ConditionalFormatCollection): Excel.ConditionalFormat[] =>
          collection.items.filter(
            (format) =>
              format.type === Excel.ConditionalFormatType.custom &&
              ruleFormulaKey(format.customOrNullObject.rule.formula) === rule,
          );
        const candidates = withRule(probe.within);
        if (candidates.length === 0) continue;
        // A format listed for R's first or last cell is one of the candidates: it overlaps R.
        const coverFirst = withRule(probe.first).length;
        const coverLast = withRule(probe.last).length;
        const beyond = probe.outside.some((rest) => withRule(rest).length > 0);
        if (!beyond && coverFirst === candidates.length && coverLast === candidates.length) {
          matched.set(key, candidates);
          continue;
        }
        for (const format of candidates) {
          const range = format.getRangeOrNullObject().load('address');
          const areas = options.ranges ? format.getRanges().load('address') : null;
          unsure.push({ key, format, range, areas, box: probe.target.box, beyond });
        }
      }
    }
    if (unsure.length > 0) {
      await context.sync();
      onSync();
      for (const { key, format, range, areas, box, beyond } of unsure) {
        let same: boolean;
        if (!range.isNullObject) {
          // One rectangle: the flag's own format only if it is exactly R (the user may have extended it).
          same = sameBox(parseRange(bareAddress(range.address)), box);
        } else if (areas) {
          // Several areas (rows inserted or formats cleared inside R): the flag's if all lie inside R.
          same = areas.address.split(',').every((area) => inside(parseRange(bareAddress(area.trim())), box));
        } else {
          // No way to read the areas below ExcelApi 1.9: the flag's if no format with its rule reaches outside R.
          same = !beyond;
        }
        if (same) matched.set(key, [...(matched.get(key) ?? []), format]);
      }
    }
    return wanted.map((target) => {
      const box = parseRange(target.range.trim());
      if (!box || !sheetExists(target.sheet)) return [];
      return matched.get(ruleKeyOf({ sheet: target.sheet, box }, ruleFormulaKey(target.formula))) ?? [];
    });
  }

  return { resolve };
}
