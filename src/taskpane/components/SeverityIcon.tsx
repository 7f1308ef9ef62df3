import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ErrorCircle20Filled, Info20Filled, Warning20Filled } from '@fluentui/react-icons';
import type { Severity } from '../../engine';

const useStyles = makeStyles({
  icon: { flexShrink: 0 },
  error: { color: tokens.colorStatusDangerForeground1 },
  warning: { color: tokens.colorStatusWarningForeground3 },
  info: { color: tokens.colorBrandForeground1 },
});

export interface SeverityIconProps {
  severity: Severity;
}

/** The severity's shape and colour; decorative — the text beside it always says the severity too. */
export function SeverityIcon({ severity }: SeverityIconProps) {
  const styles = useStyles();
  const className = mergeClasses(styles.icon, styles[severity]);
  if (severity === 'error') return <ErrorCircle20Filled aria-hidden className={className} />;
  if (severity === 'warning') return <Warning20Filled aria-hidden className={className} />;
  return <Info20Filled aria-hidden className={className} />;
}
