import { MODEL_SHEET, analyse, chooseModel, chooseVersion, modelFromWorkbook } from '../../src/engine';
import type { Grid } from '../../src/engine';
import { defaultModel, parseModel } from '../../src/model';
import type { ProgrammeModel } from '../../src/model';
import otherProgramme from '../fixtures/models/other-programme-1-5.json';
import { raa2022Grid } from '../taskpane/raa-2022';
import { sheetFromRows } from '../taskpane/memory-host';

function parsed(data: unknown): ProgrammeModel {
  const result = parseModel(data);
  if (!result.ok) throw new Error(`fixture model is invalid: ${result.error}`);
  return result.model;
}

const other = parsed(otherProgramme);
const fileModel: ProgrammeModel = { ...defaultModel, title: 'Modello da file' };

function withStoredModel(lines: string[]): Grid {
  const grid = raa2022Grid();
  grid.sheets.push(
    sheetFromRows(
      MODEL_SHEET,
      lines.map((line) => [line]),
    ),
  );
  return grid;
}

const validStored = withStoredModel(JSON.stringify(otherProgramme, null, 1).split('\n'));
const invalidStored = withStoredModel(['{ "id": "x" ']);
const emptyStored = withStoredModel(['']);

describe('chooseModel: which model applies', () => {
  it.each([
    ['an explicit model beats a valid stored one', fileModel, validStored, fileModel, 'explicit'],
    [
      'an explicit model beats an invalid stored one, which is then not in the way',
      fileModel,
      invalidStored,
      fileModel,
      'explicit',
    ],
    ['with no explicit model, the stored one beats the default', undefined, validStored, other, 'stored'],
    ['with neither, the embedded default', undefined, raa2022Grid(), defaultModel, 'default'],
  ])('%s', (_, explicit, grid, model, source) => {
    const choice = chooseModel({ explicit, stored: modelFromWorkbook(grid) });
    expect(choice.model).toEqual(model);
    expect(choice.source).toBe(source);
    expect(choice.problems).toEqual([]);
  });

  it('an invalid stored model is reported (sheet and reason), not ignored: the default applies meanwhile', () => {
    const choice = chooseModel({ stored: modelFromWorkbook(invalidStored) });
    expect(choice.model).toBe(defaultModel);
    expect(choice.source).toBe('default');
    expect(choice.problems).toEqual([
      { kind: 'stored-invalid', sheet: MODEL_SHEET, error: expect.any(String) },
    ]);
    expect(choice.problems[0]).toMatchObject({ error: expect.stringMatching(/\S/) });
  });

  it('an empty model sheet is an invalid stored model too', () => {
    const choice = chooseModel({ stored: modelFromWorkbook(emptyStored) });
    expect(choice.problems).toEqual([
      { kind: 'stored-invalid', sheet: MODEL_SHEET, error: expect.stringContaining(MODEL_SHEET) },
    ]);
  });

  it('a fallback given replaces the embedded default', () => {
    expect(chooseModel({ stored: null, fallback: other }).model).toBe(other);
  });
});

describe('chooseModel: the version asked for', () => {
  it('is kept when the model that applies has it', () => {
    const choice = chooseModel({ stored: null, versionId: '2020-11' });
    expect(choice.versionId).toBe('2020-11');
    expect(choice.problems).toEqual([]);
  });

  it('applies to the stored model when no explicit one is given', () => {
    const version = other.versions[0].id;
    expect(chooseModel({ stored: modelFromWorkbook(validStored), versionId: version })).toMatchObject({
      model: other,
      versionId: version,
      problems: [],
    });
  });

  it('is reported with the versions there are when the model lacks it, and dropped', () => {
    const choice = chooseModel({ stored: modelFromWorkbook(validStored), versionId: '2020-11' });
    expect(choice.model).toEqual(other);
    expect(choice.versionId).toBeUndefined();
    expect(choice.problems).toEqual([
      { kind: 'unknown-version', versionId: '2020-11', available: other.versions.map((v) => v.id) },
    ]);
  });

  it('reports both an invalid stored model and a version the fallback lacks, in that order', () => {
    const choice = chooseModel({ stored: modelFromWorkbook(invalidStored), versionId: 'nope' });
    expect(choice.problems.map((p) => p.kind)).toEqual(['stored-invalid', 'unknown-version']);
  });
});

describe('chooseVersion: which version applies', () => {
  const ids = defaultModel.versions.map((v) => v.id);
  const newest = ids[ids.length - 1];

  it('takes the version asked for, even when the allocations match another', () => {
    expect(chooseVersion(defaultModel, '2020-11', ['2022-12'])).toEqual({
      version: defaultModel.versions.find((v) => v.id === '2020-11'),
      how: 'chosen',
    });
  });

  it('else the version the allocations match (the newest of several)', () => {
    expect(chooseVersion(defaultModel, undefined, ['2020-11'])).toMatchObject({
      version: { id: '2020-11' },
      how: 'matched',
    });
    expect(chooseVersion(defaultModel, undefined, ['2020-11', '2022-12'])).toMatchObject({
      version: { id: '2022-12' },
      how: 'matched',
    });
  });

  it('else the newest', () => {
    expect(chooseVersion(defaultModel, undefined, [])).toMatchObject({
      version: { id: newest },
      how: 'newest',
    });
  });

  it('throws on a version the model lacks: hosts pass what chooseModel kept', () => {
    expect(() => chooseVersion(defaultModel, 'nope', [])).toThrow('unknown model version nope');
  });

  it('is what analyse uses', () => {
    expect(analyse(raa2022Grid()).versionChoice.how).toBe('matched');
    expect(analyse(raa2022Grid()).version.id).toBe('2022-12');
    expect(analyse(raa2022Grid(), { versionId: '2020-11' })).toMatchObject({
      version: { id: '2020-11' },
      versionChoice: { how: 'chosen' },
    });
  });
});
