import type { Analysis, AnalyseOptions, IndicatorResult } from './analysis';
import { matchingVersions, resolveAxes } from './axes';
import { sortFindings, type Lang } from './finding';
import type { Grid } from './grid';
import { evaluateIndicator } from './indicators';
import { locateTables } from './locate/locate-tables';
import { runRules, type VersionChoice } from './rule';
import { RULES } from './rules';
import { chooseVersion, recognitionNoteOf } from './model-choice';
import { assessPerformance, axisResultOf } from './performance';
import { defaultModel, findVersion } from '../model';

/** Locates the tables, picks the model version and runs every rule. Pure: changes nothing. */
export function analyse(grid: Grid, options: AnalyseOptions = {}): Analysis {
  const lang: Lang = options.lang ?? 'it';
  const model = options.model ?? defaultModel;
  // Hosts keep only a version id the model has (`chooseModel`); another one is a programming error.
  const chosen = options.versionId ? findVersion(model, options.versionId) : undefined;
  if (options.versionId && !chosen) throw new Error(`unknown model version ${options.versionId}`);
  const tables = locateTables(grid, model);
  resolveAxes(tables, model, chosen ?? null);
  const matching = matchingVersions(model, tables);
  const { version, how } = chooseVersion(model, options.versionId || undefined, matching);
  const versionChoice: VersionChoice = { how, matching };
  // A chosen version that the amounts contradict may resolve duplicate labels differently: redo with it.
  if (!chosen) resolveAxes(tables, model, version);

  const findings = sortFindings(runRules(RULES, { grid, model, version, versionChoice, tables }));
  const indicators: IndicatorResult[] = (tables.indicators?.rows ?? []).map((row) => {
    const e = evaluateIndicator(row, model);
    return {
      axis: row.axis?.text || e.indicator?.axis || '',
      code: row.code?.text || e.indicator?.code || '',
      name: row.name?.text || e.indicator?.name || '',
      value: e.value ? e.value.toString() : null,
      target: e.target ? e.target.toString() : null,
      ratio: e.ratio ? e.ratio.toDecimalPlaces(4).toString() : null,
      status: e.status,
      sheet: tables.indicators?.sheet ?? '',
      cell: row.value?.address ?? '',
    };
  });
  const axes = assessPerformance(tables, model, version).map(axisResultOf);
  const analysis = {
    grid,
    lang,
    model,
    version,
    versionChoice,
    versionNote: '',
    modelSource: options.modelSource,
    tables,
    findings,
    indicators,
    axes,
  };
  analysis.versionNote = versionNoteOf(analysis, lang);
  return analysis;
}

/**
 * One sentence on which version was used and why, in `lang`. It cites a rule only when that rule has
 * findings in the list: no "see ALLOCATION_MISMATCH" when there is none.
 */
export function versionNoteOf(
  analysis: Pick<Analysis, 'model' | 'version' | 'versionChoice' | 'tables' | 'findings' | 'modelSource'>,
  lang: Lang,
): string {
  const { model, version, versionChoice: choice } = analysis;
  // A preset recognised by its allocations: that is the news, and the version is the one they match.
  const recognised = recognitionNoteOf(analysis.modelSource ?? 'default', model, version, lang);
  if (recognised) return recognised;
  const cited = analysis.findings.some((f) => f.rule === 'ALLOCATION_MISMATCH');
  const noAllocations = !analysis.tables.plan && !analysis.tables.progress;
  const name = `${version.id} (${version.label})`;
  const others = choice.matching.filter((id) => id !== version.id).join(', ');
  if (lang === 'it') {
    const head = `Modello ${model.title}, versione ${name}`;
    if (choice.how === 'chosen')
      return `${head}, scelta da te.${others ? ` Le dotazioni della cartella corrispondono invece alla versione ${others}.` : ''}`;
    if (choice.how === 'matched')
      return `${head}: le dotazioni della cartella corrispondono a questa versione.`;
    if (noAllocations)
      return `${head}, la più recente: nella cartella non ci sono dotazioni con cui scegliere la versione.`;
    return `${head}, la più recente: nessuna versione corrisponde esattamente alle dotazioni della cartella${cited ? ' (vedi ALLOCATION_MISMATCH)' : ''}.`;
  }
  const head = `Model ${model.title}, version ${name}`;
  if (choice.how === 'chosen')
    return `${head}, chosen by you.${others ? ` The workbook's allocations match version ${others} instead.` : ''}`;
  if (choice.how === 'matched') return `${head}: the workbook's allocations match this version.`;
  if (noAllocations) return `${head}, the newest: the workbook has no allocations to choose the version by.`;
  return `${head}, the newest: no version matches the workbook's allocations exactly${cited ? ' (see ALLOCATION_MISMATCH)' : ''}.`;
}
