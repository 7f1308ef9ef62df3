import { useEffect, useRef } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { ConfirmChoice, ConfirmRequest } from '../confirmation';
import type { Strings } from '../i18n';
import { TEST_IDS } from '../test-ids';

const useStyles = makeStyles({
  surface: {
    maxWidth: 'min(600px, calc(100vw - 24px))',
    boxSizing: 'border-box',
    padding: tokens.spacingHorizontalL,
  },
  content: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    overflowWrap: 'anywhere',
  },
  paragraph: { margin: 0 },
  actions: { flexWrap: 'wrap', justifyContent: 'flex-end' },
  button: { minHeight: '44px', maxWidth: '100%' },
});

export interface ConfirmDialogProps {
  strings: Strings;
  /** Open while there is a request; Escape or Indietro answer `cancel`. */
  request: ConfirmRequest | null;
  onChoose: (choice: ConfirmChoice) => void;
}

/** Asks before any write: what it touches, what it would overwrite, and the choices. */
export function ConfirmDialog({ strings, request, onChoose }: ConfirmDialogProps) {
  const styles = useStyles();
  const cancel = useRef<HTMLButtonElement>(null);
  // Focus starts on the safe choice when something would be overwritten, replaced or undone. Fluent's
  // surface focuses its first button when it opens (ignoring autoFocus); this effect runs after it.
  const safeFirst = request !== null && request.kind !== 'write';
  useEffect(() => {
    if (safeFirst) cancel.current?.focus();
  }, [request, safeFirst]);
  return (
    <Dialog
      open={request !== null}
      modalType="alert"
      onOpenChange={(_, data) => {
        if (!data.open) onChoose('cancel');
      }}
    >
      <DialogSurface
        className={styles.surface}
        data-testid={TEST_IDS.confirmDialog}
        data-kind={request?.kind}
      >
        <DialogBody>
          <DialogTitle>{request?.title}</DialogTitle>
          <DialogContent className={styles.content}>
            {request?.paragraphs.map((text, index) => (
              <p key={index} className={styles.paragraph}>
                {text}
              </p>
            ))}
          </DialogContent>
          <DialogActions className={styles.actions} fluid>
            <Button
              className={styles.button}
              appearance="primary"
              data-testid={TEST_IDS.confirmOk}
              onClick={() => onChoose('ok')}
            >
              {request?.okLabel}
            </Button>
            {request?.onlyEmptyLabel && (
              <Button
                className={styles.button}
                data-testid={TEST_IDS.confirmOnlyEmpty}
                onClick={() => onChoose('only-empty')}
              >
                {request.onlyEmptyLabel}
              </Button>
            )}
            <Button
              ref={cancel}
              className={styles.button}
              data-testid={TEST_IDS.confirmCancel}
              onClick={() => onChoose('cancel')}
            >
              {strings.confirmCancel}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
