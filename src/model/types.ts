/** The programme model of SPEC §3, as `schema.ts` defines it: the types are inferred, never written twice. */
import type { z } from 'zod';
import type {
  axisSchema,
  indicatorSchema,
  programmeModelSchema,
  thresholdsSchema,
  versionSchema,
} from './schema';

/** A model as the validator returns it: defaults filled in, unknown keys dropped. */
export type ProgrammeModel = z.output<typeof programmeModelSchema>;
export type ProgrammeVersion = z.output<typeof versionSchema>;
export type ProgrammeAxis = z.output<typeof axisSchema>;
export type ProgrammeIndicator = z.output<typeof indicatorSchema>;
export type ProgrammeThresholds = z.output<typeof thresholdsSchema>;
export type IndicatorType = ProgrammeIndicator['type'];
export type IndicatorUnit = ProgrammeIndicator['unit'];
/** A model as an author writes it: optional fields may be left out. */
export type ProgrammeModelInput = z.input<typeof programmeModelSchema>;
