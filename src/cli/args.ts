/**
 * The command line's grammar (SPEC §6): a command, its input (one workbook; for `check`, several
 * files and folders), and options. Parsing never throws: a mistake comes back as an
 * `ArgumentError` for the CLI to print in the user's language.
 */
import type { Lang } from '../engine';

export type Command = 'check' | 'fill' | 'report' | 'programmes';

export const COMMANDS: readonly Command[] = ['check', 'fill', 'report', 'programmes'];

/** What the findings are printed as: the aligned table, the JSON of SPEC §6, or the CSV of Esporta rilievi. */
export type OutputFormat = 'text' | 'json' | 'csv';

export const FORMATS: readonly OutputFormat[] = ['text', 'json', 'csv'];

/** The commands that work on a workbook; `programmes` lists the presets and reads none. */
type WorkbookCommand = Exclude<Command, 'programmes'>;

export interface RunOptions {
  command: WorkbookCommand;
  /** The first input; the only one for `fill` and `report`. */
  input: string;
  /** Every file and folder given, in the order given; several only for `check`. */
  inputs: string[];
  /** `fill` and `report` only; required there. */
  output: string | null;
  /** `fill` only. */
  force: boolean;
  /** `fill --indicators`: also create Tabella 3 from the model's indicators when the workbook has none. */
  indicators: boolean;
  modelPath: string | null;
  /** `--programme`: a preset by id or CCI. */
  programme: string | null;
  versionId: string | null;
  /** `--format`; `--json` is `--format json`. */
  format: OutputFormat;
  lang: Lang;
}

export type ArgumentError =
  | { code: 'missing-command' }
  | { code: 'unknown-command'; command: string }
  | { code: 'unknown-option'; option: string }
  | { code: 'option-not-for-command'; option: string; command: Command }
  | { code: 'missing-value'; option: string }
  | { code: 'repeated-option'; option: string }
  | { code: 'flag-with-value'; option: string }
  | { code: 'bad-lang'; value: string }
  | { code: 'bad-format'; value: string }
  /** `--json` with a `--format` other than json. */
  | { code: 'conflicting-format'; format: string }
  | { code: 'missing-input'; command: WorkbookCommand }
  | { code: 'extra-argument'; argument: string }
  | { code: 'missing-output'; command: WorkbookCommand };

export type ParsedArguments =
  | { kind: 'run'; options: RunOptions }
  | { kind: 'help'; lang: Lang }
  | { kind: 'version'; lang: Lang }
  | { kind: 'programmes'; lang: Lang; json: boolean }
  | { kind: 'error'; lang: Lang; error: ArgumentError };

type OptionName =
  | 'output'
  | 'force'
  | 'indicators'
  | 'model'
  | 'programme'
  | 'model-version'
  | 'json'
  | 'format'
  | 'lang'
  | 'help'
  | 'version';

interface OptionSpec {
  name: OptionName;
  takesValue: boolean;
  /** Commands the option applies to; all when absent. */
  commands?: readonly Command[];
}

const ON_WORKBOOKS: readonly Command[] = ['check', 'fill', 'report'];

const OPTIONS: Record<string, OptionSpec> = {
  '-o': { name: 'output', takesValue: true, commands: ['fill', 'report'] },
  '--output': { name: 'output', takesValue: true, commands: ['fill', 'report'] },
  '--force': { name: 'force', takesValue: false, commands: ['fill'] },
  '--indicators': { name: 'indicators', takesValue: false, commands: ['fill'] },
  '--model': { name: 'model', takesValue: true, commands: ON_WORKBOOKS },
  '--programme': { name: 'programme', takesValue: true, commands: ON_WORKBOOKS },
  '--model-version': { name: 'model-version', takesValue: true, commands: ON_WORKBOOKS },
  '--json': { name: 'json', takesValue: false },
  '--format': { name: 'format', takesValue: true, commands: ON_WORKBOOKS },
  '--lang': { name: 'lang', takesValue: true },
  '-h': { name: 'help', takesValue: false },
  '--help': { name: 'help', takesValue: false },
  '--version': { name: 'version', takesValue: false },
};

