import { presentIndices } from './grid';
import type { Lang } from './finding';
import type { Grid } from './grid';
import { parseModel, type ParseModelResult } from '../model/validate';

/** A sheet where a workbook may carry its own programme model, as JSON text in column A. */
export const MODEL_SHEET = 'Modello POR Tables';

/**
 * The model stored in the workbook, if any: the JSON text of column A of `MODEL_SHEET`, joined
 * line by line (a long model does not fit one cell's 32 767 characters). `null` when there is no
 * such sheet; a parse result with the error (in `lang`) when the JSON is not a valid model.
 */
export function modelFromWorkbook(grid: Grid, lang: Lang = 'it'): ParseModelResult | null {
  const sheet = grid.sheets.find((s) => s.name === MODEL_SHEET);
  if (!sheet) return null;
  const col = -sheet.left;
  const lines: string[] = [];
  // Only the rows the sheet holds: a sparse sheet (rows with holes) costs its entries, not its length.
  for (const r of presentIndices(sheet.values)) {
    const v = col >= 0 ? sheet.values[r]?.[col] : undefined;
    if (typeof v === 'string') lines.push(v);
  }
  const text = lines.join('\n').trim();
  if (text === '') {
    return {
      ok: false,
      error: lang === 'it' ? `il foglio «${MODEL_SHEET}» è vuoto` : `sheet "${MODEL_SHEET}" is empty`,
    };
  }
  return parseModel(text, lang);
}
