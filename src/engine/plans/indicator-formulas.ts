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
