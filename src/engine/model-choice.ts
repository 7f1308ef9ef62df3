import { defaultModel, findPreset, findVersion, nearestPresetIds, newestVersion, presets } from '../model';
import type { ParseModelResult, ProgrammeModel, ProgrammeVersion } from '../model';
import { matchingVersions, resolveAxes } from './axes';
import type { Lang } from './finding';
import { isCellError, presentIndices, type Grid } from './grid';
import { locateTables } from './locate/locate-tables';
import { parseNumberText } from './number-text';
import type { LocatedTables } from './tables';
import { MODEL_SHEET } from './workbook-model';

/**
 * Which programme model and which of its versions apply (SPEC §3): one decision for both hosts.
 * The model, first found in this order: a model file (`--model`, a file loaded in the pane), a
 * preset asked for by id or CCI (`--programme`, a programme picked in the pane), the model stored in
 * the workbook (sheet `MODEL_SHEET`), a preset whose allocations the workbook matches exactly, the
 * embedded default. The version: the one asked for, else the one the workbook's allocations match,
 * else the newest.
 */

/** Where the model that applies comes from; `recognised`: a preset the workbook's allocations match. */
export type ModelSource = 'explicit' | 'programme' | 'stored' | 'recognised' | 'default';

export interface ModelRequest {
  /** A model the user gave: `--model <file>`, or one loaded in the pane. Beats everything else. */
  explicit?: ProgrammeModel;
  /** A preset by id or CCI (`--programme`, a programme picked in the pane); beats a stored model. */
  programme?: string;
  /** The workbook: with no model given or stored, a preset its allocations match exactly is taken. */
  grid?: Grid;
  /** The presets to recognise and to find `programme` among; `presets()` when absent. */
  presets?: readonly ProgrammeModel[];
  /** What the workbook stores (`modelFromWorkbook(grid)`): `null` when it has no model sheet. */
  stored: ParseModelResult | null;
  /** The embedded model; `defaultModel` when absent. */
  fallback?: ProgrammeModel;
  /** The version asked for (`--model-version`, the pane's version picker); absent: the engine picks. */
  versionId?: string;
}

/** Something the user asked for, or stored, that could not be used: the hosts must say it. */
export type ModelChoiceProblem =
  | { kind: 'unknown-programme'; programme: string; nearest: string[] }
  | { kind: 'stored-invalid'; sheet: string; error: string }
  | { kind: 'unknown-version'; versionId: string; available: string[] };

export interface ModelChoice {
  model: ProgrammeModel;
  source: ModelSource;
  /** The version asked for when `model` has it; `undefined`: pick by the allocations (`chooseVersion`). */
  versionId: string | undefined;
  /**
   * What could not be used, in the order met. With `stored-invalid` the model is the fallback; with
   * `unknown-version` no version is asked for. The CLI stops on a problem (exit 2); the pane goes on
   * with this choice and says the problem.
   */
  problems: ModelChoiceProblem[];
}

export function chooseModel(request: ModelRequest): ModelChoice {
  const { explicit, stored, versionId } = request;
  const fallback = request.fallback ?? defaultModel;
  const candidates = request.presets ?? presets();
  let model: ProgrammeModel;
  let source: ModelSource;
  const problems: ModelChoiceProblem[] = [];
  const { programme } = request;
  const asked = programme === undefined ? undefined : findPreset(programme, candidates);
  if (programme !== undefined && !asked) {
    const nearest = nearestPresetIds(programme, 3, candidates);
    problems.push({ kind: 'unknown-programme', programme, nearest });
  }
  let recognised: ProgrammeModel | null = null;
  if (explicit) {
    // Chosen by the user over whatever the workbook stores, valid or not.
    model = explicit;
    source = 'explicit';
  } else if (asked) {
    model = asked;
    source = 'programme';
  } else if (stored?.ok) {
    model = stored.model;
    source = 'stored';
  } else if (request.grid && (recognised = recognisePreset(request.grid, candidates, fallback))) {
    model = recognised;
    source = 'recognised';
    if (stored) problems.push({ kind: 'stored-invalid', sheet: MODEL_SHEET, error: stored.error });
  } else {
    model = fallback;
    source = 'default';
    if (stored) problems.push({ kind: 'stored-invalid', sheet: MODEL_SHEET, error: stored.error });
  }
  if (versionId === undefined || findVersion(model, versionId)) return { model, source, versionId, problems };
  problems.push({ kind: 'unknown-version', versionId, available: model.versions.map((v) => v.id) });
  return { model, source, versionId: undefined, problems };
}

