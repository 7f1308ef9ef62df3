import type {
  FakeApplication,
  FakeConditionalColor,
  FakeConditionalFormat,
  FakeConditionalFormatCollection,
  FakeConditionalFormatRule,
  FakeConditionalRangeFormat,
  FakeCustomConditionalFormat,
  FakeHeaderFooter,
  FakeHeaderFooterGroup,
  FakePageLayout,
  FakeRange,
  FakeRangeAreas,
  FakeRangeBorder,
  FakeRangeBorderCollection,
  FakeRangeFill,
  FakeRangeFont,
  FakeRangeFormat,
  FakeTable,
  FakeTableCollection,
  FakeWorkbook,
  FakeWorksheet,
  FakeWorksheetCollection,
  FakeWorksheetProtection,
} from './proxies';

/**
 * The fake classes typed against @types/office-js: `class FakeRange implements
 * OfficeShape<Excel.Range, 'values' | 'getCell' | …>` makes tsc check each member the host uses
 * against Office.js's own declaration — the same parameters, the same property type, and as result
 * the fake class standing for the Office.js class returned. A member whose type drifts from the
 * real API fails the type check. Office.js's string enums become their string values, which is
 * what Office.js accepts and returns.
 */

/** An Office.js type as the fake gives it: its class by the fake class, an enum by its values. */
export type Faked<T> = T extends Excel.Range
  ? FakeRange
  : T extends Excel.RangeAreas
    ? FakeRangeAreas
    : T extends Excel.Worksheet
      ? FakeWorksheet
      : T extends Excel.WorksheetCollection
        ? FakeWorksheetCollection
        : T extends Excel.WorksheetProtection
          ? FakeWorksheetProtection
          : T extends Excel.Workbook
            ? FakeWorkbook
            : T extends Excel.RangeFormat
              ? FakeRangeFormat
              : T extends Excel.RangeFont
                ? FakeRangeFont
                : T extends Excel.RangeFill
                  ? FakeRangeFill
                  : T extends Excel.RangeBorderCollection
                    ? FakeRangeBorderCollection
                    : T extends Excel.RangeBorder
                      ? FakeRangeBorder
                      : T extends Excel.ConditionalFormatCollection
                        ? FakeConditionalFormatCollection
                        : T extends Excel.ConditionalFormat
                          ? FakeConditionalFormat
                          : T extends Excel.CustomConditionalFormat
                            ? FakeCustomConditionalFormat
                            : T extends Excel.ConditionalFormatRule
                              ? FakeConditionalFormatRule
                              : T extends Excel.ConditionalRangeFormat
                                ? FakeConditionalRangeFormat
                                : T extends Excel.ConditionalRangeFill | Excel.ConditionalRangeFont
                                  ? FakeConditionalColor
                                  : T extends Excel.TableCollection
                                    ? FakeTableCollection
                                    : T extends Excel.Table
                                      ? FakeTable
                                      : T extends Excel.PageLayout
                                        ? FakePageLayout
                                        : T extends Excel.HeaderFooterGroup
                                          ? FakeHeaderFooterGroup
                                          : T extends Excel.HeaderFooter
                                            ? FakeHeaderFooter
                                            : T extends Excel.Application
                                              ? FakeApplication
                                              : T extends (infer E)[]
                                                ? Faked<E>[]
                                                : T extends string
                                                  ? `${T}`
                                                  : T;

type FakedArguments<A extends unknown[]> = { [I in keyof A]: Faked<A[I]> };

type FakedMember<M> = M extends (...args: infer A) => infer R
  ? (...args: FakedArguments<A>) => Faked<R>
  : Faked<M>;

/** The members `K` of the Office.js class `T`, as a fake class must have them. */
export type OfficeShape<T, K extends keyof T> = { [P in K]: FakedMember<T[P]> };
