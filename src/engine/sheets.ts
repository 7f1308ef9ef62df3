import { LOG_SHEET } from './plan';
import { MODEL_SHEET } from './workbook-model';

/** Sheets the add-in writes. They are output, never read back as the programme's tables. */
export const REPORT_SHEET = 'Report POR';
export const FINDINGS_SHEET = 'Rilievi POR';
/** Sheets never read as the programme's tables: the add-in's output and the stored model. */
export const GENERATED_SHEETS: readonly string[] = [REPORT_SHEET, FINDINGS_SHEET, LOG_SHEET, MODEL_SHEET];
