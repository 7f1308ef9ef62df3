/**
 * Loads a programme model (SPEC §3) from JSON and checks every field.
 *
 * The first problem found is reported as one line that names the field path, in Italian or English
 * (`versions[0].axes[2].allocation: "12,5" non è un importo decimale`), because the CLI prints it
 * as is and the task pane shows it in a message bar. A JSON syntax error says where (line and
 * column), in our words, never the parser's. Unknown keys are ignored, and the model returned is
 * built afresh, so it never carries them.
 */
import { Decimal } from 'decimal.js';
import type {
  IndicatorType,
  IndicatorUnit,
  ProgrammeAxis,
  ProgrammeIndicator,
  ProgrammeModel,
  ProgrammeThresholds,
  ProgrammeVersion,
} from './types';

/** The language of the error line; English by default (the embedded model's load, tests). */
export type ModelLang = 'it' | 'en';

export type ParseModelResult = { ok: true; model: ProgrammeModel } | { ok: false; error: string };

/** The decimal-string form of money, targets and thresholds: no thousands separators, a dot. */
const DECIMAL = /^-?\d+(\.\d+)?$/;

const DEFAULT_THRESHOLDS: ProgrammeThresholds = {
  tolerance: '0.85',
  serious: '0.65',
};

const INDICATOR_TYPES: readonly IndicatorType[] = ['output', 'result', 'financial'];
const INDICATOR_UNITS: readonly IndicatorUnit[] = ['number', 'percentage'];
const DIRECTIONS: readonly ProgrammeIndicator['direction'][] = ['higher', 'lower'];

/** A reason in both languages; `describe` quotes values the same in both. */
type Reason = Record<ModelLang, string>;

function say(en: string, it: string): Reason {
  return { en, it };
}

/** The first problem in the model; caught by `parseModel` and turned into its error line. */
class ModelProblem extends Error {
  constructor(
    readonly path: string,
    readonly reason: Reason,
  ) {
    super(path ? `${path}: ${reason.en}` : reason.en);
  }

  line(lang: ModelLang): string {
    return this.path ? `${this.path}: ${this.reason[lang]}` : this.reason[lang];
  }
}

export function parseModel(input: string | unknown, lang: ModelLang = 'en'): ParseModelResult {
  let data: unknown = input;
  if (typeof input === 'string') {
    // A file saved by a Windows editor may start with a byte-order mark.
    const text = input.replace(/^\uFEFF/, '');
    try {
      data = JSON.parse(text);
    } catch (e) {
      return { ok: false, error: jsonSyntaxError(text, e, lang) };
    }
  }
  try {
    return { ok: true, model: readModel(data) };
  } catch (e) {
    if (e instanceof ModelProblem) return { ok: false, error: e.line(lang) };
    throw e;
  }
}

/** How the parser's error reads, used only to find an offset: a prefix that merely ends early is not broken yet. */
function brokenBefore(prefix: string): boolean {
  try {
    JSON.parse(prefix);
    return false;
  } catch (e) {
    const message = e instanceof Error ? e.message : '';
    if (/end of JSON input|Unterminated string/.test(message)) return false;
    const at = /position (\d+)/.exec(message);
    return at ? Number(at[1]) < prefix.length : true;
  }
}

/** The offset of the first character the JSON cannot go on with; `text.length` when it only ends too early. */
function syntaxErrorOffset(text: string, error: unknown): number {
  const message = error instanceof Error ? error.message : '';
  const at = /position (\d+)/.exec(message);
  if (at && !/Unterminated string/.test(message)) return Number(at[1]);
  // The shortest broken prefix ends just after the offending character.
  let low = 0;
  let high = text.length;
  if (!brokenBefore(text)) return text.length;
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    if (brokenBefore(text.slice(0, mid))) high = mid;
    else low = mid + 1;
  }
  return Math.max(0, low - 1);
}

/**
 * Where the JSON breaks, as line and column (1-based). The parser's own sentence is not passed on:
 * only the offset it gives is used, and without one the text is taken to end too early.
 */
