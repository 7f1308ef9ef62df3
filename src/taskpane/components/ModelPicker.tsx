import { useId, useRef } from 'react';
import { Button, Label, Select, makeStyles, tokens } from '@fluentui/react-components';
import { DocumentArrowUp20Regular } from '@fluentui/react-icons';
import type { ProgrammeModel } from '../../model';
import { format } from '../i18n';
import type { Strings } from '../i18n';
import { TEST_IDS } from '../test-ids';
import { AUTOMATIC_VERSION } from '../useModelChoice';

const useStyles = makeStyles({
  group: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    margin: 0,
    padding: 0,
    border: 'none',
    minWidth: 0,
  },
  legend: {
    padding: 0,
    marginBottom: tokens.spacingVerticalXS,
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  field: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  select: { minWidth: 0 },
  selectControl: { minHeight: '44px' },
  load: { minHeight: '44px', alignSelf: 'flex-start', maxWidth: '100%' },
  fileInput: { display: 'none' },
  folded: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    minWidth: 0,
  },
  summary: {
    display: 'flex',
    flexDirection: 'column',
    flexGrow: 1,
    minWidth: 0,
    color: tokens.colorNeutralForeground2,
  },
  summaryLine: { whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' },
  summaryTitle: { color: tokens.colorNeutralForeground1, fontWeight: tokens.fontWeightSemibold },
  summaryVersion: {
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  change: { minHeight: '44px', minWidth: 0, flexShrink: 0, whiteSpace: 'nowrap' },
  footer: {
    display: 'flex',
    flexWrap: 'wrap',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
  },
});

export interface ModelPickerProps {
  strings: Strings;
  models: ProgrammeModel[];
  model: ProgrammeModel;
  versionId: string;
  disabled: boolean;
  /** Unfolded: the selects and the model file; folded: one line with the model and version in use. */
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** What the folded line shows: the model's title and the version (the one the last check used). */
  summaryTitle: string;
  summaryVersion: string;
  onSelectModel: (id: string) => void;
  onSelectVersion: (id: string) => void;
  onModelFile: (file: File) => void;
}

/** The programmes as a reader looks for them: by title, in Italian order (`PON …` before `POR …`). */
function byTitle(models: readonly ProgrammeModel[]): ProgrammeModel[] {
  return [...models].sort((a, b) => a.title.localeCompare(b.title, 'it'));
}

/**
 * Programme and version of the model the workbook is checked against; a model JSON can be loaded.
 * Folded to one row as tall as a button (`Modello: POR FSE …` over `versione 2022-12`, then
 * *Cambia*) so the findings start high in the pane; the title is cut with an ellipsis when narrow.
 */
export function ModelPicker(props: ModelPickerProps) {
  const { strings, models, model, versionId, disabled, open } = props;
  const styles = useStyles();
  const programmeId = useId();
  const versionSelectId = useId();
  const fileInput = useRef<HTMLInputElement>(null);

  const fileChooser = (
    <input
      ref={fileInput}
      type="file"
      accept=".json,application/json"
      className={styles.fileInput}
      data-testid={TEST_IDS.modelFileInput}
      tabIndex={-1}
      aria-hidden
      onChange={(event) => {
        const file = event.target.files?.[0];
        // Cleared so that choosing the same file again (after fixing it) fires change again.
        event.target.value = '';
        if (file) props.onModelFile(file);
      }}
    />
  );

  if (!open) {
    return (
      <div role="group" aria-label={strings.modelGroup} className={styles.folded}>
        <span
          className={styles.summary}
          data-testid={TEST_IDS.modelSummary}
          title={`${props.summaryTitle} · ${props.summaryVersion}`}
        >
          <span className={styles.summaryLine}>
            {`${strings.modelSummaryLabel}: `}
            <span className={styles.summaryTitle}>{props.summaryTitle}</span>
          </span>
          <span className={styles.summaryVersion}>
            {format(strings.modelSummaryVersion, { version: props.summaryVersion })}
          </span>
        </span>
        <Button
          className={styles.change}
          appearance="subtle"
          aria-expanded={false}
          title={strings.modelChangeHint}
          data-testid={TEST_IDS.modelChange}
          disabled={disabled}
          onClick={() => props.onOpenChange(true)}
        >
          {strings.modelChange}
        </Button>
        {fileChooser}
      </div>
    );
  }

  return (
    <fieldset className={styles.group}>
      <legend className={styles.legend}>{strings.modelGroup}</legend>
      <div className={styles.field}>
        <Label htmlFor={programmeId}>{strings.programme}</Label>
        <Select
          id={programmeId}
          className={styles.select}
          select={{ className: styles.selectControl }}
          data-testid={TEST_IDS.programmeSelect}
          value={model.id}
          disabled={disabled}
          onChange={(_, data) => props.onSelectModel(data.value)}
        >
          {byTitle(models).map((m) => (
            <option key={m.id} value={m.id}>
              {m.cci ? `${m.title} (${m.cci})` : m.title}
            </option>
          ))}
        </Select>
      </div>
      <div className={styles.field}>
        <Label htmlFor={versionSelectId}>{strings.version}</Label>
        <Select
          id={versionSelectId}
          className={styles.select}
          select={{ className: styles.selectControl }}
          data-testid={TEST_IDS.versionSelect}
          value={versionId}
          disabled={disabled}
          onChange={(_, data) => props.onSelectVersion(data.value)}
        >
          <option value={AUTOMATIC_VERSION}>{strings.versionAutomatic}</option>
          {model.versions.map((v) => (
            <option key={v.id} value={v.id}>
              {`${v.label} (${v.id})`}
            </option>
          ))}
        </Select>
      </div>
      <div className={styles.footer}>
        <Button
          className={styles.load}
          appearance="subtle"
          icon={<DocumentArrowUp20Regular />}
          data-testid={TEST_IDS.modelLoadButton}
          title={strings.loadModelHint}
          disabled={disabled}
          onClick={() => fileInput.current?.click()}
        >
          {strings.loadModel}
        </Button>
        <Button
          className={styles.change}
          aria-expanded
          data-testid={TEST_IDS.modelChange}
          onClick={() => props.onOpenChange(false)}
        >
          {strings.modelFold}
        </Button>
      </div>
      {fileChooser}
    </fieldset>
  );
}
