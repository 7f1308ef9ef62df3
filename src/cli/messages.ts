/** Every sentence the command line prints, in Italian and in English: one object per language. */
import type { Lang, Severity } from '../engine';
import type { ArgumentError } from './args';
import type { FileProblem } from './local-file';

export interface CliMessages {
  usage: string;
  argumentError(error: ArgumentError): string;
  fileProblem(problem: FileProblem): string;
  modelFileProblem(problem: FileProblem): string;
  invalidModel(path: string, error: string): string;
  invalidStoredModel(sheet: string, error: string): string;
  unknownVersion(id: string, available: string[]): string;
  unknownProgramme(programme: string, nearest: string[]): string;
  severityHeading: Record<Severity, string>;
  summary(counts: Record<Severity, number>): string;
  noFindings: string;
  indicatorsSummary(total: number, achieved: number, belowTarget: number): string;
  cellsWritten(count: number, path: string): string;
  /** fill on a workbook with neither Tabella 2 nor an indicator table: nothing to compute. */
  nothingToFill(path: string): string;
  /** fill found the tables already complete. */
  alreadyFilled(path: string): string;
  conflictsLeft(count: number): string;
  conflictReason: Record<'typed-value' | 'other-formula', string>;
  useForce: string;
  conflictsOverwritten(count: number): string;
  reportWritten(path: string, sheets: string[]): string;
  logAppended(count: number, sheet: string): string;
  /** `check` on folders that hold no workbook. */
  noWorkbooks(inputs: string[]): string;
  /** A batch's section for a file that could not be checked. */
  notChecked(reason: string): string;
  batchHeading(files: number): string;
  /** The summary table's columns: file, exit code, errors, warnings, info. */
  batchColumns: [string, string, string, string, string];
  batchTotals(totals: { files: number; withErrors: number; notChecked: number; exit: number }): string;
  /** fill --indicators on a workbook that has an indicator table already. */
  indicatorTableExists(sheet: string, cell: string): string;
  noModelIndicators(modelId: string): string;
  indicatorTableCreated(created: {
    sheet: string;
    range: string;
    indicators: number;
    values: string;
    newSheet: boolean;
  }): string;
}

const COMMAND_LIST = 'check, fill, report';

/** The formats `check` reads and `fill`/`report` do not write. */
const WRITTEN_FORMAT: Record<Lang, Record<'ods' | 'xlsb' | 'numbers', string>> = {
  it: {
    ods: 'un foglio OpenDocument (.ods)',
    xlsb: 'una cartella di lavoro binaria di Excel (.xlsb)',
    numbers: 'un documento Numbers',
  },
  en: {
    ods: 'an OpenDocument spreadsheet (.ods)',
    xlsb: 'an Excel binary workbook (.xlsb)',
    numbers: 'a Numbers document',
  },
};

/** Which reading limit was reached, its figure, and what to do. */
function limitText(lang: Lang, problem: FileProblem): string {
  const max = problem.max ?? 0;
  const figure = (n: number): string => new Intl.NumberFormat(lang === 'it' ? 'it-IT' : 'en-US').format(n);
  const size = (n: number): string =>
    n >= 1e9 ? `${figure(Math.round(n / 1e8) / 10)} GB` : `${figure(Math.round(n / 2 ** 20))} MB`;
  const it = lang === 'it';
  switch (problem.limit) {
    case 'cells':
      return it
        ? `ha più di ${figure(max)} celle non vuote, il limite della lettura; togli i fogli e le righe che non servono, o copia le tabelle in un file a parte`
        : `it has more than ${figure(max)} non-empty cells, the reading limit; remove the sheets and rows you do not need, or copy the tables into a file of their own`;
    case 'area':
      return it
        ? `le sue celle coprono più di ${figure(max)} posizioni, il limite della lettura; togli i fogli e le colonne lontane che non servono, o copia le tabelle in un file a parte`
        : `its cells span more than ${figure(max)} positions, the reading limit; remove the sheets and far-off columns you do not need, or copy the tables into a file of their own`;
    case 'bytes':
      return it
        ? `decompresso supera ${size(max)}, il limite della lettura (forse una «zip bomb»); togli i fogli che non servono, o copia le tabelle in un file a parte`
        : `uncompressed it exceeds ${size(max)}, the reading limit (perhaps a "zip bomb"); remove the sheets you do not need, or copy the tables into a file of their own`;
    case 'part-bytes':
      return it
        ? `la parte ${problem.detail ?? ''} decompressa supera ${size(max)}, il limite della lettura (forse una «zip bomb»); togli i fogli che non servono, o copia le tabelle in un file a parte`
        : `its part ${problem.detail ?? ''} exceeds ${size(max)} uncompressed, the reading limit (perhaps a "zip bomb"); remove the sheets you do not need, or copy the tables into a file of their own`;
    case 'seconds':
    default:
      return it
        ? `la lettura ha superato ${figure(max)} secondi, il limite di tempo; togli i fogli che non servono, o copia le tabelle in un file a parte`
        : `reading it took more than ${figure(max)} seconds, the time limit; remove the sheets you do not need, or copy the tables into a file of their own`;
  }
}