function jsonSyntaxError(text: string, error: unknown, lang: ModelLang): string {
  if (text.trim() === '')
    return lang === 'it' ? 'il file è vuoto, non contiene JSON' : 'the file is empty, not JSON';
  const offset = syntaxErrorOffset(text, error);
  if (offset >= text.length) {
    return lang === 'it'
      ? 'JSON non valido: il testo finisce prima che il modello sia chiuso (manca una } o una ] ?)'
      : 'not valid JSON: the text ends before the model is closed (a missing } or ] ?)';
  }
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  const found = text.charAt(offset);
  const at = found.trim() ? ` (${JSON.stringify(found)})` : '';
  return lang === 'it'
    ? `JSON non valido alla riga ${line}, colonna ${column}${at}: controlla virgole, virgolette e parentesi lì o appena prima`
    : `not valid JSON at line ${line}, column ${column}${at}: check the commas, quotes and brackets there or just before`;
}

function readModel(data: unknown): ProgrammeModel {
  if (!isRecord(data))
    throw new ModelProblem(
      'model',
      say(
        `must be a JSON object, not ${describe(data, 'en')}`,
        `deve essere un oggetto JSON, non ${describe(data, 'it')}`,
      ),
    );
  const id = readName(data, 'id', '');
  const title = readName(data, 'title', '');
  const currency = readString(data, 'currency', '');
  if (!/^[A-Z]{3}$/.test(currency)) {
    throw new ModelProblem(
      'currency',
      say(
        `${describe(currency)} must be a three-letter currency code such as "EUR"`,
        `${describe(currency)} deve essere un codice valuta di tre lettere come "EUR"`,
      ),
    );
  }

  const versionList = readArray(data, 'versions', '');
  if (versionList.length === 0)
    throw new ModelProblem(
      'versions',
      say('must hold at least one version', 'deve contenere almeno una versione'),
    );
  const versions: ProgrammeVersion[] = [];
  const versionIndex = new Map<string, number>();
  versionList.forEach((item, i) => {
    const path = `versions[${i}]`;
    const version = readVersion(item, path);
    const earlier = versionIndex.get(version.id);
    if (earlier !== undefined) {
      throw new ModelProblem(
        `${path}.id`,
        say(
          `${describe(version.id)} is already the id of versions[${earlier}]`,
          `${describe(version.id)} è già l'id di versions[${earlier}]`,
        ),
      );
    }
    versionIndex.set(version.id, i);
    versions.push(version);
  });

  // A model may describe only the financial plan; indicators are then simply not checked.
  const indicatorList = data.indicators === undefined ? [] : readArray(data, 'indicators', '');
  const axisIds = new Set(versions.flatMap((v) => v.axes.map((a) => a.id)));
  const indicators: ProgrammeIndicator[] = [];
  const indicatorIndex = new Map<string, number>();
  indicatorList.forEach((item, i) => {
    const path = `indicators[${i}]`;
    const indicator = readIndicator(item, path);
    if (!axisIds.has(indicator.axis)) {
      throw new ModelProblem(
        `${path}.axis`,
        say(
          `${describe(indicator.axis)} is not the id of an axis in any version`,
          `${describe(indicator.axis)} non è l'id di un asse in nessuna versione`,
        ),
      );
    }
    // The same common indicator may be reported per investment priority (CR06 for 8i, 8ii, 8v).
    const key = JSON.stringify([indicator.code, indicator.priority]);
    const earlier = indicatorIndex.get(key);
    if (earlier !== undefined) {
      throw new ModelProblem(
        path,
        say(
          `code ${describe(indicator.code)} with priority ${describe(indicator.priority)} is already indicators[${earlier}]`,
          `il codice ${describe(indicator.code)} con priorità ${describe(indicator.priority)} è già indicators[${earlier}]`,
        ),
      );
    }
    indicatorIndex.set(key, i);
    indicators.push(indicator);
  });

  const thresholds =
    data.thresholds === undefined ? { ...DEFAULT_THRESHOLDS } : readThresholds(data.thresholds);
  return { id, title, currency, versions, indicators, thresholds };
}

