/**
 * Esporta rilievi: the findings as CSV that Excel opens as columns in the reader's locale — UTF-8
 * with a BOM, `;` between fields in Italian (Italian Excel's list separator), `,` in English — with
 * every field that starts like a formula made safe, so a message can never run as one.
 */
import { SEVERITY_NAMES, TABLE_NAMES, sortFindings, type Finding, type Lang } from './finding';
import { formatValue, rawValue } from './message-value';
import { renderFinding } from './render';

export const CSV_BOM = '\uFEFF';

const HEADER: Record<Lang, { file: string; rest: string[] }> = {
  it: {
    file: 'File',
    rest: [
      'Gravità',
      'Regola',
      'Tabella',
      'Foglio',
      'Cella',
      'Messaggio',
      'Atteso',
      'Rilevato',
      'Atteso (valore)',
      'Rilevato (valore)',
    ],
  },
  en: {
    file: 'File',
    rest: [
      'Severity',
      'Rule',
      'Table',
      'Sheet',
      'Cell',
      'Message',
      'Expected',
      'Actual',
      'Expected (raw)',
      'Actual (raw)',
    ],
  },
};

export function csvSeparator(lang: Lang): ';' | ',' {
  return lang === 'it' ? ';' : ',';
}

/**
 * A field as Excel must read it: text that starts with `=`, `+`, `-`, `@`, a tab or a carriage return
 * gets a leading apostrophe (OWASP's advice against CSV injection), and a field holding the
 * separator, a quote or a line break is quoted.
 */
export function csvField(text: string, separator: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return safe.includes(separator) || /["\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export interface CsvSource {
  /** The workbook's file name, for a `File` column when several workbooks are exported together. */
  file?: string;
  findings: readonly Finding[];
}

/** One CSV document (with its BOM) for one or several workbooks' findings, one finding per line. */
export function findingsCsv(sources: readonly CsvSource[], lang: Lang): string {
  const separator = csvSeparator(lang);
  const withFile = sources.length > 1 || sources.some((s) => s.file !== undefined);
  const header = withFile ? [HEADER[lang].file, ...HEADER[lang].rest] : HEADER[lang].rest;
  const lines = [header];
  for (const source of sources) {
    for (const f of sortFindings([...source.findings])) {
      const fields = [
        SEVERITY_NAMES[lang][f.severity],
        f.rule,
        TABLE_NAMES[lang][f.table],
        f.sheet,
        f.cell,
        renderFinding(f, lang),
        f.expected ? formatValue(f.expected, lang) : '',
        f.actual ? formatValue(f.actual, lang) : '',
        f.expected ? rawValue(f.expected) : '',
        f.actual ? rawValue(f.actual) : '',
      ];
      lines.push(withFile ? [source.file ?? '', ...fields] : fields);
    }
  }
  return `${CSV_BOM}${lines.map((fields) => fields.map((x) => csvField(x, separator)).join(separator)).join('\r\n')}\r\n`;
}