export interface VersionPick {
  version: ProgrammeVersion;
  /** `chosen`: asked for; `matched`: the workbook's allocations match it; `newest`: none matched. */
  how: 'chosen' | 'matched' | 'newest';
}

/**
 * The version of `model` that applies. `matching`: the ids of the versions whose allocations the
 * workbook matches exactly, oldest first (the newest of them is taken). An unknown `versionId` is a
 * programming error: hosts pass what `chooseModel` kept.
 */
export function chooseVersion(
  model: ProgrammeModel,
  versionId: string | undefined,
  matching: readonly string[],
): VersionPick {
  if (versionId !== undefined) {
    const chosen = findVersion(model, versionId);
    if (!chosen) throw new Error(`unknown model version ${versionId}`);
    return { version: chosen, how: 'chosen' };
  }
  const matched = [...matching]
    .reverse()
    .map((id) => findVersion(model, id))
    .find((v) => v !== undefined);
  if (matched) return { version: matched, how: 'matched' };
  return { version: newestVersion(model), how: 'newest' };
}

/** Locates with the model when the locator weighs a model's axes, without it otherwise. */
const locate: (grid: Grid, model?: ProgrammeModel) => LocatedTables = locateTables;

/**
 * The preset (other than `fallback`, whose versions the engine matches anyway) whose allocations,
 * for one of its versions, the workbook's Tabella 1 (or Tabella 2 `A`) holds exactly; `null` when
 * none does, or when two do. One pass over the cells keeps only the presets whose every allocation
 * appears somewhere in the workbook; only those are located and matched, axis by axis.
 */
export function recognisePreset(
  grid: Grid,
  candidates: readonly ProgrammeModel[],
  fallback: ProgrammeModel,
): ProgrammeModel | null {
  const others = candidates.filter((p) => p.id !== fallback.id);
  if (others.length === 0) return null;
  const present = amountsInWorkbook(grid);
  const plausible = others.filter((p) =>
    p.versions.some((v) => v.axes.every((a) => present.has(centsKey(Number(a.allocation))))),
  );
  const matched = plausible.filter((preset) => {
    const tables = locate(grid, preset);
    resolveAxes(tables, preset, null);
    return matchingVersions(preset, tables).length > 0;
  });
  return matched.length === 1 ? matched[0] : null;
}

/** A workbook amount at the cent, as a key (`358000000.00`), so that a float and a text number meet. */
function centsKey(value: number): string {
  return value.toFixed(2);
}

/** The longest text read as an amount: 64 characters hold any amount with its currency and spaces. */
const MAX_AMOUNT_TEXT = 64;

/** Text that may hold an amount of at least 100 000: six digits, separators between them allowed. */
const LONG_NUMBER = /(?:\d[.,\s\u00a0\u202f']?){6}/;

/** Every amount of 100 000 or more the workbook shows, numbers and numbers written as text. */
function amountsInWorkbook(grid: Grid): Set<string> {
  const locale = grid.locale ?? 'it';
  const found = new Set<string>();
  for (const sheet of grid.sheets) {
    for (const r of presentIndices(sheet.values)) {
      const row = sheet.values[r];
      for (const c of presentIndices(row)) {
        const value = row[c];
        if (typeof value === 'number') {
          if (Math.abs(value) >= 100000) found.add(centsKey(value));
        } else if (
          typeof value === 'string' &&
          // An amount written as text is short (`1.234.567.890,12 €`); a paragraph is no amount.
          value.length <= MAX_AMOUNT_TEXT &&
          !isCellError(value) &&
          LONG_NUMBER.test(value)
        ) {
          const parsed = parseNumberText(value, locale);
          if (parsed && !parsed.percent) found.add(centsKey(parsed.value.toNumber()));
        }
      }
    }
  }
  return found;
}

/**
 * The sentence that says a preset was recognised by its allocations (SPEC §3), or `null` when the
 * model came otherwise: `Programma riconosciuto dalle dotazioni: POR FSE 2014-2020 Regione Toscana
 * (2014IT05SFOP015), versione initial (Piano finanziario iniziale …)`.
 */
export function recognitionNoteOf(
  source: ModelSource,
  model: ProgrammeModel,
  version: ProgrammeVersion,
  lang: Lang,
): string | null {
  if (source !== 'recognised') return null;
  const programme = model.cci ? `${model.title} (${model.cci})` : model.title;
  const which = `${version.id} (${version.label})`;
  return lang === 'it'
    ? `Programma riconosciuto dalle dotazioni: ${programme}, versione ${which}.`
    : `Programme recognised by its allocations: ${programme}, version ${which}.`;
}
