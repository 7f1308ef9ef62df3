import { Caption1, Link, makeStyles, tokens } from '@fluentui/react-components';
import { format } from '../i18n';
import type { Strings } from '../i18n';

const useStyles = makeStyles({
  footer: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXL}`,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    color: tokens.colorNeutralForeground2,
  },
  logo: { width: '16px', height: '16px' },
  help: { minHeight: '44px', display: 'inline-flex', alignItems: 'center' },
});

export interface PaneFooterProps {
  strings: Strings;
  version: string;
  helpUrl: string;
  logoUrl: string;
}

/** Logo, version and help: small, at the bottom, as Office's own panes do. */
export function PaneFooter({ strings, version, helpUrl, logoUrl }: PaneFooterProps) {
  const styles = useStyles();
  return (
    <footer className={styles.footer}>
      <img src={logoUrl} alt="" className={styles.logo} />
      <Caption1>{format(strings.footerVersion, { version })}</Caption1>
      <Link className={styles.help} href={helpUrl} target="_blank" rel="noreferrer">
        {strings.footerHelp}
      </Link>
    </footer>
  );
}