const it: CliMessages = {
  usage: `por-tables — verifica, compila e genera il report delle tabelle finanziarie dei programmi UE in un file .xlsx

Uso:
  por-tables check <file.xlsx> [<file|cartella>...] [--model m.json] [--model-version id]
                   [--format text|json|csv] [--json] [--lang it|en]
  por-tables fill <in.xlsx> -o <out.xlsx> [--force] [--indicators] [--model m.json] [--model-version id] [--format …] [--lang it|en]
  por-tables report <in.xlsx> -o <out.xlsx> [--model m.json] [--model-version id] [--format …] [--lang it|en]
  por-tables programmes [--json] [--lang it|en]

Comandi:
  check    verifica le tabelle ed elenca i rilievi; non modifica nulla. Con più file o una cartella
           (letta con le sottocartelle: .xlsx, .xlsm, .xlsb, .ods…), una sezione per file e un riepilogo;
           il codice di uscita è il peggiore
  fill     scrive in una copia le colonne calcolate (C, E, G, I della Tabella 2; % del target e Stato
           degli indicatori) come formule, e converte in numeri gli importi scritti come testo
  report   scrive in una copia il foglio del report (Tabelle 1, 2 e indicatori) e quello dei rilievi
  programmes  elenca i programmi predefiniti (i 20 PO FSE 2014-2020 italiani): id, CCI, assi, dotazione

Opzioni:
  -o, --output <file>    il file .xlsx da scrivere (fill, report); mai lo stesso file di ingresso
  --force                (fill) sovrascrive anche valori digitati e altre formule nelle colonne calcolate
  --indicators           (fill) se la cartella non ha una tabella degli indicatori, aggiunge la Tabella 3
                         con gli indicatori del modello (valori da inserire, % del target e Stato come formule)
  --model <m.json>       il modello del programma (predefinito: quello salvato nel foglio
                         "Modello POR Tables" della cartella, se c'è, altrimenti POR FSE 2014-2020
                         Regione Lombardia)
  --programme <id|CCI>   uno dei programmi predefiniti (por-tables programmes); senza --model né
                         --programme, un programma le cui dotazioni la cartella riporta esattamente
                         è riconosciuto da sé
  --model-version <id>   la versione del modello (predefinita: quella a cui corrispondono le dotazioni)
  --format text|json|csv come stampare i rilievi (predefinito: text); csv: UTF-8 con BOM, separatore ";"
                         in italiano e "," in inglese, una colonna File con più file; su stdout
  --json                 come --format json: rilievi e indicatori in JSON
  --lang it|en           la lingua dei messaggi (predefinita: it)
  -h, --help             questo aiuto
  --version              la versione di por-tables

Codice di uscita: 0 nessun errore, 1 rilievi di tipo errore, 2 il comando non è stato eseguito.`,
  argumentError(error) {
    switch (error.code) {
      case 'missing-command':
        return `manca il comando (${COMMAND_LIST}); vedi por-tables --help`;
      case 'unknown-command':
        return `comando sconosciuto: ${error.command} (comandi: ${COMMAND_LIST})`;
      case 'unknown-option':
        return `opzione sconosciuta: ${error.option}; vedi por-tables --help`;
      case 'option-not-for-command':
        return `l'opzione ${error.option} non vale per ${error.command}`;
      case 'missing-value':
        return `manca il valore dell'opzione ${error.option}`;
      case 'repeated-option':
        return `l'opzione ${error.option} è data più di una volta`;
      case 'flag-with-value':
        return `l'opzione ${error.option} non prende un valore`;
      case 'bad-lang':
        return `lingua non disponibile: ${error.value} (usa it o en)`;
      case 'bad-format':
        return `formato non disponibile: ${error.value} (usa text, json o csv)`;
      case 'conflicting-format':
        return `--json e --format ${error.format} si contraddicono: usane uno solo`;
      case 'missing-input':
        return error.command === 'check'
          ? 'manca il file .xlsx (o la cartella) da verificare: por-tables check <file.xlsx|cartella>...'
          : `manca il file .xlsx da elaborare: por-tables ${error.command} <file.xlsx>`;
      case 'extra-argument':
        return `argomento in più: ${error.argument}`;
      case 'missing-output':
        return `${error.command} scrive una copia: indica il file di uscita con -o <out.xlsx>`;
    }
  },
  fileProblem(problem) {
    const { path, detail } = problem;
    switch (problem.reason) {
      case 'not-found':
        return `file non trovato: ${path}`;
      case 'not-a-file':
        return `non è un file: ${path}`;
      case 'unreadable':
        return `impossibile leggere ${path}${detail ? ` (${detail})` : ''}`;
      case 'ole2':
        return `${path} non è una cartella di lavoro Excel (è un file OLE2 di altro tipo, forse un documento Word o Outlook)`;
      case 'encrypted':
        return `${path} è protetto da password (cifrato): aprilo in Excel, togli la password (File › Informazioni › Proteggi cartella di lavoro) e salvalo come .xlsx`;
      case 'xls':
        return `${path} è un file Excel 97-2003 (.xls): aprilo in Excel o LibreOffice e salvalo come .xlsx`;
      case 'ods':
      case 'xlsb':
      case 'numbers':
        return `${path} è ${WRITTEN_FORMAT.it[problem.reason]}: check lo legge, ma fill e report scrivono solo file .xlsx: salvalo come .xlsx`;
      case 'not-zip':
        return `${path} non è un file .xlsx (forse un CSV o un file di testo rinominato)`;
      case 'damaged-zip':
        return `${path} è danneggiato o incompleto: non si riesce a leggerlo come .xlsx; aprilo in Excel o LibreOffice, che possono ripararlo, o chiedine una copia integra`;
      case 'zip-not-xlsx':
        return `${path} è un archivio zip ma non una cartella di lavoro Excel (.xlsx)`;
      case 'unparsable':
        return `${path} è danneggiato: ${problem.sheet ? `il foglio «${problem.sheet}» non si riesce a leggere` : detail ? `la parte ${detail} non si riesce a leggere` : 'non si riesce a leggerlo'}; aprilo in Excel o LibreOffice, che possono ripararlo, e salvalo di nuovo`;
      case 'limit':
        return `${path} non viene letto: ${limitText('it', problem)}`;
      case 'same-as-input':
        return `il file di uscita ${path} è il file di ingresso: indica con -o un altro file (l'originale non viene mai modificato)`;
      case 'output-directory-missing':
        return `la cartella del file di uscita non esiste: ${path}`;
      case 'unwritable':
        return `impossibile scrivere ${path}${detail ? ` (${detail})` : ''}`;
    }
  },
  modelFileProblem(problem) {
    if (problem.reason === 'not-found') return `file del modello non trovato: ${problem.path}`;
    if (problem.reason === 'not-a-file') return `il modello non è un file: ${problem.path}`;
    return `impossibile leggere il file del modello ${problem.path}${problem.detail ? ` (${problem.detail})` : ''}`;
  },
  invalidModel: (path, error) => `modello non valido (${path}): ${error}`,
  invalidStoredModel: (sheet, error) =>
    `il modello salvato nel foglio "${sheet}" non è valido: ${error} (correggilo, oppure indica un modello con --model)`,
  unknownVersion: (id, available) =>
    `versione del modello sconosciuta: ${id} (versioni: ${available.join(', ')})`,
  unknownProgramme: (programme, nearest) =>
    `programma sconosciuto: ${programme} (i più vicini: ${nearest.join(', ')}; l'elenco: por-tables programmes)`,
  severityHeading: { error: 'Errori', warning: 'Avvisi', info: 'Informazioni' },
  summary: (c) =>
    `Rilievi: ${c.error} ${c.error === 1 ? 'errore' : 'errori'}, ${c.warning} ${c.warning === 1 ? 'avviso' : 'avvisi'}, ` +
    `${c.info} ${c.info === 1 ? 'informazione' : 'informazioni'}.`,
  noFindings: 'Nessun rilievo: le tabelle sono coerenti con il modello.',
  indicatorsSummary: (total, achieved, below) =>
    `Indicatori: ${total}, di cui ${achieved} al target e ${below} sotto il target.`,
  cellsWritten: (count, path) => `Celle scritte: ${count}, in ${path}.`,
  nothingToFill: (path) =>
    `Niente da compilare: nella cartella non ci sono né la Tabella 2 (Avanzamento finanziario) né una tabella degli indicatori. In ${path} non è stata scritta nessuna cella.`,
  alreadyFilled: (path) =>
    `Niente da cambiare: le colonne calcolate hanno già le formule di POR Tables. In ${path} non è stata scritta nessuna cella.`,
  conflictsLeft: (count) =>
    count === 1
      ? `1 cella non sovrascritta (contiene un valore digitato o un'altra formula):`
      : `${count} celle non sovrascritte (contengono valori digitati o altre formule):`,
  conflictReason: { 'typed-value': 'valore digitato', 'other-formula': 'altra formula' },
  useForce: 'Per sovrascriverle con le formule, ripeti il comando con --force.',
  conflictsOverwritten: (count) =>
    `Sovrascritte con --force: ${count} ${count === 1 ? 'cella' : 'celle'} (il registro conserva i valori precedenti).`,
  reportWritten: (path, sheets) => `Report scritto in ${path} (fogli: ${sheets.join(', ')}).`,
  logAppended: (count, sheet) =>
    `Registro: ${count} ${count === 1 ? 'riga aggiunta' : 'righe aggiunte'} al foglio "${sheet}".`,
  noWorkbooks: (inputs) => `nessuna cartella di lavoro (.xlsx, .xlsm, .xlsb, .ods…) in ${inputs.join(', ')}`,
  notChecked: (reason) => `Non verificato: ${reason}`,
  batchHeading: (files) => `Riepilogo (${files} file)`,
  batchColumns: ['File', 'Uscita', 'Errori', 'Avvisi', 'Informazioni'],
  batchTotals: ({ files, withErrors, notChecked, exit }) =>
    `File: ${files}, di cui ${withErrors} con errori e ${notChecked} non ${notChecked === 1 ? 'verificato' : 'verificati'}. Codice di uscita: ${exit}.`,
  indicatorTableExists: (sheet, cell) =>
    `La cartella ha già una tabella degli indicatori (foglio "${sheet}", ${cell}): non ne è stata creata un'altra.`,
  noModelIndicators: (modelId) =>
    `Il modello ${modelId} non ha indicatori: nessuna tabella degli indicatori creata.`,
  indicatorTableCreated: ({ sheet, range, indicators, values, newSheet }) =>
    `Tabella 3 creata nel foglio ${newSheet ? 'nuovo ' : ''}"${sheet}", ${range}: ${indicators} ${indicators === 1 ? 'indicatore' : 'indicatori'} del modello, i valori da inserire in ${values}.`,
};

