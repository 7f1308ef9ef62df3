import { Caption1, Link, makeStyles, tokens } from '@fluentui/react-components';
import type { Lang } from '../../engine';
import { format } from '../i18n';
import type { Strings } from '../i18n';
import { TEST_IDS } from '../test-ids';

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
  /** The language the switch offers (the other one); its label is in that language. */
  otherLang: Lang;
  onSwitchLanguage: () => void;
}

/**
 * Logo, version, help and the other language: small, at the bottom, as Office's own panes do. The
 * pane starts in Office's language; the switch re-renders the findings without reading the workbook.
 */
export function PaneFooter({
  strings,
  version,
  helpUrl,
  logoUrl,
  otherLang,
  onSwitchLanguage,
}: PaneFooterProps) {
  const styles = useStyles();
  return (
    <footer className={styles.footer}>
      <img src={logoUrl} alt="" className={styles.logo} />
      <Caption1>{format(strings.footerVersion, { version })}</Caption1>
      <Link className={styles.help} href={helpUrl} target="_blank" rel="noreferrer">
        {strings.footerHelp}
      </Link>
      <Link
        as="button"
        className={styles.help}
        lang={otherLang}
        title={strings.languageSwitchHint}
        data-testid={TEST_IDS.languageSwitch}
        onClick={onSwitchLanguage}
      >
        {strings.languageSwitch}
      </Link>
    </footer>
  );
}
