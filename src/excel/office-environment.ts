import type { OfficeEnvironment } from '../engine';

/**
 * The lowest ExcelApi requirement set the add-in needs: custom conditional formats (Segnala) are
 * ExcelApi 1.6; everything else it reads or writes is older (used ranges with `valuesOnly` and
 * `getResizedRange` 1.2, `Table.worksheet` 1.2, `format.columnWidth` 1.2, `merge` 1.2).
 */
export const REQUIRED_EXCEL_API = '1.6';

/** Print setup of the report (`worksheet.pageLayout`) is ExcelApi 1.9; below it the report is written without it. */
export const PRINT_SETUP_EXCEL_API = '1.9';

/** `ConditionalFormat.getRanges` (the areas of a format on several areas) is ExcelApi 1.9 too. */
export const RANGE_AREAS_EXCEL_API = '1.9';

/**
 * `Range.getSpecialCellsOrNullObject('Visible')` (which rows and columns are hidden) is ExcelApi 1.9;
 * below it the Grid does not say what is hidden. (`application.calculationMode` is readable from 1.1.)
 */
export const VISIBLE_CELLS_EXCEL_API = '1.9';

/** What the pane learns from Office at start; outside Office (no host, or no office.js) `inExcel` is false. */
export async function officeEnvironment(): Promise<OfficeEnvironment> {
  if (typeof Office === 'undefined') return outsideOffice();
  const info = await Office.onReady();
  if (info.host !== Office.HostType.Excel) return outsideOffice();
  const context = Office.context;
  return {
    inExcel: true,
    displayLanguage: context.displayLanguage || 'it-IT',
    // Excel has no theme-change event: the theme is read once, at start. Excel on the web gives
    // no `officeTheme` at all: then the browser's preference decides.
    dark: context.officeTheme?.isDarkTheme ?? prefersDark(),
    supported: context.requirements?.isSetSupported('ExcelApi', REQUIRED_EXCEL_API) === true,
  };
}

function supports(version: string): boolean {
  return (
    typeof Office !== 'undefined' &&
    Office.context?.requirements?.isSetSupported('ExcelApi', version) === true
  );
}

export function supportsPrintSetup(): boolean {
  return supports(PRINT_SETUP_EXCEL_API);
}

export function supportsAreas(): boolean {
  return supports(RANGE_AREAS_EXCEL_API);
}

export function supportsVisibleCells(): boolean {
  return supports(VISIBLE_CELLS_EXCEL_API);
}

function prefersDark(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
}

function outsideOffice(): OfficeEnvironment {
  const language = typeof navigator !== 'undefined' && navigator.language ? navigator.language : 'it-IT';
  return { inExcel: false, displayLanguage: language, dark: prefersDark(), supported: false };
}
