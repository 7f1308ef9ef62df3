import type { IndicatorStatus } from '../analysis';
import type { Lang } from '../finding';
import type { ProgrammeThresholds } from '../../model/types';

const LABELS: Record<Lang, Record<IndicatorStatus, string>> = {
  it: {
    achieved: 'Raggiunto',
    tolerance: 'Entro tolleranza',
    shortfall: 'Sotto target',
    serious: 'Grave ritardo',
    'no-data': '',
  },
  en: {
    achieved: 'Achieved',
    tolerance: 'Within tolerance',
    shortfall: 'Below target',
    serious: 'Serious shortfall',
    'no-data': '',
  },
};

/** Headers of the two computed columns, as fill adds them to an indicator table without them (and as the report prints them). */
export const COMPUTED_HEADERS: Record<Lang, { ratio: string; status: string }> = {
  it: { ratio: '% del target', status: 'Stato' },
  en: { ratio: '% of target', status: 'Status' },
};

/** Tabella 3 as the add-in writes it (Crea tabella indicatori, the report): its caption and its ten headers. */
export const INDICATOR_TABLE: Record<Lang, { caption: string; header: readonly string[] }> = {
  it: {
    caption: 'TABELLA 3. – INDICATORI DI OUTPUT E DI RISULTATO',
    header: [
      'Asse',
      'Priorità',
      'Codice',
      'Indicatore',
      'Tipo',
      'Unità',
      'Valore',
      'Target 2023',
      COMPUTED_HEADERS.it.ratio,
      COMPUTED_HEADERS.it.status,
    ],
  },
  en: {
    caption: 'TABLE 3. – OUTPUT AND RESULT INDICATORS',
    header: [
      'Axis',
      'Priority',
      'Code',
      'Indicator',
      'Type',
      'Unit',
      'Value',
      'Target 2023',
      COMPUTED_HEADERS.en.ratio,
      COMPUTED_HEADERS.en.status,
    ],
  },
};

export function statusLabel(status: IndicatorStatus, lang: Lang): string {
  return LABELS[lang][status];
}

/** `% del target`: value/target (target/value when lower is better), blank while either is missing. */
export function ratioFormula(value: string, target: string, direction: 'higher' | 'lower'): string {
  return direction === 'higher'
    ? `=IF(OR(${value}="",${target}="",${target}=0),"",${value}/${target})`
    : `=IF(OR(${value}="",${target}="",${value}=0),"",${target}/${value})`;
}

/** `Stato` from the `% del target` cell and the model's thresholds. */
export function statusFormula(ratio: string, thresholds: ProgrammeThresholds, lang: Lang): string {
  const l = LABELS[lang];
  return `=IF(${ratio}="","",IF(${ratio}>=1,"${l.achieved}",IF(${ratio}>=${thresholds.tolerance},"${l.tolerance}",IF(${ratio}>=${thresholds.serious},"${l.shortfall}","${l.serious}"))))`;
}
