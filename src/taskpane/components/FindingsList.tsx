import { useState } from 'react';
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { AccordionToggleData, AccordionToggleEvent } from '@fluentui/react-components';
import type { Finding, Severity, TableKind } from '../../engine';
import type { TableGroup } from '../findingGroups';
import { count, format } from '../i18n';
import type { Strings } from '../i18n';
import { TEST_IDS } from '../test-ids';
import { FindingRow } from './FindingRow';
import { SeverityIcon } from './SeverityIcon';

const useStyles = makeStyles({
  header: { minHeight: '44px' },
  headerText: { display: 'flex', flexDirection: 'column', minWidth: 0, textAlign: 'start' },
  tableName: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  counts: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    color: tokens.colorNeutralForeground2,
  },
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
  },
  severityLabel: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column' },
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
  strings: Strings;
  groups: TableGroup[];
  onSelect: (finding: Finding) => void;
}

/** Findings by table in groups that open and close (all open at first), then by severity. */
export function FindingsList({ strings, groups, onSelect }: FindingsListProps) {
  const styles = useStyles();
  // The groups the user closed; groups appearing after a re-check start open.
  const [closed, setClosed] = useState<ReadonlySet<TableKind>>(new Set());
  const openItems = groups.map((g) => g.table).filter((table) => !closed.has(table));

  const onToggle = (_: AccordionToggleEvent, data: AccordionToggleData<TableKind>) => {
    setClosed((current) => {
      const next = new Set(current);
      if (next.has(data.value)) next.delete(data.value);
      else next.add(data.value);
      return next;
    });
  };

  if (groups.length === 0) {
    return <Text data-testid={TEST_IDS.findingsEmpty}>{strings.findingsEmpty}</Text>;
  }

  return (
    <Accordion multiple collapsible openItems={openItems} onToggle={onToggle}>
      {groups.map((group) => (
        <AccordionItem
          key={group.table}
          value={group.table}
          data-testid={TEST_IDS.findingGroup}
          data-table={group.table}
          data-count={group.total}
        >
          <AccordionHeader as="h3" expandIconPosition="end" button={{ className: styles.header }}>
            <span className={styles.headerText}>
              <span className={styles.tableName}>{tableLabel(group.table, strings)}</span>
              <span className={styles.counts}>
                <span>{count(group.total, strings.groupCountOne, strings.groupCount)}</span>
              </span>
            </span>
          </AccordionHeader>
          <AccordionPanel className={styles.panel}>
            {group.severities.map(({ severity, findings }) => {
              return (
                <div key={severity}>
                  <div className={styles.severityLabel} aria-hidden>
                    <SeverityIcon severity={severity} />
                    <span>{`${severityPlural(severity, strings)} (${findings.length})`}</span>
                  </div>
                  <ul
                    className={styles.list}
                    aria-label={format(strings.severityGroupLabel, {
                      severity: severityPlural(severity, strings),
                      table: tableLabel(group.table, strings),
                    })}
                  >
                    {findings.map((finding, index) => (
                      <li key={`${finding.rule}|${finding.sheet}|${finding.cell}|${index}`}>
                        <FindingRow strings={strings} finding={finding} onSelect={onSelect} />
                      </li>
                    ))}
                  </ul>
                </div>
              );
            })}
          </AccordionPanel>
        </AccordionItem>
      ))}
    </Accordion>
  );
}
