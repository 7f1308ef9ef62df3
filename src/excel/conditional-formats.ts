import { a1, parseRange, type RangeRef } from '../engine/address';
import { formulaKey } from '../engine/formula-refs';
import type { WritePlan } from '../engine/plan';
import { bareAddress } from './read-workbook';

/**
 * Finds the conditional formats an undo of Segnala removes: on the plan's sheet, applied to exactly
 * the plan's range R, with a custom rule whose formula is the plan's (compared by `ruleFormulaKey`).
 *
 * Office.js (ExcelApi 1.6) tells a format's range only through `getRange()` on a format already
 * listed, which would take two requests. Instead ONE request lists, by type and rule formula, the
 * formats that overlap R, R's first cell, R's last cell, and the rest of the sheet (up to four
 * rectangles around R). A format with the rule applies to exactly R when it covers R's first and
 * last cells and nothing outside R (a format on several areas, all inside R and through both of its
 * corners, would pass too: nothing the add-in or an edit of its formats makes). Excel returns a rule's formula relative to its own format's
 * top-left cell, whatever range listed it, so the rule identifies a format across those lists.
 * Only when that leaves a doubt — a format with the same rule also reaching outside R, such as the
 * flag's own format after the user extended it, or pasted its formatting elsewhere — does a second
 * request read the candidates' ranges (`getRangeOrNullObject`: null for a format on several areas).
 * The requests made never depend on the size of the tables.
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

export interface FoundConditionalFormats {
  /** Proxies of the formats to delete, usable in later requests of the same `Excel.run`. */
  formats: Excel.ConditionalFormat[];
}

/**
 * Looks the removals up; `onSync` is called after each request that succeeded (one, or two when in
 * doubt; none when no removal is on a sheet `sheetExists` knows).
 */
export async function findConditionalFormats(
  context: Excel.RequestContext,
  removals: ConditionalFormatRemoval[],
  sheetExists: (name: string) => boolean,
  onSync: () => void,
): Promise<FoundConditionalFormats> {
  const targets = targetsOf(removals).filter((target) => sheetExists(target.sheet));
  if (targets.length === 0) return { formats: [] };

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
  await context.sync();
  onSync();

  const formats: Excel.ConditionalFormat[] = [];
  const unsure: { format: Excel.ConditionalFormat; range: Excel.Range; box: RangeRef }[] = [];
  for (const probe of probes) {
    for (const rule of probe.target.rules) {
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
        formats.push(...candidates);
      } else if (coverFirst > 0 && coverLast > 0) {
        for (const format of candidates) {
          const range = format.getRangeOrNullObject().load('address');
          unsure.push({ format, range, box: probe.target.box });
        }
      }
    }
  }
  if (unsure.length > 0) {
    await context.sync();
    onSync();
    for (const { format, range, box } of unsure) {
      // A format on several areas has no single range: it is not the one the flag added.
      if (!range.isNullObject && sameBox(parseRange(bareAddress(range.address)), box)) formats.push(format);
    }
  }
  return { formats };
}
