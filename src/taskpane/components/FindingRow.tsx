import { formatValue, renderFinding } from '../../engine';
import type { Finding, Lang } from '../../engine';
import { placeOf } from '../findingGroups';
import { format } from '../i18n';
import type { Strings } from '../i18n';
import { TEST_IDS } from '../test-ids';
import type { RovingItem } from './useRovingFocus';
import { SeverityIcon } from './SeverityIcon';
import { useRowStyles } from './rowStyles';

export interface FindingRowProps {
  lang: Lang;
  strings: Strings;
  finding: Finding;
  roving: RovingItem;
  onSelect: (finding: Finding) => void;
}

/**
 * One finding: a native button, so click, Enter and Space all select its cell in Excel. The message
 * is rendered here from the finding's data, so a change of language needs no new read.
 */
export function FindingRow({ lang, strings, finding, roving, onSelect }: FindingRowProps) {
  const styles = useRowStyles();
  const place = placeOf(finding);
  const { expected, actual } = finding;
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
      {...roving}
      onClick={() => onSelect(finding)}
    >
      <SeverityIcon severity={finding.severity} />
      <span className={styles.text}>
        <span className={styles.message}>{renderFinding(finding, lang)}</span>
        <span className={styles.place}>{place}</span>
        {expected !== null && actual !== null && (
          <span className={styles.detail}>
            {format(strings.expectedActual, {
              expected: formatValue(expected, lang),
              actual: formatValue(actual, lang),
            })}
          </span>
        )}
      </span>
    </button>
  );
}
