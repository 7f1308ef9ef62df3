import type { FakeRange, FakeWorksheet, OfficeShape } from '../fakes/fake-excel';

/**
 * The fake Excel's classes implement `OfficeShape<Excel.X, …>`: tsc checks each member the host
 * uses against @types/office-js. These classes drift from it on purpose, and tsc must say so (a
 * `@ts-expect-error` that is not needed fails the type check).
 */

abstract class DriftedRange implements OfficeShape<Excel.Range, 'getCell' | 'rowIndex' | 'valueTypes'> {
  // @ts-expect-error Office.js's getCell takes a row and a column number.
  abstract getCell(row: string, column: string): FakeRange;
  // @ts-expect-error rowIndex is a number.
  abstract rowIndex: string;
  // @ts-expect-error valueTypes are Excel.RangeValueType's values, not any string.
  abstract valueTypes: 'Number'[][];
}

abstract class DriftedWorksheet implements OfficeShape<Excel.Worksheet, 'getRange' | 'getUsedRange'> {
  abstract getRange(address?: string): FakeRange;
  // @ts-expect-error getUsedRange returns the Range's fake, not a worksheet.
  abstract getUsedRange(valuesOnly?: boolean): FakeWorksheet;
}

describe('the fake Excel typed against @types/office-js', () => {
  it('fails the type check where a member drifts (checked by tsc, see the @ts-expect-error lines)', () => {
    expect([DriftedRange.name, DriftedWorksheet.name]).toEqual(['DriftedRange', 'DriftedWorksheet']);
  });
});
