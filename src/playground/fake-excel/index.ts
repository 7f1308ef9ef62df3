/** The in-memory Excel of the playground and the tests: Office.js semantics over HyperFormula. */
export { FakeExcel, compareVersions } from './fake-excel';
export type {
  FakeExcelNamespace,
  FakeOfficeNamespace,
  FakeOfficeOptions,
  FakeRequest,
  SyncReport,
  RequestRefusal,
  OfficeReadyInfo,
} from './fake-excel';
export { FakeOfficeError, propertyNotLoaded } from './errors';
export type { FakeErrorInit, FakeErrorCode } from './errors';
export {
  FakeWorkbookDocument,
  FakeSheet,
  parseBox,
  boxAddress,
  qualifiedAddress,
  typedEntry,
  shiftFormula,
  cellKey,
} from './document';
export type {
  CellBox,
  CellReading,
  FakeScalar,
  FakeCellInput,
  ConditionalFormatState,
  FakeConditionalFormatType,
  PageLayoutState,
} from './document';
export {
  FakeRequestContext,
  FakeRange,
  FakeWorksheet,
  FakeWorksheetCollection,
  FakeWorkbook,
  FakeTable,
  FakeTableCollection,
  FakeConditionalFormatCollection,
  FakeConditionalFormat,
  FakeCustomConditionalFormat,
  FakeConditionalFormatRule,
} from './proxies';
export { loadWorkbookIntoFake, characterWidthToPoints, pointsToCharacterWidth } from './load';
export type { FakeWorkbookDescription, FakeSheetDescription, FakeCellDescription } from './load';
export { installFakeOffice } from './install';
export type { OfficeShape, Faked } from './office-types';
