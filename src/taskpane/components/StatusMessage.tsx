import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  makeStyles,
} from '@fluentui/react-components';
import { Dismiss20Regular } from '@fluentui/react-icons';
import type { Strings } from '../i18n';
import { TEST_IDS } from '../test-ids';
import type { PaneStatus } from '../usePaneWorkflow';

const useStyles = makeStyles({
  body: { overflowWrap: 'anywhere' },
  dismiss: { minWidth: '44px', minHeight: '44px' },
});

export interface StatusMessageProps {
  strings: Strings;
  status: PaneStatus | null;
  onDismiss: () => void;
}

/**
 * The last result or error. The live region stays in the DOM, empty when there is nothing to say,
 * so screen readers announce each new message (a region added together with its text is often missed).
 */
export function StatusMessage({ strings, status, onDismiss }: StatusMessageProps) {
  const styles = useStyles();
  return (
    <div role="status" aria-live="polite" aria-label={strings.statusRegion}>
      {status && (
        <MessageBar
          intent={status.intent}
          layout="multiline"
          data-testid={TEST_IDS.statusMessage}
          data-intent={status.intent}
        >
          <MessageBarBody className={styles.body}>{status.text}</MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button
                className={styles.dismiss}
                appearance="transparent"
                aria-label={strings.dismiss}
                icon={<Dismiss20Regular />}
                data-testid={TEST_IDS.statusDismiss}
                onClick={onDismiss}
              />
            }
          />
        </MessageBar>
      )}
    </div>
  );
}
