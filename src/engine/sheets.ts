import { LOG_SHEET } from './plan';

/** Sheets the add-in writes. They are output, never read back as the programme's tables. */
export const REPORT_SHEET = 'Report POR';
export const FINDINGS_SHEET = 'Rilievi POR';
export const GENERATED_SHEETS: readonly string[] = [REPORT_SHEET, FINDINGS_SHEET, LOG_SHEET];
