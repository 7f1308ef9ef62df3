import { useId, useState } from 'react';
import { Subtitle2, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import {
  CheckmarkCircle20Filled,
  ChevronDown20Regular,
  ChevronRight20Regular,
  ErrorCircle20Filled,
  SubtractCircle20Regular,
  Warning20Filled,
} from '@fluentui/react-icons';
import { formatValue } from '../../engine';
import type { AxisResult, AxisVerdict, FrameworkLevel, Lang } from '../../engine';
import { format } from '../i18n';
import type { Strings } from '../i18n';
import { TEST_IDS } from '../test-ids';
import { useRowStyles } from './rowStyles';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  heading: { margin: 0 },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column' },
  axis: { fontWeight: tokens.fontWeightSemibold },
  /** An axis with no indicator to show: a line, not a button. */
  still: {
    cursor: 'default',
    ':hover': { backgroundColor: 'transparent' },
    ':active': { backgroundColor: 'transparent' },
  },
  indicators: {
    listStyleType: 'none',
    margin: `0 0 ${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    padding: `0 0 0 ${tokens.spacingHorizontalL}`,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke2}`,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    overflowWrap: 'anywhere',
  },
  short: { color: tokens.colorNeutralForeground1, fontWeight: tokens.fontWeightSemibold },
  achieved: { color: tokens.colorStatusSuccessForeground1 },
  not_achieved: { color: tokens.colorStatusWarningForeground3 },
  serious_failure: { color: tokens.colorStatusDangerForeground1 },
  not_assessed: { color: tokens.colorNeutralForeground3 },
});

/** The verdict's shape and colour; decorative — the words beside it always say the verdict. */
function VerdictIcon({ verdict }: { verdict: AxisVerdict }) {
  const styles = useStyles();
  const className = mergeClasses(useRowStyles().icon, styles[verdict]);
  if (verdict === 'achieved') return <CheckmarkCircle20Filled aria-hidden className={className} />;
  if (verdict === 'not_achieved') return <Warning20Filled aria-hidden className={className} />;
  if (verdict === 'serious_failure') return <ErrorCircle20Filled aria-hidden className={className} />;
  return <SubtractCircle20Regular aria-hidden className={className} />;
}

export function verdictLabel(axis: AxisResult, strings: Strings): string {
  if (axis.verdict === 'achieved') return strings.verdictAchieved;
  if (axis.verdict === 'not_achieved') return strings.verdictNotAchieved;
  if (axis.verdict === 'serious_failure') return strings.verdictSerious;
  return axis.reason === 'technical-assistance' ? strings.verdictTechnicalAssistance : strings.verdictNoData;
}

const LEVEL_KEYS: Record<FrameworkLevel, keyof Strings> = {
  reached: 'levelReached',
  secondary: 'levelSecondary',
  below: 'levelBelow',
  serious: 'levelSerious',
  'no-data': 'levelNoData',
};

export interface PerformanceSectionProps {
  lang: Lang;
  strings: Strings;
  axes: AxisResult[];
}

/**
 * Quadro di efficacia: each axis's verdict (icon and words), opening onto its framework indicators
 * and how far each is towards its 2023 target. Shown only when some axis can be assessed.
 */
export function PerformanceSection({ lang, strings, axes }: PerformanceSectionProps) {
  const styles = useStyles();
  const rowStyles = useRowStyles();
  const headingId = useId();
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  if (!axes.some((a) => a.verdict !== 'not_assessed')) return null;
  const toggle = (axis: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(axis)) next.add(axis);
      return next;
    });

  return (
    <section className={styles.section} aria-labelledby={headingId} data-testid={TEST_IDS.performanceSection}>
      <Subtitle2 as="h3" id={headingId} className={styles.heading}>
        {strings.performanceHeading}
      </Subtitle2>
      <ul className={styles.list}>
        {axes.map((axis) => {
          const isOpen = open.has(axis.axis);
          const listId = `${headingId}-${axis.axis}`;
          const Chevron = isOpen ? ChevronDown20Regular : ChevronRight20Regular;
          const canOpen = axis.indicators.length > 0;
          const line = (
            <>
              <VerdictIcon verdict={axis.verdict} />
              <span className={rowStyles.text}>
                <span className={styles.axis}>{format(strings.performanceAxis, { axis: axis.axis })}</span>
                <span className={rowStyles.detail}>{verdictLabel(axis, strings)}</span>
              </span>
            </>
          );
          return (
            <li key={axis.axis}>
              {canOpen ? (
                <button
                  type="button"
                  className={rowStyles.row}
                  aria-expanded={isOpen}
                  aria-controls={isOpen ? listId : undefined}
                  title={isOpen ? strings.performanceHide : strings.performanceShow}
                  data-testid={TEST_IDS.performanceAxis}
                  data-axis={axis.axis}
                  data-verdict={axis.verdict}
                  onClick={() => toggle(axis.axis)}
                >
                  {line}
                  <Chevron aria-hidden className={rowStyles.icon} />
                </button>
              ) : (
                <div
                  className={mergeClasses(rowStyles.row, styles.still)}
                  data-testid={TEST_IDS.performanceAxis}
                  data-axis={axis.axis}
                  data-verdict={axis.verdict}
                >
                  {line}
                </div>
              )}
              {canOpen && isOpen && (
                <ul id={listId} className={styles.indicators} data-testid={TEST_IDS.performanceIndicators}>
                  {axis.indicators.map((i) => {
                    const name = [i.code, i.priority].filter(Boolean).join(' ');
                    const level = strings[LEVEL_KEYS[i.level]];
                    return (
                      <li
                        key={`${i.code} ${i.priority}`}
                        className={i.level === 'reached' || i.level === 'no-data' ? undefined : styles.short}
                        data-level={i.level}
                      >
                        {i.ratio
                          ? format(strings.performanceRatio, {
                              indicator: name,
                              ratio: formatValue({ kind: 'percent', value: i.ratio, decimals: 2 }, lang),
                              level,
                            })
                          : format(strings.performanceNoData, { indicator: name })}
                      </li>
                    );
                  })}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
