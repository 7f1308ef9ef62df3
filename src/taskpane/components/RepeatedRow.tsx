import { ChevronDown20Regular, ChevronRight20Regular } from '@fluentui/react-icons';
import { renderGroupLine } from '../../engine';
import type { FindingGroup, Lang } from '../../engine';
import { format } from '../i18n';
import type { Strings } from '../i18n';
import { TEST_IDS } from '../test-ids';
import { SeverityIcon } from './SeverityIcon';
import { useRowStyles } from './rowStyles';
import type { RovingItem } from './useRovingFocus';

export interface RepeatedRowProps {
  lang: Lang;
  strings: Strings;
  group: FindingGroup;
  open: boolean;
  /** The id of the list of the group's findings, shown when open. */
  controls: string;
  roving: RovingItem;
  onToggle: (group: FindingGroup) => void;
}

/**
 * Repeated findings of one rule as one line — `D16:J21 — 24 rapporti digitati: Compila li sostituisce
 * con formule` — that opens onto its findings (click, Enter, Space; Right opens, Left closes).
 */
export function RepeatedRow({ lang, strings, group, open, controls, roving, onToggle }: RepeatedRowProps) {
  const styles = useRowStyles();
  const Chevron = open ? ChevronDown20Regular : ChevronRight20Regular;
  return (
    <button
      type="button"
      className={styles.row}
      aria-expanded={open}
      aria-controls={open ? controls : undefined}
      data-testid={TEST_IDS.findingRepeat}
      data-rule={group.rule}
      data-severity={group.severity}
      data-sheet={group.sheet}
      data-range={group.range}
      data-count={group.count}
      title={format(open ? strings.repeatHideHint : strings.repeatShowHint, { n: group.count })}
      {...roving}
      onClick={() => onToggle(group)}
      onKeyDown={(event) => {
        if ((event.key === 'ArrowRight' && !open) || (event.key === 'ArrowLeft' && open)) {
          event.preventDefault();
          onToggle(group);
        }
      }}
    >
      <SeverityIcon severity={group.severity} />
      <span className={styles.text}>
        <span className={styles.message}>{renderGroupLine(group, lang)}</span>
        <span className={styles.place}>{group.sheet}</span>
      </span>
      <Chevron aria-hidden className={styles.icon} />
    </button>
  );
}
