import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Severity } from '../../engine';
import type { SeverityCounts } from '../findingGroups';
import type { Strings } from '../i18n';
import { TEST_IDS } from '../test-ids';
import { SeverityIcon } from './SeverityIcon';

const useStyles = makeStyles({
  summary: {
    display: 'grid',
    gridTemplateColumns: 'repeat(3, minmax(0, 1fr))',
    gap: tokens.spacingHorizontalS,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
  },
  counter: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
    minWidth: 0,
  },
  figure: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  number: {
    fontSize: tokens.fontSizeBase500,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: tokens.lineHeightBase500,
  },
  label: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
});

const COUNTERS: readonly { severity: Severity; testId: string; label: (s: Strings) => string }[] = [
  { severity: 'error', testId: TEST_IDS.summaryErrors, label: (s) => s.severityErrors },
  { severity: 'warning', testId: TEST_IDS.summaryWarnings, label: (s) => s.severityWarnings },
  { severity: 'info', testId: TEST_IDS.summaryInfos, label: (s) => s.severityInfos },
];

export interface FindingsSummaryProps {
  strings: Strings;
  counts: SeverityCounts;
}

/** Errori / Avvisi / Info: a number, an icon and a word each — never colour alone. */
export function FindingsSummary({ strings, counts }: FindingsSummaryProps) {
  const styles = useStyles();
  return (
    <ul className={styles.summary} aria-label={strings.summaryGroup}>
      {COUNTERS.map(({ severity, testId, label }) => (
        <li key={severity} className={styles.counter} data-testid={testId} data-count={counts[severity]}>
          <span className={styles.figure}>
            <SeverityIcon severity={severity} />
            <span className={styles.number}>{counts[severity]}</span>
          </span>
          <Text size={200} className={styles.label}>
            {label(strings)}
          </Text>
        </li>
      ))}
    </ul>
  );
}
