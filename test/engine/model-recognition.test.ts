import { MODEL_SHEET, analyse, chooseModel } from '../../src/engine';
import type { Grid } from '../../src/engine';
import { recognisePreset } from '../../src/engine/model-choice';
import { defaultModel, findPreset, presets } from '../../src/model';
import type { ProgrammeModel } from '../../src/model';
import otherProgramme from '../fixtures/models/other-programme-1-5.json';
import { raa2022Grid } from '../taskpane/raa-2022';
import { sheetFromRows } from '../taskpane/memory-host';
import { grid, sheet } from './grid-builder';
import type { CellSpec } from './grid-builder';

const toscana = findPreset('2014IT05SFOP015')!;

/** Tabella 1 of a preset's plan, as a finance officer lays it out; `amount` writes each allocation. */
function planGrid(model: ProgrammeModel, amount: (allocation: string) => CellSpec = Number): Grid {
  const [version] = model.versions;
  const rows: CellSpec[][] = [
    ['TABELLA 1 - Piano finanziario'],
    ['OT', 'Asse', 'Denominazione', 'Dotazione finanziaria', '%'],
    ...version.axes.map((a) => [
      a.ot ? `OT ${a.ot}` : '',
      `Asse ${a.id}`,
      a.name,
      amount(a.allocation),
      { v: Number(a.allocation) / Number(version.total), fmt: '0.00%' },
    ]),
    ['', 'TOTALE', '', amount(version.total), { v: 1, fmt: '0.00%' }],
  ];
  return grid(sheet('Piano', rows, { at: 'B3' }));
}

describe('a workbook whose allocations match a preset exactly', () => {
  it('is checked against that preset, and the version note says so, in Italian and English', () => {
    const workbook = planGrid(toscana);
    const choice = chooseModel({ stored: null, grid: workbook });
    expect(choice.source).toBe('recognised');
    expect(choice.model).toBe(toscana);
    const analysis = analyse(workbook, { model: choice.model, lang: 'it', modelSource: choice.source });
    expect(analysis.version.id).toBe('initial');
    expect(analysis.versionChoice.how).toBe('matched');
    expect(analysis.versionNote).toBe(
      'Programma riconosciuto dalle dotazioni: POR FSE 2014-2020 Regione Toscana (2014IT05SFOP015), ' +
        'versione initial (Piano finanziario iniziale (dati aperti Commissione, PO versione 1.2)).',
    );
    const english = analyse(workbook, { model: choice.model, lang: 'en', modelSource: choice.source });
    expect(english.versionNote).toMatch(
      /^Programme recognised by its allocations: POR FSE 2014-2020 Regione Toscana \(2014IT05SFOP015\), version initial/,
    );
    // Only Tabella 2 is missing: axes, OT, allocations and shares all agree with the preset.
    expect(analysis.findings.map((f) => `${f.rule} ${f.table ?? ''}`)).toEqual(['TABLE_NOT_FOUND progress']);
  });

  it('is recognised with its amounts written as Italian text, as pasted from a PDF', () => {
    const text = (allocation: string) =>
      `${Number(allocation).toLocaleString('it-IT', { minimumFractionDigits: 2 })} €`;
    expect(text('382606798.00')).toBe('382.606.798,00 €');
    const choice = chooseModel({ stored: null, grid: planGrid(toscana, text) });
    expect(choice.model.id).toBe('por-fse-toscana-2014-2020');
  });

  it.each(
    presets()
      .filter((p) => p !== defaultModel)
      .map((p) => [p.id, p]),
  )('recognises %s from its own plan', (_id, preset) => {
    expect(recognisePreset(planGrid(preset), presets(), defaultModel)).toBe(preset);
  });

  it('is not recognised when one allocation differs by a cent: the default applies, as before', () => {
    const workbook = planGrid(toscana, (a) => (a === '382606798.00' ? 382606798.01 : Number(a)));
    const choice = chooseModel({ stored: null, grid: workbook });
    expect(choice.source).toBe('default');
    expect(choice.model).toBe(defaultModel);
  });

  it('leaves the Lombardy sample to the embedded model, with its own version note', () => {
    const choice = chooseModel({ stored: null, grid: raa2022Grid() });
    expect(choice.source).toBe('default');
    const analysis = analyse(raa2022Grid(), { model: choice.model, modelSource: choice.source });
    expect(analysis.versionNote).toMatch(/^Modello POR FSE 2014-2020 Regione Lombardia, versione 2022-12/);
  });

  it('comes after a model file, a programme asked for and a stored model, in that order', () => {
    const workbook = planGrid(toscana);
    const spao = findPreset('pon-spao-2014-2020')!;
    expect(
      chooseModel({ explicit: defaultModel, programme: spao.id, stored: null, grid: workbook }),
    ).toMatchObject({ source: 'explicit', model: defaultModel });
    expect(chooseModel({ programme: '2014IT05SFOP002', stored: null, grid: workbook })).toMatchObject({
      source: 'programme',
      model: spao,
    });
    workbook.sheets.push(sheetFromRows(MODEL_SHEET, [[JSON.stringify(otherProgramme)]]));
    const stored = chooseModel({ stored: { ok: true, model: spao }, grid: workbook });
    expect(stored.source).toBe('stored');
  });
});

describe('--programme / a programme picked in the pane', () => {
  it('takes a preset by id or CCI, and its version by the allocations', () => {
    const choice = chooseModel({ programme: 'por-fse-toscana-2014-2020', stored: null });
    expect(choice).toMatchObject({ source: 'programme', model: toscana, problems: [] });
  });

  it('names the nearest ids of an unknown programme, and goes on with the default meanwhile', () => {
    const choice = chooseModel({ programme: 'por-fse-toscna-2014-2020', stored: null });
    expect(choice.source).toBe('default');
    expect(choice.problems).toEqual([
      {
        kind: 'unknown-programme',
        programme: 'por-fse-toscna-2014-2020',
        nearest: ['por-fse-toscana-2014-2020', expect.any(String), expect.any(String)],
      },
    ]);
  });
});
