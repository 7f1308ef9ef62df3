/** The models the product ships: validated once at load, like any other model. */
import lombardia from './programmes/por-fse-lombardia-2014-2020.json';
import type { ProgrammeModel } from './types';
import { parseModel } from './validate';

/** An invalid embedded model is a programming error, not a user's. */
export function loadEmbedded(data: unknown, file: string): ProgrammeModel {
  const result = parseModel(data);
  if (!result.ok) throw new Error(`embedded model ${file} is invalid: ${result.error}`);
  return result.model;
}

/** The add-in's default model: POR FSE 2014-2020 Regione Lombardia (SPEC §3). */
export const defaultModel: ProgrammeModel = loadEmbedded(lombardia, 'por-fse-lombardia-2014-2020.json');