const en: CliMessages = {
  usage: `por-tables — checks, fills and reports the financial tables of EU programmes in an .xlsx file

Usage:
  por-tables check <file.xlsx> [<file|folder>...] [--model m.json] [--model-version id]
                   [--format text|json|csv] [--json] [--lang it|en]
  por-tables fill <in.xlsx> -o <out.xlsx> [--force] [--indicators] [--model m.json] [--model-version id] [--format …] [--lang it|en]
  por-tables report <in.xlsx> -o <out.xlsx> [--model m.json] [--model-version id] [--format …] [--lang it|en]
  por-tables programmes [--json] [--lang it|en]

Commands:
  check    checks the tables and lists the findings; changes nothing. With several files or a folder
           (walked with its subfolders: .xlsx, .xlsm, .xlsb, .ods…), a section per file and a summary;
           the exit code is the worst
  fill     writes into a copy the computed columns (C, E, G, I of Tabella 2; % of target and status
           of the indicators) as formulas, and turns amounts stored as text into numbers
  report   writes into a copy the report sheet (Tabelle 1, 2 and indicators) and the findings sheet
  programmes  lists the preset programmes (the 20 Italian ESF 2014-2020 OPs): id, CCI, axes, total

Options:
  -o, --output <file>    the .xlsx file to write (fill, report); never the input file itself
  --force                (fill) also overwrite typed values and other formulas in the computed columns
  --indicators           (fill) when the workbook has no indicator table, add Tabella 3 with the
                         model's indicators (values to type in, % of target and status as formulas)
  --model <m.json>       the programme model (default: the one stored in the workbook's sheet
                         "Modello POR Tables", if any, else POR FSE 2014-2020 Regione Lombardia)
  --programme <id|CCI>   one of the preset programmes (por-tables programmes); with neither --model
                         nor --programme, a programme whose allocations the workbook holds exactly
                         is recognised by itself
  --model-version <id>   the model version (default: the one the allocations match)
  --format text|json|csv how to print the findings (default: text); csv: UTF-8 with a BOM, "," as
                         separator in English and ";" in Italian, a File column with several files; on stdout
  --json                 same as --format json: findings and indicators as JSON
  --lang it|en           language of the messages (default: it)
  -h, --help             this help
  --version              the version of por-tables

Exit code: 0 no errors, 1 error findings, 2 the command could not run.`,
  argumentError(error) {
    switch (error.code) {
      case 'missing-command':
        return `missing command (${COMMAND_LIST}); see por-tables --help`;
      case 'unknown-command':
        return `unknown command: ${error.command} (commands: ${COMMAND_LIST})`;
      case 'unknown-option':
        return `unknown option: ${error.option}; see por-tables --help`;
      case 'option-not-for-command':
        return `option ${error.option} does not apply to ${error.command}`;
      case 'missing-value':
        return `option ${error.option} needs a value`;
      case 'repeated-option':
        return `option ${error.option} is given more than once`;
      case 'flag-with-value':
        return `option ${error.option} takes no value`;
      case 'bad-lang':
        return `language not available: ${error.value} (use it or en)`;
      case 'bad-format':
        return `format not available: ${error.value} (use text, json or csv)`;
      case 'conflicting-format':
        return `--json and --format ${error.format} contradict each other: give only one`;
      case 'missing-input':
        return error.command === 'check'
          ? 'missing the .xlsx file (or folder) to check: por-tables check <file.xlsx|folder>...'
          : `missing the .xlsx file to process: por-tables ${error.command} <file.xlsx>`;
      case 'extra-argument':
        return `unexpected argument: ${error.argument}`;
      case 'missing-output':
        return `${error.command} writes a copy: give the output file with -o <out.xlsx>`;
    }
  },
  fileProblem(problem) {
    const { path, detail } = problem;
    switch (problem.reason) {
      case 'not-found':
        return `file not found: ${path}`;
      case 'not-a-file':
        return `not a file: ${path}`;
      case 'unreadable':
        return `cannot read ${path}${detail ? ` (${detail})` : ''}`;
      case 'ole2':
        return `${path} is not an Excel workbook (it is another kind of OLE2 file, perhaps a Word or Outlook document)`;
      case 'encrypted':
        return `${path} is password-protected (encrypted): open it in Excel, remove the password (File › Info › Protect Workbook) and save it as .xlsx`;
      case 'xls':
        return `${path} is an Excel 97-2003 file (.xls): open it in Excel or LibreOffice and save it as .xlsx`;
      case 'ods':
      case 'xlsb':
      case 'numbers':
        return `${path} is ${WRITTEN_FORMAT.en[problem.reason]}: check reads it, but fill and report write .xlsx files only: save it as .xlsx`;
      case 'not-zip':
        return `${path} is not an .xlsx file (perhaps a CSV or a text file renamed)`;
      case 'damaged-zip':
        return `${path} is damaged or truncated: it cannot be read as .xlsx; open it in Excel or LibreOffice, which may repair it, or ask for a sound copy`;
      case 'zip-not-xlsx':
        return `${path} is a zip archive but not an Excel workbook (.xlsx)`;
      case 'unparsable':
        return `${path} is damaged: ${problem.sheet ? `its sheet "${problem.sheet}"` : detail ? `its part ${detail}` : 'it'} cannot be read; open it in Excel or LibreOffice, which may repair it, and save it again`;
      case 'limit':
        return `${path} is not read: ${limitText('en', problem)}`;
      case 'same-as-input':
        return `the output file ${path} is the input file: give another file with -o (the original is never modified)`;
      case 'output-directory-missing':
        return `the folder of the output file does not exist: ${path}`;
      case 'unwritable':
        return `cannot write ${path}${detail ? ` (${detail})` : ''}`;
    }
  },
  modelFileProblem(problem) {
    if (problem.reason === 'not-found') return `model file not found: ${problem.path}`;
    if (problem.reason === 'not-a-file') return `the model is not a file: ${problem.path}`;
    return `cannot read the model file ${problem.path}${problem.detail ? ` (${problem.detail})` : ''}`;
  },
  invalidModel: (path, error) => `invalid model (${path}): ${error}`,
  invalidStoredModel: (sheet, error) =>
    `the model stored in sheet "${sheet}" is not valid: ${error} (fix it, or give a model with --model)`,
  unknownVersion: (id, available) => `unknown model version: ${id} (versions: ${available.join(', ')})`,
  unknownProgramme: (programme, nearest) =>
    `unknown programme: ${programme} (nearest: ${nearest.join(', ')}; the list: por-tables programmes)`,
  severityHeading: { error: 'Errors', warning: 'Warnings', info: 'Info' },
  summary: (c) =>
    `Findings: ${c.error} ${c.error === 1 ? 'error' : 'errors'}, ${c.warning} ${c.warning === 1 ? 'warning' : 'warnings'}, ${c.info} info.`,
  noFindings: 'No findings: the tables agree with the model.',
  indicatorsSummary: (total, achieved, below) =>
    `Indicators: ${total}, ${achieved} at target and ${below} below target.`,
  cellsWritten: (count, path) => `Cells written: ${count}, in ${path}.`,
  nothingToFill: (path) =>
    `Nothing to fill: the workbook has neither Table 2 (financial progress) nor an indicator table. No cell was written in ${path}.`,
  alreadyFilled: (path) =>
    `Nothing to change: the computed columns already hold POR Tables' formulas. No cell was written in ${path}.`,
  conflictsLeft: (count) =>
    count === 1
      ? `1 cell not overwritten (it holds a typed value or another formula):`
      : `${count} cells not overwritten (they hold typed values or other formulas):`,
  conflictReason: { 'typed-value': 'typed value', 'other-formula': 'other formula' },
  useForce: 'To replace them with the formulas, run the command again with --force.',
  conflictsOverwritten: (count) =>
    `Overwritten with --force: ${count} ${count === 1 ? 'cell' : 'cells'} (the log keeps the previous values).`,
  reportWritten: (path, sheets) => `Report written to ${path} (sheets: ${sheets.join(', ')}).`,
  logAppended: (count, sheet) =>
    `Log: ${count} ${count === 1 ? 'row' : 'rows'} appended to sheet "${sheet}".`,
  noWorkbooks: (inputs) => `no workbook (.xlsx, .xlsm, .xlsb, .ods…) in ${inputs.join(', ')}`,
  notChecked: (reason) => `Not checked: ${reason}`,
  batchHeading: (files) => `Summary (${files} ${files === 1 ? 'file' : 'files'})`,
  batchColumns: ['File', 'Exit', 'Errors', 'Warnings', 'Info'],
  batchTotals: ({ files, withErrors, notChecked, exit }) =>
    `Files: ${files}, ${withErrors} with errors and ${notChecked} not checked. Exit code: ${exit}.`,
  indicatorTableExists: (sheet, cell) =>
    `The workbook already has an indicator table (sheet "${sheet}", ${cell}): no other one was created.`,
  noModelIndicators: (modelId) => `The model ${modelId} has no indicators: no indicator table was created.`,
  indicatorTableCreated: ({ sheet, range, indicators, values, newSheet }) =>
    `Tabella 3 created in the ${newSheet ? 'new ' : ''}sheet "${sheet}", ${range}: the model's ${indicators} ${indicators === 1 ? 'indicator' : 'indicators'}, the values to type in ${values}.`,
};

export const MESSAGES: Record<Lang, CliMessages> = { it, en };
