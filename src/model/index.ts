/** The programme model: its types, the loader, the embedded Lombardy model and the presets. */
import type { ProgrammeModel, ProgrammeVersion } from './types';

export type {
  IndicatorType,
  IndicatorUnit,
  ProgrammeAxis,
  ProgrammeIndicator,
  ProgrammeModel,
  ProgrammeModelInput,
  ProgrammeThresholds,
  ProgrammeVersion,
} from './types';
export { parseModel } from './validate';
export type { ParseModelResult } from './validate';
export { defaultModel } from './embedded';
export { findPreset, nearestPresetIds, presets } from './presets';

export function findVersion(model: ProgrammeModel, id: string): ProgrammeVersion | undefined {
  return model.versions.find((v) => v.id === id);
}

/** Versions are kept oldest first, so the newest is the last. */
export function newestVersion(model: ProgrammeModel): ProgrammeVersion {
  return model.versions[model.versions.length - 1];
}
