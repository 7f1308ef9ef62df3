/**
 * Loads a programme model (SPEC §3) from JSON and checks every field.
 *
 * The first problem found is reported as one English line that names the field path
 * (`versions[0].axes[2].allocation: "12,5" is not a decimal amount`), because the CLI prints it
 * as is and the task pane shows it in a message bar. Unknown keys are ignored, and the model
 * returned is built afresh, so it never carries them.
 */
import { Decimal } from "decimal.js";
import type {
  IndicatorType,
  IndicatorUnit,
  ProgrammeAxis,
  ProgrammeIndicator,
  ProgrammeModel,
  ProgrammeThresholds,
  ProgrammeVersion,
} from "./types";

export type ParseModelResult =
  { ok: true; model: ProgrammeModel } | { ok: false; error: string };

/** The decimal-string form of money, targets and thresholds: no thousands separators, a dot. */
const DECIMAL = /^-?\d+(\.\d+)?$/;

const DEFAULT_THRESHOLDS: ProgrammeThresholds = {
  tolerance: "0.85",
  serious: "0.65",
};

const INDICATOR_TYPES: readonly IndicatorType[] = ["output", "result"];
const INDICATOR_UNITS: readonly IndicatorUnit[] = ["number", "percentage"];
const DIRECTIONS: readonly ProgrammeIndicator["direction"][] = [
  "higher",
  "lower",
];

/** The first problem in the model; caught by `parseModel` and turned into its error line. */
class ModelProblem extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(path ? `${path}: ${reason}` : reason);
  }
}

export function parseModel(input: string | unknown): ParseModelResult {
  let data: unknown = input;
  if (typeof input === "string") {
    try {
      // A file saved by a Windows editor may start with a byte-order mark.
      data = JSON.parse(input.replace(/^\uFEFF/, ""));
    } catch (e) {
      return {
        ok: false,
        error: `not valid JSON: ${oneLine(e instanceof Error ? e.message : String(e))}`,
      };
    }
  }
  try {
    return { ok: true, model: readModel(data) };
  } catch (e) {
    if (e instanceof ModelProblem) return { ok: false, error: e.message };
    throw e;
  }
}

function readModel(data: unknown): ProgrammeModel {
  if (!isRecord(data))
    throw new ModelProblem(
      "model",
      `must be a JSON object, not ${describe(data)}`,
    );
  const id = readName(data, "id", "");
  const title = readName(data, "title", "");
  const currency = readString(data, "currency", "");
  if (!/^[A-Z]{3}$/.test(currency)) {
    throw new ModelProblem(
      "currency",
      `${describe(currency)} must be a three-letter currency code such as "EUR"`,
    );
  }

  const versionList = readArray(data, "versions", "");
  if (versionList.length === 0)
    throw new ModelProblem("versions", "must hold at least one version");
  const versions: ProgrammeVersion[] = [];
  const versionIndex = new Map<string, number>();
  versionList.forEach((item, i) => {
    const path = `versions[${i}]`;
    const version = readVersion(item, path);
    const earlier = versionIndex.get(version.id);
    if (earlier !== undefined) {
      throw new ModelProblem(
        `${path}.id`,
        `${describe(version.id)} is already the id of versions[${earlier}]`,
      );
    }
    versionIndex.set(version.id, i);
    versions.push(version);
  });

  // A model may describe only the financial plan; indicators are then simply not checked.
  const indicatorList =
    data.indicators === undefined ? [] : readArray(data, "indicators", "");
  const axisIds = new Set(versions.flatMap((v) => v.axes.map((a) => a.id)));
  const indicators: ProgrammeIndicator[] = [];
  const indicatorIndex = new Map<string, number>();
  indicatorList.forEach((item, i) => {
    const path = `indicators[${i}]`;
    const indicator = readIndicator(item, path);
    if (!axisIds.has(indicator.axis)) {
      throw new ModelProblem(
        `${path}.axis`,
        `${describe(indicator.axis)} is not the id of an axis in any version`,
      );
    }
    // The same common indicator may be reported per investment priority (CR06 for 8i, 8ii, 8v).
    const key = JSON.stringify([indicator.code, indicator.priority]);
    const earlier = indicatorIndex.get(key);
    if (earlier !== undefined) {
      throw new ModelProblem(
        path,
        `code ${describe(indicator.code)} with priority ${describe(indicator.priority)} is already indicators[${earlier}]`,
      );
    }
    indicatorIndex.set(key, i);
    indicators.push(indicator);
  });

  const thresholds =
    data.thresholds === undefined
      ? { ...DEFAULT_THRESHOLDS }
      : readThresholds(data.thresholds);
  return { id, title, currency, versions, indicators, thresholds };
}

