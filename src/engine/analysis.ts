import type { Finding, Lang } from './finding';
import type { Grid } from './grid';
import type { AxisResult } from './performance';
import type { VersionChoice } from './rule';
import type { LocatedTables } from './tables';
import type { ModelSource } from './model-choice';
import type { ProgrammeModel, ProgrammeVersion } from '../model/types';

export interface AnalyseOptions {
  /** The programme model; the embedded POR FSE Lombardia 2014-2020 when absent. */
  model?: ProgrammeModel;
  /** A version id of the model; when absent the engine picks the one the allocations match. */
  versionId?: string;
  lang?: Lang;
  /** Where `chooseModel` found the model; `recognised` makes the version note name the preset. */
  modelSource?: ModelSource;
}

/**
 * `achieved`: at or beyond target; `tolerance`: below target but ≥ tolerance (85%);
 * `shortfall`: below tolerance; `serious`: below the serious threshold (65%); `no-data`: no value or target.
 */
export type IndicatorStatus = 'achieved' | 'tolerance' | 'shortfall' | 'serious' | 'no-data';

export interface IndicatorResult {
  axis: string;
  code: string;
  name: string;
  /** Decimal strings as read (`"52104"`, `"84"` for 84%). */
  value: string | null;
  target: string | null;
  /** value / target as a decimal string (`"0.9198"`), rounded to 4 decimals. */
  ratio: string | null;
  status: IndicatorStatus;
  sheet: string;
  /** The value cell. */
  cell: string;
}

export interface Analysis {
  grid: Grid;
  lang: Lang;
  model: ProgrammeModel;
  version: ProgrammeVersion;
  versionChoice: VersionChoice;
  /** One sentence on which version was used and why, in `lang`. */
  versionNote: string;
  /** Where the model came from (`chooseModel`), as the host said; absent: not said. */
  modelSource?: ModelSource;
  tables: LocatedTables;
  findings: Finding[];
  indicators: IndicatorResult[];
  /** The performance-framework verdict of each axis of the version (art. 6 Reg. (EU) 215/2014). */
  axes: AxisResult[];
}
