import { createFocusOutlineStyle, makeStyles, tokens } from '@fluentui/react-components';
import type { Finding } from '../../engine';
import { placeOf } from '../findingGroups';
import { format } from '../i18n';
import type { Strings } from '../i18n';
import { TEST_IDS } from '../test-ids';
import { SeverityIcon } from './SeverityIcon';

const useStyles = makeStyles({
  row: {
    display: 'flex',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalS,
    width: '100%',
    minHeight: '44px',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    border: 'none',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: 'transparent',
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    textAlign: 'start',
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':active': { backgroundColor: tokens.colorNeutralBackground1Pressed },
    ...createFocusOutlineStyle(),
  },
  text: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  message: { overflowWrap: 'anywhere' },
  place: {
    color: tokens.colorBrandForeground1,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    overflowWrap: 'anywhere',
  },
  detail: {
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    overflowWrap: 'anywhere',
  },
});

export interface FindingRowProps {
  strings: Strings;
  finding: Finding;
  onSelect: (finding: Finding) => void;
}

/** One finding: a native button, so click, Enter and Space all select its cell in Excel. */
export function FindingRow({ strings, finding, onSelect }: FindingRowProps) {
  const styles = useStyles();
  const place = placeOf(finding);
  const showValues = finding.expected !== null && finding.actual !== null;
  return (
    <button
      type="button"
      className={styles.row}
      data-testid={TEST_IDS.findingRow}
      data-rule={finding.rule}
      data-severity={finding.severity}
      data-sheet={finding.sheet}
      data-cell={finding.cell}
      title={format(strings.findingSelectHint, { place })}
      onClick={() => onSelect(finding)}
    >
      <SeverityIcon severity={finding.severity} />
      <span className={styles.text}>
        <span className={styles.message}>{finding.message}</span>
        <span className={styles.place}>{place}</span>
        {showValues && (
          <span className={styles.detail}>
            {format(strings.expectedActual, {
              expected: finding.expected ?? '',
              actual: finding.actual ?? '',
            })}
          </span>
        )}
      </span>
    </button>
  );
}
