import { Body1, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  notice: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalXL}`,
    overflowWrap: 'anywhere',
  },
  title: { margin: 0 },
  paragraph: { margin: 0 },
});

export interface NoticeProps {
  testId: string;
  title: string;
  paragraphs: string[];
}

/** What the pane shows instead of itself when it cannot work: outside Excel, or Excel too old. */
export function Notice({ testId, title, paragraphs }: NoticeProps) {
  const styles = useStyles();
  return (
    <main className={styles.notice} data-testid={testId}>
      <Subtitle2 as="h1" className={styles.title}>
        {title}
      </Subtitle2>
      {paragraphs.map((text) => (
        <Body1 as="p" key={text} className={styles.paragraph}>
          {text}
        </Body1>
      ))}
    </main>
  );
}
