import type { ReactElement } from 'react';
import { Button, makeStyles, mergeClasses, tokens, useRestoreFocusTarget } from '@fluentui/react-components';
import {
  ArrowUndo20Regular,
  DocumentTable20Regular,
  Flag20Regular,
  TableEdit20Regular,
  TableSearch20Regular,
} from '@fluentui/react-icons';
import type { Strings } from '../i18n';
import { TEST_IDS } from '../test-ids';
import type { PaneAction } from '../usePaneWorkflow';

const useStyles = makeStyles({
  // A wrapping row: each label stays on one line and a button that does not fit moves to the next
  // row, where the buttons share the width (270 px in Excel for Mac to 500 px).
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
  },
  check: { flexBasis: '100%' },
  button: {
    flexGrow: 1,
    flexShrink: 0,
    flexBasis: 'auto',
    minHeight: '44px',
    minWidth: 0,
    whiteSpace: 'nowrap',
    justifyContent: 'flex-start',
    paddingLeft: tokens.spacingHorizontalS,
    paddingRight: tokens.spacingHorizontalS,
  },
});

interface ActionSpec {
  action: PaneAction;
  testId: string;
  label: (s: Strings) => string;
  hint: (s: Strings) => string;
  icon: ReactElement;
}

const ACTIONS: readonly ActionSpec[] = [
  {
    action: 'check',
    testId: TEST_IDS.actionCheck,
    label: (s) => s.actionCheck,
    hint: (s) => s.hintCheck,
    icon: <TableSearch20Regular />,
  },
  {
    action: 'fill',
    testId: TEST_IDS.actionFill,
    label: (s) => s.actionFill,
    hint: (s) => s.hintFill,
    icon: <TableEdit20Regular />,
  },
  {
    action: 'flag',
    testId: TEST_IDS.actionFlag,
    label: (s) => s.actionFlag,
    hint: (s) => s.hintFlag,
    icon: <Flag20Regular />,
  },
  {
    action: 'report',
    testId: TEST_IDS.actionReport,
    label: (s) => s.actionReport,
    hint: (s) => s.hintReport,
    icon: <DocumentTable20Regular />,
  },
  {
    action: 'undo',
    testId: TEST_IDS.actionUndo,
    label: (s) => s.actionUndo,
    hint: (s) => s.hintUndo,
    icon: <ArrowUndo20Regular />,
  },
];

export interface ActionBarProps {
  strings: Strings;
  /** While an action runs every button is disabled; the running one says so to screen readers. */
  busy: boolean;
  onAction: (action: PaneAction) => void;
}

/** The five actions, Verifica first and widest: it is the safe one, it changes nothing. */
export function ActionBar({ strings, busy, onAction }: ActionBarProps) {
  const styles = useStyles();
  // The confirmation dialog gives focus back to the action that opened it.
  const restoreFocusTarget = useRestoreFocusTarget();
  return (
    <div role="group" aria-label={strings.actionsGroup} className={styles.bar}>
      {ACTIONS.map((spec) => (
        <Button
          key={spec.action}
          {...restoreFocusTarget}
          className={mergeClasses(styles.button, spec.action === 'check' && styles.check)}
          appearance={spec.action === 'check' ? 'primary' : 'secondary'}
          icon={spec.icon}
          data-testid={spec.testId}
          title={spec.hint(strings)}
          disabledFocusable={busy}
          onClick={() => onAction(spec.action)}
        >
          {spec.label(strings)}
        </Button>
      ))}
    </div>
  );
}
