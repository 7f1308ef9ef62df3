import { SAMPLE_WORKBOOK, type SampleSheet } from '../engine';

/**
 * The RAA 2022 example the first-run button inserts: the same sheet as `assets/sample-raa-2022.xlsx`
 * (the engine's data module generated from it by scripts/make-sample-workbook.mjs), under a name that
 * says it is an example.
 */
export const SAMPLE_SHEET: SampleSheet = { ...SAMPLE_WORKBOOK.sheets[0], name: 'Esempio RAA 2022' };