function readVersion(item: unknown, path: string): ProgrammeVersion {
  const data = expectRecord(item, path);
  const id = readName(data, 'id', path);
  const label = readName(data, 'label', path);
  const total = readAmount(data, 'total', path);

  const axisList = readArray(data, 'axes', path);
  if (axisList.length === 0)
    throw new ModelProblem(
      `${path}.axes`,
      say('must hold at least one axis', 'deve contenere almeno un asse'),
    );
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
        say(
          `${describe(axis.id)} is already the id of ${path}.axes[${earlierId}]`,
          `${describe(axis.id)} è già l'id di ${path}.axes[${earlierId}]`,
        ),
      );
    }
    const own: [string, string][] = [
      [`${axisPath}.id`, axis.id],
      ...axis.aliases.map((alias, j): [string, string] => [`${axisPath}.aliases[${j}]`, alias]),
    ];
    for (const [labelPath, label] of own) {
      const other = labels.get(labelKey(label));
      if (other && other.axis !== i) {
        throw new ModelProblem(
          labelPath,
          say(
            `${describe(label)} also names axis ${describe(other.id)} (${path}.axes[${other.axis}])`,
            `${describe(label)} indica anche l'asse ${describe(other.id)} (${path}.axes[${other.axis}])`,
          ),
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
      say(
        `${describe(total)} differs from the sum of the axes' allocations, "${sum.toFixed(places)}"`,
        `${describe(total)} è diverso dalla somma delle dotazioni degli assi, "${sum.toFixed(places)}"`,
      ),
    );
  }
  return { id, label, total, axes };
}

function readAxis(item: unknown, path: string): ProgrammeAxis {
  const data = expectRecord(item, path);
  const id = readName(data, 'id', path);
  // Empty for technical assistance, which has no thematic objective.
  const ot = readString(data, 'ot', path);
  const name = readName(data, 'name', path);
  const aliases =
    data.aliases === undefined
      ? []
      : readArray(data, 'aliases', path).map((alias, i) => {
          const aliasPath = `${path}.aliases[${i}]`;
          if (typeof alias !== 'string') throw new ModelProblem(aliasPath, notString(alias));
          if (alias.trim() === '') throw new ModelProblem(aliasPath, EMPTY);
          return alias;
        });
  const allocation = readAmount(data, 'allocation', path);
  return { id, ot, name, aliases, allocation };
}

function readIndicator(item: unknown, path: string): ProgrammeIndicator {
  const data = expectRecord(item, path);
  const code = readName(data, 'code', path);
  const axis = readName(data, 'axis', path);
  const priority = data.priority === undefined ? '' : readString(data, 'priority', path);
  const type = readChoice(data, 'type', path, INDICATOR_TYPES);
  const unit = readChoice(data, 'unit', path, INDICATOR_UNITS);
  const name = readName(data, 'name', path);
  const target = readDecimal(data, 'target', path, 'number');
  if (target.startsWith('-')) throw new ModelProblem(`${path}.target`, negative(target));
  const direction = data.direction === undefined ? 'higher' : readChoice(data, 'direction', path, DIRECTIONS);
  if (data.framework === undefined) return { code, axis, priority, type, unit, name, target, direction };
  if (typeof data.framework !== 'boolean')
    throw new ModelProblem(
      `${path}.framework`,
      say(
        `must be true or false, not ${describe(data.framework, 'en')}`,
        `deve essere true o false, non ${describe(data.framework, 'it')}`,
      ),
    );
  return { code, axis, priority, type, unit, name, target, direction, framework: data.framework };
}

function readThresholds(item: unknown): ProgrammeThresholds {
  const data = expectRecord(item, 'thresholds');
  const tolerance =
    data.tolerance === undefined
      ? DEFAULT_THRESHOLDS.tolerance
      : readDecimal(data, 'tolerance', 'thresholds', 'number');
  const serious =
    data.serious === undefined
      ? DEFAULT_THRESHOLDS.serious
      : readDecimal(data, 'serious', 'thresholds', 'number');
  // Shares of the target: serious shortfall below `serious`, error below `tolerance`.
  if (new Decimal(serious).lte(0)) {
    throw new ModelProblem(
      'thresholds.serious',
      say(`${describe(serious)} must be greater than 0`, `${describe(serious)} deve essere maggiore di 0`),
    );
  }
  if (new Decimal(tolerance).gt(1)) {
    throw new ModelProblem(
      'thresholds.tolerance',
      say(
        `${describe(tolerance)} must not be greater than 1`,
        `${describe(tolerance)} non deve essere maggiore di 1`,
      ),
    );
  }
  if (new Decimal(serious).gte(tolerance)) {
    throw new ModelProblem(
      'thresholds.serious',
      say(
        `${describe(serious)} must be less than thresholds.tolerance ${describe(tolerance)}`,
        `${describe(serious)} deve essere minore di thresholds.tolerance ${describe(tolerance)}`,
      ),
    );
  }
  return { tolerance, serious };
}

// --- field readers: each throws a ModelProblem naming the field ---

const EMPTY = say('must not be empty', 'non deve essere vuoto');

