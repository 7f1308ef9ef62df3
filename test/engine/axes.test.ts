import { axisIdOfLabel, knownAxes, matchingVersions } from '../../src/engine/axes';
import { locateTables } from '../../src/engine/locate/locate-tables';
import { resolveAxes } from '../../src/engine/axes';
import { defaultModel, parseModel } from '../../src/model';
import otherProgramme from '../fixtures/models/other-programme-1-5.json';
import { ALLOCATIONS_2020, raa } from './raa-fixture';

const lombardy = knownAxes(defaultModel);
const parsed = parseModel(otherProgramme);
if (!parsed.ok) throw new Error(parsed.error);
const veneto = knownAxes(parsed.model);

describe('axisIdOfLabel (Lombardy, I…V)', () => {
  it.each([
    ['I', 'I'],
    ['Asse I', 'I'],
    ['ASSE  I', 'I'],
    ['asse ii', 'II'],
    ['Asse prioritario III', 'III'],
    ['Priority axis IV', 'IV'],
    ['Axis V', 'V'],
    ['Asse n. II', 'II'],
    ['Asse I - Occupazione', 'I'],
    ['Asse I – Occupazione', 'I'],
    ['I. Occupazione', 'I'],
    ['I (Occupazione)', 'I'],
    ['Occupazione', 'I'],
    ['"Occupazione"', 'I'],
    ['Inclusione sociale', 'II'],
    ['Istruzione e formazione', 'III'],
    ['Assistenza tecnica', 'V'],
    ['Asse 1', 'I'],
    ['Asse prioritario 3', 'III'],
    ['Axis 2', 'II'],
    ['Asse\u00a0IV', 'IV'],
  ])('%j → %s', (label, id) => {
    expect(axisIdOfLabel(label, lombardy)).toBe(id);
  });

  it.each(['', '   ', 'Asse', 'VI', 'Asse VI', '1', '3', 'Totale', 'Occupazione giovanile', 'Classe I'])(
    '%j names no axis',
    (label) => {
      expect(axisIdOfLabel(label, lombardy)).toBeNull();
    },
  );
});

describe('axisIdOfLabel (another programme, 1…5)', () => {
  it.each([
    ['1', '1'],
    ['Asse 1', '1'],
    ['Asse prioritario 3', '3'],
    ['Asse 4 - Capacità istituzionale', '4'],
    ['Occupabilità', '1'],
    ['5', '5'],
  ])('%j → %s', (label, id) => {
    expect(axisIdOfLabel(label, veneto)).toBe(id);
  });

  it.each(['I', 'Asse I', '6', 'Asse 6'])('%j names no axis', (label) => {
    expect(axisIdOfLabel(label, veneto)).toBeNull();
  });
});

describe('knownAxes', () => {
  it('lists every axis of every version once, in order', () => {
    expect(lombardy.map((a) => a.id)).toEqual(['I', 'II', 'III', 'IV', 'V']);
    expect(lombardy.find((a) => a.id === 'IV')?.allocation).toBe('19114000.00');
  });
});

describe('resolveAxes', () => {
  it("reads the RAA's second II as Asse III by its amounts", () => {
    const tables = locateTables(raa({ cells: { A18: 'II' } }));
    resolveAxes(tables, defaultModel, null);
    expect(tables.progress?.rows.map((r) => [r.labelAxisId, r.axisId])).toEqual([
      ['I', 'I'],
      ['II', 'II'],
      ['II', 'III'],
      ['IV', 'IV'],
      ['V', 'V'],
    ]);
  });

  it('gives the label to the row holding its amounts when the first is the wrong one', () => {
    const tables = locateTables(raa({ cells: { A17: 'III' } }));
    resolveAxes(tables, defaultModel, null);
    expect(tables.progress?.rows.map((r) => r.axisId)).toEqual(['I', 'II', 'III', 'IV', 'V']);
  });

  it('leaves a duplicate whose amounts point nowhere unresolved', () => {
    const tables = locateTables(raa({ cells: { A18: 'II', B18: 301900001 } }));
    resolveAxes(tables, defaultModel, null);
    expect(tables.progress?.rows.map((r) => r.axisId)).toEqual(['I', 'II', null, 'IV', 'V']);
  });
});

describe('matchingVersions', () => {
  const matching = (options: Parameters<typeof raa>[0]) => {
    const tables = locateTables(raa(options));
    resolveAxes(tables, defaultModel, null);
    return matchingVersions(defaultModel, tables);
  };

  it('finds the version whose allocations Tabella 1 holds', () => {
    expect(matching({})).toEqual(['2022-12']);
    expect(matching({ allocations: ALLOCATIONS_2020 })).toEqual(['2020-11']);
    expect(
      matching({ allocations: { I: 358000000, II: 227100000, III: 332500000, IV: 20000000, V: 32874516 } }),
    ).toEqual(['2015-initial']);
  });

  it('finds none for mixed allocations or a missing axis', () => {
    expect(matching({ allocations: { IV: 20000000 } })).toEqual([]);
    expect(matching({ axes: ['I', 'II', 'III', 'IV'] })).toEqual([]);
  });

  it('uses Tabella 2 column A without a Tabella 1', () => {
    expect(matching({ plan: false, allocations: ALLOCATIONS_2020 })).toEqual(['2020-11']);
  });

  it('finds none without tables', () => {
    expect(matching({ plan: false, progress: false })).toEqual([]);
  });
});
