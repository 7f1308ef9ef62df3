/** The programme model of SPEC §3: data, not code. Money is a decimal string, never a float. */

export interface ProgrammeAxis {
  /** The programme's own axis id: `I`…`V` in Lombardy, `1`…`5` elsewhere. */
  id: string;
  /** Thematic objective (`8`), empty for technical assistance. */
  ot: string;
  name: string;
  /** Other labels the workbook may use for this axis (`Asse I`, `Occupazione`). */
  aliases: string[];
  /** Allocation in euro as a decimal string (`"236700000.00"`). */
  allocation: string;
}

export interface ProgrammeVersion {
  id: string;
  label: string;
  /** Total allocation of the version as a decimal string. */
  total: string;
  axes: ProgrammeAxis[];
}

/** `financial`: its value is the axis's certified expenditure (Tabella 2 `H`). */
export type IndicatorType = 'output' | 'result' | 'financial';
export type IndicatorUnit = 'number' | 'percentage';

export interface ProgrammeIndicator {
  /** ESF common-indicator code (`CO01`, `CR03`) or the programme's own code. */
  code: string;
  axis: string;
  /** Investment priority (`8i`, `10iv`), empty when the indicator is per axis. */
  priority: string;
  type: IndicatorType;
  unit: IndicatorUnit;
  name: string;
  /** 2023 target as a decimal string. */
  target: string;
  /** `higher`: the value should reach the target; `lower`: it should stay under it. */
  direction: 'higher' | 'lower';
  /** In the performance framework (art. 6 Reg. (EU) 215/2014); absent: output and financial are, result is not. */
  framework?: boolean;
}

export interface ProgrammeThresholds {
  /** Below this share of the target an indicator is an error (performance-framework tolerance). */
  tolerance: string;
  /** Below this share the shortfall is serious. */
  serious: string;
}

export interface ProgrammeModel {
  id: string;
  title: string;
  currency: string;
  /** Oldest first; the last one is the newest. */
  versions: ProgrammeVersion[];
  indicators: ProgrammeIndicator[];
  thresholds: ProgrammeThresholds;
}
