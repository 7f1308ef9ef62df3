/** The Office.js host: the only place with `Excel.*`. The pane gets plain data from here. */
export { createExcelHost } from './excel-host';
export type { ExcelHost, ExcelHostOptions } from './excel-host';
export { officeEnvironment, REQUIRED_EXCEL_API, PRINT_SETUP_EXCEL_API } from './office-environment';
export { describeOfficeError, officeErrorCode, isSizeRefusal } from './office-errors';
export type { WorkbookShape } from './read-workbook';