function readVersion(item: unknown, path: string): ProgrammeVersion {
  const data = expectRecord(item, path);
  const id = readName(data, "id", path);
  const label = readName(data, "label", path);
  const total = readAmount(data, "total", path);

  const axisList = readArray(data, "axes", path);
  if (axisList.length === 0)
    throw new ModelProblem(`${path}.axes`, "must hold at least one axis");
  const axes: ProgrammeAxis[] = [];
  // Every id and alias must point to one axis only, or a workbook label would be ambiguous.
  const labels = new Map<string, { axis: number; id: string }>();
  axisList.forEach((axisItem, i) => {
    const axisPath = `${path}.axes[${i}]`;
    const axis = readAxis(axisItem, axisPath);
    const earlierId = axes.findIndex((a) => a.id === axis.id);
    if (earlierId >= 0) {
      throw new ModelProblem(
        `${axisPath}.id`,
        `${describe(axis.id)} is already the id of ${path}.axes[${earlierId}]`,
      );
    }
    const own: [string, string][] = [
      [`${axisPath}.id`, axis.id],
      ...axis.aliases.map((alias, j): [string, string] => [
        `${axisPath}.aliases[${j}]`,
        alias,
      ]),
    ];
    for (const [labelPath, label] of own) {
      const other = labels.get(labelKey(label));
      if (other && other.axis !== i) {
        throw new ModelProblem(
          labelPath,
          `${describe(label)} also names axis ${describe(other.id)} (${path}.axes[${other.axis}])`,
        );
      }
      labels.set(labelKey(label), { axis: i, id: axis.id });
    }
    axes.push(axis);
  });

  const sum = axes.reduce((acc, a) => acc.plus(a.allocation), new Decimal(0));
  if (!sum.equals(total)) {
    const places = Math.max(...axes.map((a) => decimalPlaces(a.allocation)));
    throw new ModelProblem(
      `${path}.total`,
      `${describe(total)} differs from the sum of the axes' allocations, "${sum.toFixed(places)}"`,
    );
  }
  return { id, label, total, axes };
}

function readAxis(item: unknown, path: string): ProgrammeAxis {
  const data = expectRecord(item, path);
  const id = readName(data, "id", path);
  // Empty for technical assistance, which has no thematic objective.
  const ot = readString(data, "ot", path);
  const name = readName(data, "name", path);
  const aliases =
    data.aliases === undefined
      ? []
      : readArray(data, "aliases", path).map((alias, i) => {
          const aliasPath = `${path}.aliases[${i}]`;
          if (typeof alias !== "string")
            throw new ModelProblem(
              aliasPath,
              `must be a string, not ${describe(alias)}`,
            );
          if (alias.trim() === "")
            throw new ModelProblem(aliasPath, "must not be empty");
          return alias;
        });
  const allocation = readAmount(data, "allocation", path);
  return { id, ot, name, aliases, allocation };
}

function readIndicator(item: unknown, path: string): ProgrammeIndicator {
  const data = expectRecord(item, path);
  const code = readName(data, "code", path);
  const axis = readName(data, "axis", path);
  const priority =
    data.priority === undefined ? "" : readString(data, "priority", path);
  const type = readChoice(data, "type", path, INDICATOR_TYPES);
  const unit = readChoice(data, "unit", path, INDICATOR_UNITS);
  const name = readName(data, "name", path);
  const target = readDecimal(data, "target", path, "decimal number");
  if (target.startsWith("-"))
    throw new ModelProblem(
      `${path}.target`,
      `${describe(target)} must not be negative`,
    );
  const direction =
    data.direction === undefined
      ? "higher"
      : readChoice(data, "direction", path, DIRECTIONS);
  return { code, axis, priority, type, unit, name, target, direction };
}

function readThresholds(item: unknown): ProgrammeThresholds {
  const data = expectRecord(item, "thresholds");
  const tolerance =
    data.tolerance === undefined
      ? DEFAULT_THRESHOLDS.tolerance
      : readDecimal(data, "tolerance", "thresholds", "decimal number");
  const serious =
    data.serious === undefined
      ? DEFAULT_THRESHOLDS.serious
      : readDecimal(data, "serious", "thresholds", "decimal number");
  // Shares of the target: serious shortfall below `serious`, error below `tolerance`.
  if (new Decimal(serious).lte(0)) {
    throw new ModelProblem(
      "thresholds.serious",
      `${describe(serious)} must be greater than 0`,
    );
  }
  if (new Decimal(tolerance).gt(1)) {
    throw new ModelProblem(
      "thresholds.tolerance",
      `${describe(tolerance)} must not be greater than 1`,
    );
  }
  if (new Decimal(serious).gte(tolerance)) {
    throw new ModelProblem(
      "thresholds.serious",
      `${describe(serious)} must be less than thresholds.tolerance ${describe(tolerance)}`,
    );
  }
  return { tolerance, serious };
}

