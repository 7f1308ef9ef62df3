/**
 * The programme model of SPEC §3 as one schema: the validator (`parseModel`), the TypeScript types
 * (`types.ts`) and the published JSON Schema (`programme-model.schema.json`) all come from it.
 *
 * Each check carries a message id instead of a sentence (`{ error: 'notAmount' }`); `validate.ts`
 * renders the first problem in the reader's language with its field path. Checks across fields
 * (unique ids, the total, indicator axes, threshold order) are refinements that report the same way,
 * with their data in `params`. Money is a decimal string, never a float.
 */
import { Decimal } from 'decimal.js';
import { z } from 'zod';

// Zod compiles object parsers with `new Function` when it may: the pane's Content-Security-Policy
// has no 'unsafe-eval', and the interpreter is fast enough for a model of a few kilobytes.
z.config({ jitless: true });

/** The message ids of the checks; `validate.ts` has their Italian and English text. */
export type ModelMessageId =
  | 'empty'
  | 'straySpaces'
  | 'decimalNotJsonNumber'
  | 'notAmount'
  | 'notNumber'
  | 'negative'
  | 'currency'
  | 'cci'
  | 'noVersions'
  | 'noAxes'
  | 'duplicateVersion'
  | 'duplicateAxis'
  | 'aliasOfOtherAxis'
  | 'totalNotSum'
  | 'unknownIndicatorAxis'
  | 'duplicateIndicator'
  | 'seriousNotPositive'
  | 'toleranceAboveOne'
  | 'seriousNotBelowTolerance';

/** `{ error: id }` for a check: the id travels as the issue's message. */
function says(id: ModelMessageId): { error: ModelMessageId } {
  return { error: id };
}

/** The decimal-string form of money, targets and thresholds: no thousands separators, a dot. */
export const DECIMAL_PATTERN = /^-?\d+(\.\d+)?$/;
const NOT_NEGATIVE = /^[^-]/;
const NOT_BLANK = /\S/;
const NO_STRAY_SPACES = /^\S(?:[\s\S]*\S)?$/;

/** A JSON number where a decimal string belongs gets its own message: floats cannot hold every amount. */
function decimalString() {
  return z.string({
    error: (issue) => (typeof issue.input === 'number' ? says('decimalNotJsonNumber').error : undefined),
  });
}

/** An id or a label: not blank, and no stray spaces that would defeat matching by id. */
function name(description: string) {
  return z
    .string()
    .regex(NOT_BLANK, says('empty'))
    .regex(NO_STRAY_SPACES, says('straySpaces'))
    .describe(description);
}

/** An amount of money in euro: a decimal string, never negative (an allocation cannot be). */
function amount(description: string) {
  return decimalString()
    .regex(DECIMAL_PATTERN, says('notAmount'))
    .regex(NOT_NEGATIVE, says('negative'))
    .describe(description);
}

/** A decimal number that is not money (a target, a threshold). */
function decimalNumber(description: string) {
  return decimalString().regex(DECIMAL_PATTERN, says('notNumber')).describe(description);
}

export const DEFAULT_THRESHOLDS = { tolerance: '0.85', serious: '0.65' } as const;