const LANGS: readonly Lang[] = ['it', 'en'];

export function parseArguments(argv: readonly string[]): ParsedArguments {
  const lang = requestedLang(argv);
  const fail = (error: ArgumentError): ParsedArguments => ({ kind: 'error', lang, error });
  // Help and version win over everything else on the line, as users expect.
  if (argv[0] === 'help' || argv.some((a) => a === '-h' || a === '--help')) return { kind: 'help', lang };
  if (argv.includes('--version')) return { kind: 'version', lang };

  const positionals: string[] = [];
  const values = new Map<OptionName, string>();
  const flags = new Set<OptionName>();
  const seen: { option: string; spec: OptionSpec }[] = [];
  let onlyPositionals = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (onlyPositionals || arg === '-' || !arg.startsWith('-')) {
      positionals.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPositionals = true;
      continue;
    }
    const equals = arg.indexOf('=');
    const option = equals > 0 ? arg.slice(0, equals) : arg;
    const spec = OPTIONS[option];
    if (!spec) return fail({ code: 'unknown-option', option });
    seen.push({ option, spec });
    if (!spec.takesValue) {
      if (equals > 0) return fail({ code: 'flag-with-value', option });
      flags.add(spec.name);
      continue;
    }
    let value: string | undefined;
    if (equals > 0) value = arg.slice(equals + 1);
    else if (i + 1 < argv.length && !looksLikeOption(argv[i + 1])) value = argv[++i];
    if (value === undefined || value === '') return fail({ code: 'missing-value', option });
    if (values.has(spec.name)) return fail({ code: 'repeated-option', option });
    values.set(spec.name, value);
  }

  const [commandWord, input, ...more] = positionals;
  if (commandWord === undefined) return fail({ code: 'missing-command' });
  const command = COMMANDS.find((c) => c === commandWord);
  if (!command) return fail({ code: 'unknown-command', command: commandWord });
  for (const { option, spec } of seen) {
    if (spec.commands && !spec.commands.includes(command))
      return fail({ code: 'option-not-for-command', option, command });
  }
  const langValue = values.get('lang');
  if (langValue !== undefined && !LANGS.includes(langValue as Lang))
    return fail({ code: 'bad-lang', value: langValue });
  if (command === 'programmes') {
    if (input !== undefined) return fail({ code: 'extra-argument', argument: input });
    return { kind: 'programmes', lang, json: flags.has('json') };
  }
  const formatValue = values.get('format');
  if (formatValue !== undefined && !FORMATS.includes(formatValue as OutputFormat))
    return fail({ code: 'bad-format', value: formatValue });
  if (formatValue !== undefined && formatValue !== 'json' && flags.has('json'))
    return fail({ code: 'conflicting-format', format: formatValue });
  if (input === undefined) return fail({ code: 'missing-input', command });
  // `check` takes several files and folders; `fill` and `report` write one copy of one workbook.
  if (command !== 'check' && more.length > 0) return fail({ code: 'extra-argument', argument: more[0] });
  const output = values.get('output') ?? null;
  if (command !== 'check' && output === null) return fail({ code: 'missing-output', command });
  return {
    kind: 'run',
    options: {
      command,
      input,
      inputs: [input, ...more],
      output,
      force: flags.has('force'),
      indicators: flags.has('indicators'),
      modelPath: values.get('model') ?? null,
      programme: values.get('programme') ?? null,
      versionId: values.get('model-version') ?? null,
      format: flags.has('json') ? 'json' : ((formatValue as OutputFormat | undefined) ?? 'text'),
      lang,
    },
  };
}

function looksLikeOption(arg: string): boolean {
  return arg.startsWith('-') && arg !== '-';
}

/** The language asked for with `--lang`, looked up first so that even argument errors speak it. */
function requestedLang(argv: readonly string[]): Lang {
  for (let i = 0; i < argv.length; i++) {
    const value =
      argv[i] === '--lang'
        ? argv[i + 1]
        : argv[i].startsWith('--lang=')
          ? argv[i].slice('--lang='.length)
          : undefined;
    if (value !== undefined && LANGS.includes(value as Lang)) return value as Lang;
  }
  return 'it';
}
