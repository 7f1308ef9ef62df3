import { defineRule } from '../rule';
import { formatValue, percentValue, textValue, type MessageValue } from '../message-value';
import {
  SECONDARY_THRESHOLD,
  assessPerformance,
  shownRatio,
  type AxisVerdict,
  type FrameworkIndicator,
} from '../performance';
import { thresholdValue } from './support/indicator-label';

const VERDICT_WORDS: Record<AxisVerdict, { it: string; en: string }> = {
  achieved: { it: 'obiettivi raggiunti', en: 'targets achieved' },
  not_achieved: { it: 'obiettivi non raggiunti', en: 'targets not achieved' },
  serious_failure: { it: 'grave carenza', en: 'serious failure' },
  not_assessed: { it: 'non valutato', en: 'not assessed' },
};

const verdictValue = (verdict: AxisVerdict): MessageValue => textValue(verdict, VERDICT_WORDS[verdict]);

/**
 * The indicators short of 85%, as people name them: `CO09 91,98%, CR03 10iv 73,75%`. Ratios are cut,
 * not rounded, to two decimals: 84,997% short of 85% must not read 85,00%.
 */
function shortfallsValue(indicators: readonly FrameworkIndicator[]): MessageValue {
  const short = indicators.filter((i) => i.ratio && i.level !== 'reached');
  const label = (i: FrameworkIndicator) => [i.code, i.priority].filter(Boolean).join(' ');
  const shown = (i: FrameworkIndicator) => percentValue(shownRatio(i.ratio!), 2);
  const list = (lang: 'it' | 'en') =>
    short.map((i) => `${label(i)} ${formatValue(shown(i), lang)}`).join(', ');
  const raw = short.map((i) => `${label(i)} ${shownRatio(i.ratio!).toString()}`).join(', ');
  return textValue(raw, { it: list('it'), en: list('en') });
}

export const axisPerformance = defineRule({
  meta: {
    id: 'AXIS_PERFORMANCE',
    severity: 'warning',
    weight: 57,
    docs: {
      it: "Quadro di efficacia (Reg. (UE) 215/2014, art. 6): avviso per un asse che non raggiunge i target 2023 (ogni indicatore all'85%, o tutti tranne uno con quello al 75% se sono almeno tre), errore per una grave carenza (due indicatori sotto il 65%, o uno se l'asse ne ha al più due).",
      en: 'Performance framework (Reg. (EU) 215/2014, art. 6): warning for an axis that misses its 2023 targets (every indicator at 85%, or all but one with that one at 75% when there are three or more), error for a serious failure (two indicators below 65%, or one when the axis has at most two).',
    },
    messages: {
      it: {
        not_achieved:
          'Asse {{axis}}: obiettivi del quadro di efficacia non raggiunti — {{indicators}} (ogni indicatore deve arrivare a {{tolerance}} del target 2023; se sono almeno tre, uno può fermarsi a {{secondary}}).',
        serious_failure:
          "Asse {{axis}}: grave carenza nel conseguimento dei target del quadro di efficacia — {{indicators}} (sotto {{serious}} del target 2023 due indicatori, o uno se l'asse ne ha al più due).",
      },
      en: {
        not_achieved:
          'Axis {{axis}}: performance-framework targets not achieved — {{indicators}} (each indicator must reach {{tolerance}} of its 2023 target; with three or more, one may stop at {{secondary}}).',
        serious_failure:
          'Axis {{axis}}: serious failure to achieve the performance-framework targets — {{indicators}} (below {{serious}} of the 2023 target: two indicators, or one when the axis has at most two).',
      },
    },
  },
  check(ctx, report) {
    for (const axis of assessPerformance(ctx.tables, ctx.model, ctx.version)) {
      if (axis.verdict !== 'not_achieved' && axis.verdict !== 'serious_failure') continue;
      if (!axis.table) continue;
      report({
        sheet: axis.sheet,
        cell: axis.cell,
        messageId: axis.verdict,
        severity: axis.verdict === 'serious_failure' ? 'error' : 'warning',
        data: {
          axis: axis.axis,
          indicators: shortfallsValue(axis.indicators),
          tolerance: thresholdValue(ctx.model.thresholds.tolerance),
          secondary: thresholdValue(SECONDARY_THRESHOLD),
          serious: thresholdValue(ctx.model.thresholds.serious),
        },
        expected: verdictValue('achieved'),
        actual: verdictValue(axis.verdict),
        table: axis.table,
      });
    }
  },
});
