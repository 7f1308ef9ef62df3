import { defaultModel, findVersion, newestVersion } from '../model';
import type { ParseModelResult, ProgrammeModel, ProgrammeVersion } from '../model';
import { MODEL_SHEET } from './workbook-model';

/**
 * Which programme model and which of its versions apply (SPEC §3): one decision for both hosts.
 * The model: one given explicitly (`--model`, a model picked or loaded in the pane), else the one
 * stored in the workbook (sheet `MODEL_SHEET`), else the embedded default. The version: the one
 * asked for, else the one the workbook's allocations match, else the newest.
 */

/** Where the model that applies comes from. */
export type ModelSource = 'explicit' | 'stored' | 'default';

export interface ModelRequest {
  /** A model the user gave: `--model <file>`, or one picked or loaded in the pane. Beats a stored one. */
  explicit?: ProgrammeModel;
  /** What the workbook stores (`modelFromWorkbook(grid)`): `null` when it has no model sheet. */
  stored: ParseModelResult | null;
  /** The embedded model; `defaultModel` when absent. */
  fallback?: ProgrammeModel;
  /** The version asked for (`--model-version`, the pane's version picker); absent: the engine picks. */
  versionId?: string;
}

/** Something the user asked for, or stored, that could not be used: the hosts must say it. */
export type ModelChoiceProblem =
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
  let model: ProgrammeModel;
  let source: ModelSource;
  const problems: ModelChoiceProblem[] = [];
  if (explicit) {
    // Chosen by the user over whatever the workbook stores, valid or not.
    model = explicit;
    source = 'explicit';
  } else if (stored?.ok) {
    model = stored.model;
    source = 'stored';
  } else {
    model = request.fallback ?? defaultModel;
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
