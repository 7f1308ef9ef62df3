import { useId, useMemo, useState } from 'react';
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { ChevronDown20Regular, ChevronRight20Regular } from '@fluentui/react-icons';
import type { Finding, FindingGroup, Lang, Severity, TableKind } from '../../engine';
import { itemId, visibleItems } from '../findingGroups';
import type { TableGroup } from '../findingGroups';
import { count, format } from '../i18n';
import type { Strings } from '../i18n';
import { TEST_IDS } from '../test-ids';
import { FindingRow } from './FindingRow';
import { RepeatedRow } from './RepeatedRow';
import { SeverityIcon } from './SeverityIcon';
import { useRowStyles } from './rowStyles';
import { useRovingFocus } from './useRovingFocus';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  table: { borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  heading: { margin: 0, fontSize: 'inherit', fontWeight: 'inherit' },
  headerText: { display: 'flex', flexDirection: 'column', minWidth: 0, flexGrow: 1 },
  tableName: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  tableCount: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalS,
  },
  severityLabel: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS} 0`,
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column' },
  nested: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke2}`,
    marginLeft: tokens.spacingHorizontalM,
  },
});

export function tableLabel(table: TableKind, strings: Strings): string {
  const labels: Record<TableKind, string> = {
    plan: strings.tablePlan,
    progress: strings.tableProgress,
    indicators: strings.tableIndicators,
    workbook: strings.tableWorkbook,
  };
  return labels[table];
}

export function severityPlural(severity: Severity, strings: Strings): string {
  if (severity === 'error') return strings.severityErrors;
  if (severity === 'warning') return strings.severityWarnings;
  return strings.severityInfos;
}

export interface FindingsListProps {
  lang: Lang;
  strings: Strings;
  groups: TableGroup[];
  onSelect: (finding: Finding) => void;
}

/**
 * Findings by table (sections that open and close, all open at first), then by severity; repeated
 * findings of a rule are one line that opens onto them. Up/Down, Home/End move between the rows.
 */
export function FindingsList({ lang, strings, groups, onSelect }: FindingsListProps) {
  const styles = useStyles();
  const rowStyles = useRowStyles();
  const baseId = useId();
  // The tables the user closed and the groups they opened; both kept across re-checks.
  const [closed, setClosed] = useState<ReadonlySet<TableKind>>(new Set());
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const ids = useMemo(() => visibleItems(groups, closed, open), [groups, closed, open]);
  const roving = useRovingFocus(ids);

  const toggle = <T,>(set: ReadonlySet<T>, value: T): ReadonlySet<T> => {
    const next = new Set(set);
    if (next.has(value)) next.delete(value);
    else next.add(value);
    return next;
  };
  const toggleGroup = (group: FindingGroup) => setOpen((current) => toggle(current, group.key));

  if (groups.length === 0) {
    return <Text data-testid={TEST_IDS.findingsEmpty}>{strings.findingsEmpty}</Text>;
  }

  return (
    <div className={styles.root} onKeyDown={roving.onKeyDown}>
      {groups.map((table) => {
        const isOpen = !closed.has(table.table);
        const panelId = `${baseId}-${table.table}`;
        const Chevron = isOpen ? ChevronDown20Regular : ChevronRight20Regular;
        return (
          <section
            key={table.table}
            className={styles.table}
            data-testid={TEST_IDS.findingGroup}
            data-table={table.table}
            data-count={table.total}
          >
            <h3 className={styles.heading}>
              <button
                type="button"
                className={rowStyles.row}
                aria-expanded={isOpen}
                aria-controls={isOpen ? panelId : undefined}
                {...roving.item(itemId.table(table.table))}
                onClick={() => setClosed((current) => toggle(current, table.table))}
                onKeyDown={(event) => {
                  if ((event.key === 'ArrowRight' && !isOpen) || (event.key === 'ArrowLeft' && isOpen)) {
                    event.preventDefault();
                    setClosed((current) => toggle(current, table.table));
                  }
                }}
              >
                <span className={styles.headerText}>
                  <span className={styles.tableName}>{tableLabel(table.table, strings)}</span>
                  <span className={styles.tableCount}>
                    {count(table.total, strings.groupCountOne, strings.groupCount)}
                  </span>
                </span>
                <Chevron aria-hidden className={rowStyles.icon} />
              </button>
            </h3>
            {isOpen && (
              <div id={panelId} className={styles.panel}>
                {table.severities.map(({ severity, count: n, groups: repeated }) => (
                  <div key={severity}>
                    <div className={styles.severityLabel} aria-hidden>
                      <SeverityIcon severity={severity} />
                      <span>{`${severityPlural(severity, strings)} (${n})`}</span>
                    </div>
                    <ul
                      className={styles.list}
                      aria-label={format(strings.severityGroupLabel, {
                        severity: severityPlural(severity, strings),
                        table: tableLabel(table.table, strings),
                      })}
                    >
                      {repeated.map((group, position) => {
                        if (group.count === 1) {
                          return (
                            <li key={group.key}>
                              <FindingRow
                                lang={lang}
                                strings={strings}
                                finding={group.findings[0]}
                                roving={roving.item(itemId.finding(group, 0))}
                                onSelect={onSelect}
                              />
                            </li>
                          );
                        }
                        // Keys hold sheet names with spaces: not usable in an id reference.
                        const listId = `${baseId}-${table.table}-${severity}-${position}`;
                        const groupOpen = open.has(group.key);
                        return (
                          <li key={group.key}>
                            <RepeatedRow
                              lang={lang}
                              strings={strings}
                              group={group}
                              open={groupOpen}
                              controls={listId}
                              roving={roving.item(itemId.group(group))}
                              onToggle={toggleGroup}
                            />
                            {groupOpen && (
                              <ul
                                id={listId}
                                className={styles.nested}
                                aria-label={format(strings.repeatListLabel, {
                                  place: `${group.sheet}!${group.range}`,
                                })}
                              >
                                {group.findings.map((finding, index) => (
                                  <li key={`${finding.cell}|${index}`}>
                                    <FindingRow
                                      lang={lang}
                                      strings={strings}
                                      finding={finding}
                                      roving={roving.item(itemId.finding(group, index))}
                                      onSelect={onSelect}
                                    />
                                  </li>
                                ))}
                              </ul>
                            )}
                          </li>
                        );
                      })}
                    </ul>
                  </div>
                ))}
              </div>
            )}
          </section>
        );
      })}
    </div>
  );
}
