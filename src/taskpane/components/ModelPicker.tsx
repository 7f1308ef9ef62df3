import { useId, useRef } from 'react';
import { Button, Label, Select, makeStyles, tokens } from '@fluentui/react-components';
import { DocumentArrowUp20Regular } from '@fluentui/react-icons';
import type { ProgrammeModel } from '../../model';
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
});

export interface ModelPickerProps {
  strings: Strings;
  models: ProgrammeModel[];
  model: ProgrammeModel;
  versionId: string;
  disabled: boolean;
  onSelectModel: (id: string) => void;
  onSelectVersion: (id: string) => void;
  onModelFile: (file: File) => void;
}

/** Programme and version of the model the workbook is checked against; a model JSON can be loaded. */
export function ModelPicker(props: ModelPickerProps) {
  const { strings, models, model, versionId, disabled } = props;
  const styles = useStyles();
  const programmeId = useId();
  const versionSelectId = useId();
  const fileInput = useRef<HTMLInputElement>(null);

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
          {models.map((m) => (
            <option key={m.id} value={m.id}>
              {m.title}
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
    </fieldset>
  );
}
