import { useCallback, useMemo, useState } from 'react';
import { Body1, Button, Caption1, Spinner, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDownload20Regular, TableAdd20Regular } from '@fluentui/react-icons';
import type { AnalyseOptions, Lang } from '../engine';
import { ActionBar } from './components/ActionBar';
import { ConfirmDialog } from './components/ConfirmDialog';
import { FindingsList } from './components/FindingsList';
import { FindingsSummary } from './components/FindingsSummary';
import { ModelPicker } from './components/ModelPicker';
import { Notice } from './components/Notice';
import { PaneFooter } from './components/PaneFooter';
import { PerformanceSection } from './components/PerformanceSection';
import { StatusMessage } from './components/StatusMessage';
import { countBySeverity, groupFindings } from './findingGroups';
import type { OfficeEnvironment, WorkbookHost } from '../engine';
import { versionNoteOf } from '../engine';
import { format, langFor, stringsFor } from './i18n';
import type { Strings } from './i18n';
import { TEST_IDS } from './test-ids';
import { AUTOMATIC_VERSION, readModelFile, useModelChoice } from './useModelChoice';
import { usePaneWorkflow } from './usePaneWorkflow';
import type { ErrorDescriber, PaneAction } from './usePaneWorkflow';

/** Where the pane's page is served; help and logo are next to it. */
export const HELP_URL = 'help.html';
export const LOGO_URL = 'assets/icon-32.png';

const RESULTS_ID = 'por-tables-results';

const useStyles = makeStyles({
  pane: {
    display: 'flex',
    flexDirection: 'column',
    minHeight: '100vh',
    minWidth: 0,
    overflowX: 'hidden',
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  skipLink: {
    position: 'absolute',
    left: tokens.spacingHorizontalS,
    top: '-100px',
    zIndex: 1,
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorBrandForeground1,
    ':focus': { top: tokens.spacingVerticalS },
  },
  commands: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL} 0`,
  },
  main: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL}`,
    flexGrow: 1,
    minWidth: 0,
    ':focus': { outlineStyle: 'none' },
  },
  heading: { margin: 0 },
  intro: { margin: 0, color: tokens.colorNeutralForeground2 },
  note: { margin: 0, color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  sample: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    alignItems: 'flex-start',
  },
  sampleButton: { minHeight: '44px', whiteSpace: 'normal', textAlign: 'start' },
  exportButton: { alignSelf: 'flex-start', minHeight: '32px' },
});

export interface AppProps {
  host: WorkbookHost;
  env: OfficeEnvironment;
  /** One line for a failure; the Excel host's describer knows Office's error codes. */
  describeError?: ErrorDescriber;
  /** The requirement set to name when Excel is too old (`ExcelApi 1.6`). */
  requirement?: string;
  /** Shown in the footer. */
  version?: string;
  /** Hands a file to the user (Esporta rilievi); a browser download by default. */
  download?: (fileName: string, text: string, type: string) => void;
}

export function App({ env, ...props }: AppProps) {
  // Office's language at start; the footer's switch changes it for this session.
  const [lang, setLang] = useState<Lang>(() => langFor(env.displayLanguage));
  const strings = stringsFor(lang);
  if (!env.inExcel) {
    return (
      <Notice
        testId={TEST_IDS.outsideOffice}
        title={strings.outsideTitle}
        paragraphs={[strings.outsideBody, strings.outsideNext]}
      />
    );
  }
  if (!env.supported) {
    return (
      <Notice
        testId={TEST_IDS.unsupported}
        title={strings.unsupportedTitle}
        paragraphs={[
          format(strings.unsupportedBody, { requirement: props.requirement ?? 'ExcelApi' }),
          strings.unsupportedNext,
        ]}
      />
    );
  }
  return (
    <Pane
      lang={lang}
      strings={strings}
      onSwitchLanguage={() => setLang(lang === 'it' ? 'en' : 'it')}
      {...props}
    />
  );
}

interface PaneProps extends Omit<AppProps, 'env'> {
  lang: Lang;
  strings: Strings;
  onSwitchLanguage: () => void;
}