// --- field readers: each throws a ModelProblem naming the field ---

function fieldPath(parent: string, key: string): string {
  return parent ? `${parent}.${key}` : key;
}

function readField(
  data: Record<string, unknown>,
  key: string,
  parent: string,
): unknown {
  const value = data[key];
  if (value === undefined)
    throw new ModelProblem(fieldPath(parent, key), "is missing");
  return value;
}

function readString(
  data: Record<string, unknown>,
  key: string,
  parent: string,
): string {
  const value = readField(data, key, parent);
  if (typeof value !== "string") {
    throw new ModelProblem(
      fieldPath(parent, key),
      `must be a string, not ${describe(value)}`,
    );
  }
  return value;
}

/** An id or a label: not blank, and no stray spaces that would defeat matching by id. */
function readName(
  data: Record<string, unknown>,
  key: string,
  parent: string,
): string {
  const value = readString(data, key, parent);
  if (value.trim() === "")
    throw new ModelProblem(fieldPath(parent, key), "must not be empty");
  if (value !== value.trim()) {
    throw new ModelProblem(
      fieldPath(parent, key),
      `${describe(value)} has leading or trailing spaces`,
    );
  }
  return value;
}

function readArray(
  data: Record<string, unknown>,
  key: string,
  parent: string,
): unknown[] {
  const value = readField(data, key, parent);
  if (!Array.isArray(value))
    throw new ModelProblem(
      fieldPath(parent, key),
      `must be an array, not ${describe(value)}`,
    );
  return value;
}

function readChoice<T extends string>(
  data: Record<string, unknown>,
  key: string,
  parent: string,
  choices: readonly T[],
): T {
  const value = readString(data, key, parent);
  if (!(choices as readonly string[]).includes(value)) {
    const options = choices.map((c) => `"${c}"`);
    const list = `${options.slice(0, -1).join(", ")} or ${options[options.length - 1]}`;
    throw new ModelProblem(
      fieldPath(parent, key),
      `${describe(value)} must be ${list}`,
    );
  }
  return value as T;
}

/** A decimal string; a JSON number is refused because floats cannot hold every amount exactly. */
function readDecimal(
  data: Record<string, unknown>,
  key: string,
  parent: string,
  what: string,
): string {
  const value = readField(data, key, parent);
  if (typeof value === "number") {
    throw new ModelProblem(
      fieldPath(parent, key),
      `must be a decimal string such as "${Number.isFinite(value) ? value : 0}", not the JSON number ${value}`,
    );
  }
  if (typeof value !== "string") {
    throw new ModelProblem(
      fieldPath(parent, key),
      `must be a string, not ${describe(value)}`,
    );
  }
  if (!DECIMAL.test(value))
    throw new ModelProblem(
      fieldPath(parent, key),
      `${describe(value)} is not a ${what}`,
    );
  return value;
}

/** An amount of money: a decimal string, never negative (an allocation cannot be). */
function readAmount(
  data: Record<string, unknown>,
  key: string,
  parent: string,
): string {
  const value = readDecimal(data, key, parent, "decimal amount");
  if (value.startsWith("-"))
    throw new ModelProblem(
      fieldPath(parent, key),
      `${describe(value)} must not be negative`,
    );
  return value;
}

function expectRecord(value: unknown, path: string): Record<string, unknown> {
  if (!isRecord(value))
    throw new ModelProblem(path, `must be an object, not ${describe(value)}`);
  return value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** How a value is quoted in an error: strings in JSON quotes, containers by kind. */
function describe(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (Array.isArray(value)) return "an array";
  if (value === null) return "null";
  if (typeof value === "object") return "an object";
  return String(value);
}

/** Ids and aliases compared as a workbook label would be: case, accents and spacing aside. */
function labelKey(label: string): string {
  return label
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}

function decimalPlaces(amount: string): number {
  const dot = amount.indexOf(".");
  return dot < 0 ? 0 : amount.length - dot - 1;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
