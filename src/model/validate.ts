/**
 * Loads a programme model (SPEC §3) from JSON and checks it against `programmeModelSchema`.
 *
 * The first problem found is reported as one line that names the field path, in Italian or English
 * (`versions[0].axes[2].allocation: "12,5" non è un importo decimale`), because the CLI prints it
 * as is and the task pane shows it in a message bar. A JSON syntax error says where (line and
 * column), in our words, never the parser's. Unknown keys are ignored, and the model returned is
 * built afresh, so it never carries them.
 */
import type { z } from 'zod';
import { programmeModelSchema } from './schema';
import type { ModelMessageId } from './schema';
import type { ProgrammeModel } from './types';

/** The language of the error line; English by default (the embedded model's load, tests). */
export type ModelLang = 'it' | 'en';

export type ParseModelResult = { ok: true; model: ProgrammeModel } | { ok: false; error: string };

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
  const result = programmeModelSchema.safeParse(data, { reportInput: true });
  if (result.success) return { ok: true, model: result.data };
  return { ok: false, error: problemLine(result.error.issues[0], lang) };
}

/** The first issue as `path: reason`; the whole model is called `model`. */
export function problemLine(issue: z.core.$ZodIssue, lang: ModelLang): string {
  const path = fieldPath(issue.path);
  return `${path || 'model'}: ${reasonOf(issue, path === '')[lang]}`;
}

/** `['versions', 0, 'axes', 2, 'allocation']` → `versions[0].axes[2].allocation`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => {
    if (typeof key === 'number') return `${text}[${key}]`;
    return text ? `${text}.${String(key)}` : String(key);
  }, '');
}

/** A reason in both languages; `describe` quotes values the same in both. */
type Reason = Record<ModelLang, string>;

function say(en: string, it: string): Reason {
  return { en, it };
}

const KIND_NAMES: Record<string, Reason> = {
  string: say('a string', 'una stringa'),
  array: say('an array', 'un array'),
  object: say('an object', 'un oggetto'),
  boolean: say('true or false', 'true o false'),
};

function reasonOf(issue: z.core.$ZodIssue, isModel: boolean): Reason {
  const input: unknown = issue.input;
  const value = describe(input);
  const params = (issue.code === 'custom' ? issue.params : undefined) ?? {};
  const id = issue.message as ModelMessageId;
  switch (id) {
    case 'empty':
      return say('must not be empty', 'non deve essere vuoto');
    case 'straySpaces':
      return say(`${value} has leading or trailing spaces`, `${value} ha spazi all'inizio o alla fine`);
    case 'decimalNotJsonNumber': {
      const example = Number.isFinite(input) ? String(input) : '0';
      return say(
        `must be a decimal string such as "${example}", not the JSON number ${value}`,
        `deve essere una stringa decimale come "${example}", non il numero JSON ${value}`,
      );
    }
    case 'notAmount':
      return say(`${value} is not a decimal amount`, `${value} non è un importo decimale`);
    case 'notNumber':
      return say(`${value} is not a decimal number`, `${value} non è un numero decimale`);
    case 'negative':
      return say(`${value} must not be negative`, `${value} non deve essere negativo`);
    case 'currency':
      return say(
        `${value} must be a three-letter currency code such as "EUR"`,
        `${value} deve essere un codice valuta di tre lettere come "EUR"`,
      );
    case 'cci':
      return say(
        `${value} is not a CCI code such as "2014IT05SFOP007"`,
        `${value} non è un codice CCI come "2014IT05SFOP007"`,
      );
    case 'noVersions':
      return say('must hold at least one version', 'deve contenere almeno una versione');
    case 'noAxes':
      return say('must hold at least one axis', 'deve contenere almeno un asse');
    case 'duplicateVersion':
      return say(
        `${value} is already the id of versions[${params.earlierVersion}]`,
        `${value} è già l'id di versions[${params.earlierVersion}]`,
      );
    case 'duplicateAxis': {
      const earlier = `${fieldPath(issue.path.slice(0, -2))}[${params.earlierAxis}]`;
      return say(`${value} is already the id of ${earlier}`, `${value} è già l'id di ${earlier}`);
    }
    case 'aliasOfOtherAxis': {
      const axesPath = fieldPath(issue.path.slice(0, issue.path.lastIndexOf('axes') + 1));
      const other = `${describe(params.otherId)} (${axesPath}[${params.otherAxis}])`;
      return say(`${value} also names axis ${other}`, `${value} indica anche l'asse ${other}`);
    }
    case 'totalNotSum':
      return say(
        `${value} differs from the sum of the axes' allocations, "${params.sum}"`,
        `${value} è diverso dalla somma delle dotazioni degli assi, "${params.sum}"`,
      );
    case 'unknownIndicatorAxis':
      return say(
        `${value} is not the id of an axis in any version`,
        `${value} non è l'id di un asse in nessuna versione`,
      );
    case 'duplicateIndicator': {
      const code = describe(params.code);
      const priority = describe(params.priority);
      const earlier = `indicators[${params.earlierIndicator}]`;
      return say(
        `code ${code} with priority ${priority} is already ${earlier}`,
        `il codice ${code} con priorità ${priority} è già ${earlier}`,
      );
    }
    case 'seriousNotPositive':
      return say(`${value} must be greater than 0`, `${value} deve essere maggiore di 0`);
    case 'toleranceAboveOne':
      return say(`${value} must not be greater than 1`, `${value} non deve essere maggiore di 1`);
    case 'seriousNotBelowTolerance': {
      const tolerance = describe(params.tolerance);
      return say(
        `${value} must be less than thresholds.tolerance ${tolerance}`,
        `${value} deve essere minore di thresholds.tolerance ${tolerance}`,
      );
    }
  }
  // Zod's own checks: a field of the wrong kind, missing, or not one of the choices.
  if (input === undefined) return say('is missing', 'manca');
  if (issue.code === 'invalid_type') {
    const kind = KIND_NAMES[issue.expected] ?? say(issue.expected, issue.expected);
    if (isModel)
      return say(
        `must be a JSON object, not ${describe(input, 'en')}`,
        `deve essere un oggetto JSON, non ${describe(input, 'it')}`,
      );
    return say(
      `must be ${kind.en}, not ${describe(input, 'en')}`,
      `deve essere ${kind.it}, non ${describe(input, 'it')}`,
    );
  }
  if (issue.code === 'invalid_value') {
    if (typeof input !== 'string') {
      return say(
        `must be a string, not ${describe(input, 'en')}`,
        `deve essere una stringa, non ${describe(input, 'it')}`,
      );
    }
    const options = issue.values.map((c) => JSON.stringify(c));
    const head = options.slice(0, -1).join(', ');
    const last = options[options.length - 1];
    return say(`${value} must be ${head} or ${last}`, `${value} deve essere ${head} o ${last}`);
  }
  // A check without a message id is a gap in the schema, not the user's fault: say it plainly.
  return say(`${value} is not valid here (${issue.code})`, `${value} non è valido qui (${issue.code})`);
}

/** How a value is quoted in an error: strings in JSON quotes, containers by kind. */
function describe(value: unknown, lang: ModelLang = 'en'): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return lang === 'it' ? 'un array' : 'an array';
  if (value === null) return 'null';
  if (typeof value === 'object') return lang === 'it' ? 'un oggetto' : 'an object';
  return String(value);
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
