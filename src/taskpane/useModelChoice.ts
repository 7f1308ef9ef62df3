import { useCallback, useState } from 'react';
import { defaultModel, parseModel, presets } from '../model';
import type { ProgrammeModel } from '../model';
import type { Lang } from '../engine';

/** The version picker's value when the engine picks the version the allocations match. */
export const AUTOMATIC_VERSION = 'auto';

export interface ModelChoice {
  /**
   * The presets (the embedded model first, then the Italian ESF 2014-2020 programmes), then any loaded
   * from a file (a loaded model replaces one with its id).
   */
  models: ProgrammeModel[];
  model: ProgrammeModel;
  /** `AUTOMATIC_VERSION` or a version id of `model`. */
  versionId: string;
  /**
   * `true` once the user picks a model or a version or loads a file: then `model` is an explicit
   * choice and beats a model stored in the workbook; before, the engine's default order applies.
   */
  explicit: boolean;
  selectModel: (id: string) => void;
  selectVersion: (id: string) => void;
  addModel: (model: ProgrammeModel) => void;
}

export function useModelChoice(): ModelChoice {
  const [models, setModels] = useState<ProgrammeModel[]>(() => [...presets()]);
  const [modelId, setModelId] = useState(defaultModel.id);
  const [versionId, setVersionId] = useState(AUTOMATIC_VERSION);
  const [explicit, setExplicit] = useState(false);

  const model = models.find((m) => m.id === modelId) ?? models[0];

  const selectModel = useCallback((id: string) => {
    setModelId(id);
    setVersionId(AUTOMATIC_VERSION);
    setExplicit(true);
  }, []);

  const selectVersion = useCallback((id: string) => {
    setVersionId(id);
    setExplicit(true);
  }, []);

  const addModel = useCallback((loaded: ProgrammeModel) => {
    setModels((current) => {
      const index = current.findIndex((m) => m.id === loaded.id);
      if (index < 0) return [...current, loaded];
      return current.map((m, i) => (i === index ? loaded : m));
    });
    setModelId(loaded.id);
    setVersionId(AUTOMATIC_VERSION);
    setExplicit(true);
  }, []);

  return { models, model, versionId, explicit, selectModel, selectVersion, addModel };
}

export type ModelFileResult =
  | { ok: true; model: ProgrammeModel }
  | { ok: false; reason: 'unreadable' }
  | { ok: false; reason: 'invalid'; error: string };

/** Reads a model file chosen by the user and validates it; FileReader works in every Office webview. */
export function readModelFile(file: Blob, lang: Lang): Promise<ModelFileResult> {
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onerror = () => resolve({ ok: false, reason: 'unreadable' });
    reader.onload = () => {
      const text = typeof reader.result === 'string' ? reader.result : '';
      const parsed = parseModel(text, lang);
      resolve(
        parsed.ok ? { ok: true, model: parsed.model } : { ok: false, reason: 'invalid', error: parsed.error },
      );
    };
    reader.readAsText(file, 'utf-8');
  });
}
