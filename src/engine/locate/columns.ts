import type { IndicatorColumn, PlanColumn, ProgressColumn } from '../tables';
import { compactHeader, hasStem, hasWord, normalizeHeader } from './header-text';

/** Header concepts, by meaning, in Italian and English. Each classifier sees the upper and lower header text. */

function isAxisHeader(text: string): boolean {
  return ['asse', 'assi', 'axis', 'axes', 'asse prioritario', 'priority axis', 'assi prioritari'].some((w) =>
    hasWord(text, w),
  );
}

export function planColumnOf(upper: string, lower: string): PlanColumn | null {
  const text = normalizeHeader(`${upper} ${lower}`);
  if (text === '') return null;
  if (
    /^(ot|to|o\.t\.)$/.test(text) ||
    hasWord(text, 'ot') ||
    text.includes('obiettivo tematico') ||
    text.includes('thematic objective')
  )
    return 'ot';
  if (isAxisHeader(text)) return 'axis';
  if (
    text === '%' ||
    text.includes('%') ||
    ['quota', 'share', 'percentuale', 'incidenza', 'peso'].some((w) => hasStem(text, w))
  )
    return 'share';
  if (
    ['dotazione', 'allocation', 'allocazione', 'importo', 'amount', 'risorse', 'budget'].some((w) =>
      hasStem(text, w),
    )
  )
    return 'allocation';
  if (
    ['denominazione', 'descrizione', 'name', 'titolo', 'title', 'description'].some((w) => hasStem(text, w))
  )
    return 'name';
  return null;
}

/** Words that only a progress table has: a plan header with one of them is not a plan. */
export function looksLikeProgress(text: string): boolean {
  const t = normalizeHeader(text);
  return ['programmat', 'impegn', 'pagament', 'certificat', 'committ', 'payment', 'certified'].some((w) =>
    hasStem(t, w),
  );
}

/** `A`, `(B)`, `C=B/A`, `C = B / A` → the letter. */
function letterOf(text: string): ProgressColumn | null {
  const c = compactHeader(text).replace(/^\((.*)\)$/, '$1');
  const m = /^([a-i])(=[a-i]\/[a-i])?$/.exec(c);
  return m ? (m[1].toUpperCase() as ProgressColumn) : null;
}

export function progressColumnOf(upper: string, lower: string): ProgressColumn | 'axis' | null {
  const letter = letterOf(lower) ?? letterOf(upper);
  if (letter) return letter;
  const text = normalizeHeader(`${upper} ${lower}`);
  if (text === '') return null;
  if (isAxisHeader(text)) return 'axis';
  const ratio = ['avanzamento', '%', 'ratio', 'rate', 'percent', 'tasso', 'progress'].some((w) =>
    text.includes(w),
  );
  const programmed = hasStem(text, 'programmat') || hasStem(text, 'programmed') || hasStem(text, 'planned');
  const committed = hasStem(text, 'impegn') || hasStem(text, 'commit');
  const paid = hasStem(text, 'pagament') || hasStem(text, 'payment') || hasWord(text, 'paid');
  const certified = hasStem(text, 'certificat') || hasStem(text, 'certified');
  if (certified) return ratio ? 'I' : 'H';
  if (paid) return ratio ? 'G' : 'F';
  if (committed) return ratio ? 'E' : 'D';
  if (programmed) return ratio ? 'C' : 'B';
  if (['dotazione', 'allocation', 'allocazione'].some((w) => hasStem(text, w))) return 'A';
  return null;
}

export function indicatorColumnOf(upper: string, lower: string): IndicatorColumn | null {
  const text = normalizeHeader(`${upper} ${lower}`);
  if (text === '') return null;
  if (
    text.includes('%') ||
    hasStem(text, 'raggiungiment') ||
    hasStem(text, 'achievement') ||
    hasStem(text, 'realizzazione')
  )
    return 'ratio';
  if (hasStem(text, 'target') || text.includes('valore obiettivo')) return 'target';
  if (hasWord(text, 'stato') || hasWord(text, 'status') || hasWord(text, 'esito')) return 'status';
  if (hasStem(text, 'codice') || hasWord(text, 'code') || hasWord(text, 'id') || hasWord(text, 'cod'))
    return 'code';
  if (hasStem(text, 'indicator') || hasStem(text, 'descrizione') || hasStem(text, 'denominazione'))
    return 'name';
  if (
    hasStem(text, 'valore') ||
    hasWord(text, 'value') ||
    hasStem(text, 'realizzat') ||
    hasWord(text, 'achieved') ||
    hasWord(text, 'actual')
  )
    return 'value';
  if (hasWord(text, 'tipo') || hasWord(text, 'type') || hasWord(text, 'tipologia')) return 'type';
  if (hasStem(text, 'unita') || hasWord(text, 'unit') || hasWord(text, 'udm')) return 'unit';
  if (hasStem(text, 'priorit') || hasWord(text, 'pi') || hasWord(text, 'ip')) return 'priority';
  if (isAxisHeader(text)) return 'axis';
  return null;
}
