/** The programme model: its types, the loader, and the embedded POR FSE Lombardia model. */
import lombardia from './programmes/por-fse-lombardia-2014-2020.json';
import type { ProgrammeModel, ProgrammeVersion } from './types';
import { parseModel } from './validate';

export type {
  IndicatorType,
  IndicatorUnit,
  ProgrammeAxis,
  ProgrammeIndicator,
  ProgrammeModel,
  ProgrammeThresholds,
  ProgrammeVersion,
} from './types';
export { parseModel } from './validate';
export type { ParseModelResult } from './validate';

/** Validated once at load: an invalid embedded model is a programming error, not a user's. */
function loadEmbedded(data: unknown, file: string): ProgrammeModel {
  const result = parseModel(data);
  if (!result.ok) throw new Error(`embedded model ${file} is invalid: ${result.error}`);
  return result.model;
}

/** The add-in's default model: POR FSE 2014-2020 Regione Lombardia (SPEC §3). */
export const defaultModel: ProgrammeModel = loadEmbedded(lombardia, 'por-fse-lombardia-2014-2020.json');

export function findVersion(model: ProgrammeModel, id: string): ProgrammeVersion | undefined {
  return model.versions.find((v) => v.id === id);
}

/** Versions are kept oldest first, so the newest is the last. */
export function newestVersion(model: ProgrammeModel): ProgrammeVersion {
  return model.versions[model.versions.length - 1];
}