function Pane({ host, lang, strings, describeError, onSwitchLanguage, version = '', download }: PaneProps) {
  const styles = useStyles();
  const describe = useCallback<ErrorDescriber>(
    (error, errorLang) => {
      if (describeError) return describeError(error, errorLang);
      const what = error instanceof Error ? error.message : String(error);
      return `${what.replace(/\.?$/, '.')} ${strings.failedNext}`;
    },
    [describeError, strings],
  );
  const choice = useModelChoice();
  const { model, versionId, explicit } = choice;
  const [pickerOpen, setPickerOpen] = useState(false);

  // Only what the user picked: the engine's chooseModel puts it over a model stored in the workbook.
  const analyseOptions = useCallback(
    (): AnalyseOptions =>
      explicit ? { model, versionId: versionId === AUTOMATIC_VERSION ? undefined : versionId } : {},
    [model, versionId, explicit],
  );
  const workflow = usePaneWorkflow({
    host,
    lang,
    strings,
    describeError: describe,
    analyseOptions,
    download,
  });
  const { analysis, busy, status, confirm, setStatus } = workflow;

  const groups = useMemo(() => (analysis ? groupFindings(analysis.findings) : []), [analysis]);
  const counts = useMemo(() => countBySeverity(analysis?.findings ?? []), [analysis]);
  // The folded picker names the version the last check used when it was checked with this model.
  const checkedWith =
    analysis && (analysis.model.id === model.id || versionId === AUTOMATIC_VERSION) ? analysis : null;
  const summaryTitle = checkedWith?.model.title ?? model.title;
  const summaryVersion =
    versionId !== AUTOMATIC_VERSION ? versionId : (checkedWith?.version.id ?? strings.versionAutomaticShort);

  const onModelFile = async (file: File) => {
    const result = await readModelFile(file, lang);
    if (result.ok) {
      choice.addModel(result.model);
      const versions =
        result.model.versions.length === 1
          ? strings.versionOne
          : format(strings.versionMany, { n: result.model.versions.length });
      setStatus({
        intent: 'success',
        text: format(strings.modelLoaded, { title: result.model.title, versions }),
      });
    } else if (result.reason === 'invalid') {
      setStatus({
        intent: 'error',
        text: format(strings.modelInvalid, { file: file.name, reason: result.error }),
      });
    } else {
      setStatus({ intent: 'error', text: format(strings.modelUnreadable, { file: file.name }) });
    }
  };

  const workingLabel: Record<PaneAction, string> = {
    check: strings.workingCheck,
    fill: strings.workingFill,
    flag: strings.workingFlag,
    report: strings.workingReport,
    undo: strings.workingUndo,
    sample: strings.workingSample,
    indicators: strings.workingIndicators,
    export: strings.workingExport,
  };

  return (
    <div className={styles.pane} data-testid={TEST_IDS.pane} lang={lang}>
      <a href={`#${RESULTS_ID}`} className={styles.skipLink}>
        {strings.skipToResults}
      </a>
      <div className={styles.commands}>
        <ActionBar strings={strings} busy={busy !== null} onAction={(action) => void workflow.run(action)} />
        {busy && !confirm && (
          <Spinner
            size="tiny"
            labelPosition="after"
            label={workingLabel[busy]}
            data-testid={TEST_IDS.progress}
          />
        )}
        <StatusMessage strings={strings} status={status} onDismiss={() => setStatus(null)} />
        <ModelPicker
          strings={strings}
          models={choice.models}
          model={model}
          versionId={versionId}
          disabled={busy !== null}
          open={pickerOpen}
          onOpenChange={setPickerOpen}
          summaryTitle={summaryTitle}
          summaryVersion={summaryVersion}
          onSelectModel={choice.selectModel}
          onSelectVersion={choice.selectVersion}
          onModelFile={(file) => void onModelFile(file)}
        />
      </div>
      <main id={RESULTS_ID} tabIndex={-1} className={styles.main} aria-labelledby={`${RESULTS_ID}-heading`}>
        <Subtitle2 as="h2" id={`${RESULTS_ID}-heading`} className={styles.heading}>
          {analysis ? strings.findingsHeading : strings.introTitle}
        </Subtitle2>
        {analysis ? (
          <>
            <Caption1 as="p" className={styles.note} data-testid={TEST_IDS.versionNote}>
              {`${strings.versionNoteLabel}: ${versionNoteOf(analysis, lang)}`}
            </Caption1>
            <FindingsSummary strings={strings} counts={counts} />
            <FindingsList
              lang={lang}
              strings={strings}
              groups={groups}
              onSelect={(finding) => void workflow.select(finding)}
            />
            {analysis.findings.length > 0 && (
              <Button
                appearance="subtle"
                size="small"
                className={styles.exportButton}
                icon={<ArrowDownload20Regular />}
                disabled={busy !== null}
                title={strings.hintExport}
                data-testid={TEST_IDS.actionExport}
                onClick={() => void workflow.run('export')}
              >
                {strings.actionExport}
              </Button>
            )}
            {/* After the findings: the first finding stays above the fold at 320 × 800. */}
            <PerformanceSection lang={lang} strings={strings} axes={analysis.axes} />
            {!analysis.tables.indicators && analysis.model.indicators.length > 0 && (
              <div className={styles.sample}>
                <Caption1 as="p" className={styles.note}>
                  {strings.indicatorsBody}
                </Caption1>
                <Button
                  className={styles.sampleButton}
                  icon={<TableAdd20Regular />}
                  disabled={busy !== null}
                  data-testid={TEST_IDS.actionIndicators}
                  onClick={() => void workflow.run('indicators')}
                >
                  {strings.actionIndicators}
                </Button>
              </div>
            )}
          </>
        ) : (
          <Body1 as="p" className={styles.intro}>
            {strings.introBody}
          </Body1>
        )}
        {(!analysis || analysis.findings.some((f) => f.rule === 'TABLE_NOT_FOUND')) && (
          <div className={styles.sample}>
            <Caption1 as="p" className={styles.note}>
              {strings.sampleBody}
            </Caption1>
            <Button
              className={styles.sampleButton}
              icon={<TableAdd20Regular />}
              disabled={busy !== null}
              data-testid={TEST_IDS.actionSample}
              onClick={() => void workflow.run('sample')}
            >
              {strings.actionSample}
            </Button>
          </div>
        )}
      </main>
      <PaneFooter
        strings={strings}
        version={version}
        helpUrl={HELP_URL}
        logoUrl={LOGO_URL}
        otherLang={lang === 'it' ? 'en' : 'it'}
        onSwitchLanguage={onSwitchLanguage}
      />
      <ConfirmDialog
        strings={strings}
        request={confirm?.request ?? null}
        onChoose={(c) => confirm?.choose(c)}
      />
    </div>
  );
}