function notString(value: unknown): Reason {
  return say(
    `must be a string, not ${describe(value, 'en')}`,
    `deve essere una stringa, non ${describe(value, 'it')}`,
  );
}

function negative(value: string): Reason {
  return say(`${describe(value)} must not be negative`, `${describe(value)} non deve essere negativo`);
}

function fieldPath(parent: string, key: string): string {
  return parent ? `${parent}.${key}` : key;
}

function readField(data: Record<string, unknown>, key: string, parent: string): unknown {
  const value = data[key];
  if (value === undefined) throw new ModelProblem(fieldPath(parent, key), say('is missing', 'manca'));
  return value;
}

function readString(data: Record<string, unknown>, key: string, parent: string): string {
  const value = readField(data, key, parent);
  if (typeof value !== 'string') throw new ModelProblem(fieldPath(parent, key), notString(value));
  return value;
}

/** An id or a label: not blank, and no stray spaces that would defeat matching by id. */
function readName(data: Record<string, unknown>, key: string, parent: string): string {
  const value = readString(data, key, parent);
  if (value.trim() === '') throw new ModelProblem(fieldPath(parent, key), EMPTY);
  if (value !== value.trim()) {
    throw new ModelProblem(
      fieldPath(parent, key),
      say(
        `${describe(value)} has leading or trailing spaces`,
        `${describe(value)} ha spazi all'inizio o alla fine`,
      ),
    );
  }
  return value;
}

function readArray(data: Record<string, unknown>, key: string, parent: string): unknown[] {
  const value = readField(data, key, parent);
  if (!Array.isArray(value))
    throw new ModelProblem(
      fieldPath(parent, key),
      say(
        `must be an array, not ${describe(value, 'en')}`,
        `deve essere un array, non ${describe(value, 'it')}`,
      ),
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
    const head = options.slice(0, -1).join(', ');
    const last = options[options.length - 1];
    throw new ModelProblem(
      fieldPath(parent, key),
      say(
        `${describe(value)} must be ${head} or ${last}`,
        `${describe(value)} deve essere ${head} o ${last}`,
      ),
    );
  }
  return value as T;
}

/** A decimal string; a JSON number is refused because floats cannot hold every amount exactly. */
function readDecimal(
  data: Record<string, unknown>,
  key: string,
  parent: string,
  what: 'amount' | 'number',
): string {
  const value = readField(data, key, parent);
  if (typeof value === 'number') {
    throw new ModelProblem(
      fieldPath(parent, key),
      say(
        `must be a decimal string such as "${Number.isFinite(value) ? value : 0}", not the JSON number ${value}`,
        `deve essere una stringa decimale come "${Number.isFinite(value) ? value : 0}", non il numero JSON ${value}`,
      ),
    );
  }
  if (typeof value !== 'string') throw new ModelProblem(fieldPath(parent, key), notString(value));
  if (!DECIMAL.test(value))
    throw new ModelProblem(
      fieldPath(parent, key),
      what === 'amount'
        ? say(`${describe(value)} is not a decimal amount`, `${describe(value)} non è un importo decimale`)
        : say(`${describe(value)} is not a decimal number`, `${describe(value)} non è un numero decimale`),
    );
  return value;
}

/** An amount of money: a decimal string, never negative (an allocation cannot be). */
function readAmount(data: Record<string, unknown>, key: string, parent: string): string {
  const value = readDecimal(data, key, parent, 'amount');
  if (value.startsWith('-')) throw new ModelProblem(fieldPath(parent, key), negative(value));
  return value;
}

function expectRecord(value: unknown, path: string): Record<string, unknown> {
  if (!isRecord(value))
    throw new ModelProblem(
      path,
      say(
        `must be an object, not ${describe(value, 'en')}`,
        `deve essere un oggetto, non ${describe(value, 'it')}`,
      ),
    );
  return value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** How a value is quoted in an error: strings in JSON quotes, containers by kind. */
function describe(value: unknown, lang: ModelLang = 'en'): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return lang === 'it' ? 'un array' : 'an array';
  if (value === null) return 'null';
  if (typeof value === 'object') return lang === 'it' ? 'un oggetto' : 'an object';
  return String(value);
}

/** Ids and aliases compared as a workbook label would be: case, accents and spacing aside. */
function labelKey(label: string): string {
  return label
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

function decimalPlaces(amount: string): number {
  const dot = amount.indexOf('.');
  return dot < 0 ? 0 : amount.length - dot - 1;
}