/** Ids and aliases compared as a workbook label would be: case, accents and spacing aside. */
export function labelKey(label: string): string {
  return label
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Checks across fields run only on fields that passed their own checks (a sum needs decimals). */
const WHEN_FIELDS_VALID = { when: (payload: { issues: readonly unknown[] }) => payload.issues.length === 0 };

function decimalPlaces(value: string): number {
  const dot = value.indexOf('.');
  return dot < 0 ? 0 : value.length - dot - 1;
}

export const axisSchema = z.object({
  id: name("The programme's own axis id: `I`…`V` in Lombardy, `1`…`5` or `A`…`E` elsewhere."),
  ot: z
    .string()
    .describe(
      'Thematic objective (`8`); several when the axis spans them (`8, 10`); empty for technical assistance.',
    ),
  name: name('The name of the axis (`Occupazione`).'),
  aliases: z
    .array(z.string().regex(NOT_BLANK, says('empty')))
    .default([])
    .describe('Other labels a workbook may use for this axis (`Asse I`, `Occupazione`).'),
  allocation: amount('Allocation in euro as a decimal string (`"236700000.00"`).'),
});

export const versionSchema = z
  .object({
    id: name('The version id (`2022-12`, `initial`).'),
    label: name('What the version is (`Piano finanziario RAA 2022`).'),
    total: amount('Total allocation of the version as a decimal string: the sum of the axes.'),
    axes: z.array(axisSchema).min(1, says('noAxes')).describe('One entry per priority axis.'),
  })
  .superRefine((version, ctx) => {
    // Every id and alias must point to one axis only, or a workbook label would be ambiguous.
    const labels = new Map<string, { axis: number; id: string }>();
    for (const [i, axis] of version.axes.entries()) {
      const earlier = version.axes.findIndex((a) => a.id === axis.id);
      if (earlier < i) {
        ctx.addIssue({
          code: 'custom',
          path: ['axes', i, 'id'],
          input: axis.id,
          message: 'duplicateAxis',
          params: { earlierAxis: earlier },
        });
        return;
      }
      const own: [(string | number)[], string][] = [
        [['axes', i, 'id'], axis.id],
        ...axis.aliases.map((alias, j): [(string | number)[], string] => [['axes', i, 'aliases', j], alias]),
      ];
      for (const [path, label] of own) {
        const other = labels.get(labelKey(label));
        if (other && other.axis !== i) {
          ctx.addIssue({
            code: 'custom',
            path,
            input: label,
            message: 'aliasOfOtherAxis',
            params: { otherId: other.id, otherAxis: other.axis },
          });
          return;
        }
        labels.set(labelKey(label), { axis: i, id: axis.id });
      }
    }
    const sum = version.axes.reduce((acc, a) => acc.plus(a.allocation), new Decimal(0));
    if (!sum.equals(version.total)) {
      const places = Math.max(...version.axes.map((a) => decimalPlaces(a.allocation)));
      ctx.addIssue({
        code: 'custom',
        path: ['total'],
        input: version.total,
        message: 'totalNotSum',
        params: { sum: sum.toFixed(places) },
      });
    }
  }, WHEN_FIELDS_VALID);

export const indicatorSchema = z.object({
  code: name('ESF common-indicator code (`CO01`, `CR03`) or the programme’s own code.'),
  axis: name('The id of the axis the indicator belongs to.'),
  priority: z
    .string()
    .default('')
    .describe('Investment priority (`8i`, `10iv`); empty when the indicator is per axis.'),
  type: z
    .enum(['output', 'result', 'financial'])
    .describe("`financial`: its value is the axis's certified expenditure (Tabella 2 `H`)."),
  unit: z.enum(['number', 'percentage']),
  name: name('The name of the indicator.'),
  target: decimalNumber('2023 target as a decimal string.').regex(NOT_NEGATIVE, says('negative')),
  direction: z
    .enum(['higher', 'lower'])
    .default('higher')
    .describe('`higher`: the value should reach the target; `lower`: it should stay under it.'),
  framework: z
    .boolean()
    .optional()
    .describe(
      'In the performance framework; when absent, output and financial indicators are and result indicators are not.',
    ),
});

export const thresholdsSchema = z
  .object({
    tolerance: decimalNumber(
      'Below this share of the target an indicator is an error (performance-framework tolerance).',
    ).default(DEFAULT_THRESHOLDS.tolerance),
    serious: decimalNumber('Below this share of the target the shortfall is serious.').default(
      DEFAULT_THRESHOLDS.serious,
    ),
  })
  .superRefine(({ tolerance, serious }, ctx) => {
    // Shares of the target: serious shortfall below `serious`, error below `tolerance`.
    if (new Decimal(serious).lte(0)) {
      ctx.addIssue({ code: 'custom', path: ['serious'], input: serious, message: 'seriousNotPositive' });
    } else if (new Decimal(tolerance).gt(1)) {
      ctx.addIssue({ code: 'custom', path: ['tolerance'], input: tolerance, message: 'toleranceAboveOne' });
    } else if (new Decimal(serious).gte(tolerance)) {
      ctx.addIssue({
        code: 'custom',
        path: ['serious'],
        input: serious,
        message: 'seriousNotBelowTolerance',
        params: { tolerance },
      });
    }
  }, WHEN_FIELDS_VALID);

export const programmeModelSchema = z
  .object({
    id: name('A slug (`por-fse-lombardia-2014-2020`).'),
    cci: z
      .string()
      .regex(/^\d{4}[A-Z]{2}\d{2}[A-Z0-9]{4}\d{3}$/, says('cci'))
      .optional()
      .describe("The programme's CCI code (`2014IT05SFOP007`)."),
    title: name('The programme as people name it (`POR FSE 2014-2020 Regione Lombardia`).'),
    currency: z.string().regex(/^[A-Z]{3}$/, says('currency')),
    source: z.string().optional().describe('Where the figures come from.'),
    versions: z
      .array(versionSchema)
      .min(1, says('noVersions'))
      .describe('The financial plans, oldest first; the last one is the newest.'),
    indicators: z
      .array(indicatorSchema)
      .default([])
      .describe('A model may describe only the financial plan; indicators are then simply not checked.'),
    thresholds: thresholdsSchema.default({ ...DEFAULT_THRESHOLDS }),
  })
  .superRefine((model, ctx) => {
    const versionIndex = new Map<string, number>();
    for (const [i, version] of model.versions.entries()) {
      const earlier = versionIndex.get(version.id);
      if (earlier !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['versions', i, 'id'],
          input: version.id,
          message: 'duplicateVersion',
          params: { earlierVersion: earlier },
        });
        return;
      }
      versionIndex.set(version.id, i);
    }
    const axisIds = new Set(model.versions.flatMap((v) => v.axes.map((a) => a.id)));
    // The same common indicator may be reported per investment priority (CR06 for 8i, 8ii, 8v).
    const indicatorIndex = new Map<string, number>();
    for (const [i, indicator] of model.indicators.entries()) {
      if (!axisIds.has(indicator.axis)) {
        ctx.addIssue({
          code: 'custom',
          path: ['indicators', i, 'axis'],
          input: indicator.axis,
          message: 'unknownIndicatorAxis',
        });
        return;
      }
      const key = JSON.stringify([indicator.code, indicator.priority]);
      const earlier = indicatorIndex.get(key);
      if (earlier !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['indicators', i],
          input: indicator,
          message: 'duplicateIndicator',
          params: { code: indicator.code, priority: indicator.priority, earlierIndicator: earlier },
        });
        return;
      }
      indicatorIndex.set(key, i);
    }
  }, WHEN_FIELDS_VALID)
  .describe('A programme model of POR Tables (SPEC §3): the financial plans, indicators and thresholds.');
