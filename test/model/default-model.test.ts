import { Decimal } from 'decimal.js';
import { readFileSync } from 'fs';
import { join } from 'path';
import { defaultModel, findVersion, newestVersion, parseModel } from '../../src/model';
import type { ProgrammeModel, ProgrammeVersion } from '../../src/model';

function axisSum(version: ProgrammeVersion): Decimal {
  return version.axes.reduce((sum, axis) => sum.plus(axis.allocation), new Decimal(0));
}

function allocations(version: ProgrammeVersion): Record<string, string> {
  return Object.fromEntries(version.axes.map((a) => [a.id, a.allocation]));
}

describe('the embedded POR FSE Lombardia model', () => {
  it('is the Lombardy programme in euro', () => {
    expect(defaultModel.id).toBe('por-fse-lombardia-2014-2020');
    expect(defaultModel.title).toBe('POR FSE 2014-2020 Regione Lombardia');
    expect(defaultModel.currency).toBe('EUR');
    expect(defaultModel.thresholds).toEqual({
      tolerance: '0.85',
      serious: '0.65',
    });
  });

  it('has three versions, oldest first, each summing to 970474516.00', () => {
    expect(defaultModel.versions.map((v) => [v.id, v.label])).toEqual([
      ['2015-initial', 'Piano finanziario iniziale 2015 (dati aperti Commissione)'],
      ['2020-11', 'Decisione C(2020)7664 del 9/11/2020'],
      ['2022-12', 'Piano finanziario RAA 2022'],
    ]);
    for (const version of defaultModel.versions) {
      expect(version.total).toBe('970474516.00');
      expect(axisSum(version).toFixed(2)).toBe('970474516.00');
    }
  });

  it('holds the allocations of each financial plan', () => {
    expect(allocations(findVersion(defaultModel, '2015-initial')!)).toEqual({
      I: '358000000.00',
      II: '227100000.00',
      III: '332500000.00',
      IV: '20000000.00',
      V: '32874516.00',
    });
    expect(allocations(findVersion(defaultModel, '2020-11')!)).toEqual({
      I: '236700000.00',
      II: '379000000.00',
      III: '301900000.00',
      IV: '20000000.00',
      V: '32874516.00',
    });
    expect(allocations(findVersion(defaultModel, '2022-12')!)).toEqual({
      I: '236700000.00',
      II: '379000000.00',
      III: '301900000.00',
      IV: '19114000.00',
      V: '33760516.00',
    });
  });

  it('gives every axis its OT, name and aliases, without bare arabic numerals', () => {
    for (const version of defaultModel.versions) {
      expect(version.axes.map((a) => [a.id, a.ot, a.name])).toEqual([
        ['I', '8', 'Occupazione'],
        ['II', '9', 'Inclusione sociale e lotta alla povertà'],
        ['III', '10', 'Istruzione e formazione'],
        ['IV', '11', 'Capacità istituzionale e amministrativa'],
        ['V', '', 'Assistenza tecnica'],
      ]);
      version.axes.forEach((axis, i) => {
        expect(axis.aliases).toEqual(expect.arrayContaining([`Asse ${axis.id}`, `Asse ${i + 1}`, axis.name]));
        expect(axis.aliases.some((alias) => /^\d+$/.test(alias))).toBe(false);
      });
    }
    const axisIV = newestVersion(defaultModel).axes[3];
    expect(axisIV.aliases).toEqual(
      expect.arrayContaining(['Capacità amministrativa', 'Rafforzamento della capacità amministrativa']),
    );
    expect(newestVersion(defaultModel).axes[2].aliases).toContain('Istruzione e Formazione');
  });

  it('holds the 18 indicators of the RAA 2022 with their 2023 targets and codes', () => {
    expect(defaultModel.indicators).toHaveLength(18);
    expect(
      defaultModel.indicators.map((i) => [i.axis, i.priority, i.code, i.type, i.unit, i.target, i.direction]),
    ).toEqual([
      ['I', '', 'CO01', 'output', 'number', '131480', 'higher'],
      ['I', '', 'CO05', 'output', 'number', '15558', 'higher'],
      ['I', '', 'CO06', 'output', 'number', '1702', 'higher'],
      ['I', '', 'CO21', 'output', 'number', '3', 'higher'],
      ['I', '8i', 'CR06', 'result', 'percentage', '30', 'higher'],
      ['I', '8ii', 'CR06', 'result', 'percentage', '35', 'higher'],
      ['I', '8v', 'CR06', 'result', 'percentage', '20.2', 'higher'],
      ['II', '9i', 'CO16', 'output', 'number', '5369', 'higher'],
      ['II', '', 'CO17', 'output', 'number', '31298', 'higher'],
      ['II', '', 'LOM-II-NF', 'output', 'number', '57503', 'higher'],
      ['II', '9i', 'CR05', 'result', 'percentage', '80', 'higher'],
      ['III', '', 'CO09', 'output', 'number', '56645', 'higher'],
      ['III', '', 'CO10', 'output', 'number', '6077', 'higher'],
      ['III', '', 'LOM-III-PC', 'output', 'percentage', '90', 'higher'],
      ['III', '10i', 'CR03', 'result', 'percentage', '85', 'higher'],
      ['III', '10iv', 'CR03', 'result', 'percentage', '80', 'higher'],
      ['IV', '', 'LOM-IV-AM', 'output', 'number', '1240', 'higher'],
      ['IV', '11i', 'LOM-IV-IT', 'result', 'number', '200', 'higher'],
    ]);
    expect(defaultModel.indicators[0].name).toBe('Disoccupati, compresi i disoccupati di lunga durata');
    expect(defaultModel.indicators[14].name).toBe(
      "Partecipanti che ottengono una qualifica alla fine della loro partecipazione all'intervento",
    );
  });

  it('is the same model when its JSON file is parsed as text', () => {
    const text = readFileSync(
      join(__dirname, '../../src/model/programmes/por-fse-lombardia-2014-2020.json'),
      'utf8',
    );
    const result = parseModel(text);
    expect(result).toEqual({ ok: true, model: defaultModel });
  });
});

describe('findVersion and newestVersion', () => {
  it('find a version by id, or undefined', () => {
    expect(findVersion(defaultModel, '2020-11')?.label).toBe('Decisione C(2020)7664 del 9/11/2020');
    expect(findVersion(defaultModel, '2019-01')).toBeUndefined();
  });

  it('take the last version as the newest', () => {
    expect(newestVersion(defaultModel).id).toBe('2022-12');
  });
});

describe('a programme with axes 1…5 (test fixture)', () => {
  function loadOther(): ProgrammeModel {
    const text = readFileSync(join(__dirname, '../fixtures/models/other-programme-1-5.json'), 'utf8');
    const result = parseModel(text);
    if (!result.ok) throw new Error(result.error);
    return result.model;
  }

  it('loads, with axis ids 1 to 5 and default thresholds', () => {
    const model = loadOther();
    expect(model.id).toBe('por-fse-veneto-2014-2020');
    expect(model.versions).toHaveLength(1);
    const version = newestVersion(model);
    expect(version.id).toBe('2015-initial');
    expect(version.axes.map((a) => [a.id, a.ot])).toEqual([
      ['1', '8'],
      ['2', '9'],
      ['3', '10'],
      ['4', '11'],
      ['5', ''],
    ]);
    expect(axisSum(version).toFixed(2)).toBe(version.total);
    expect(version.total).toBe('764031822.00');
    expect(model.thresholds).toEqual({ tolerance: '0.85', serious: '0.65' });
    expect(model.indicators.map((i) => [i.code, i.axis])).toContainEqual(['CO01', '1']);
    expect(model.indicators.every((i) => i.direction === 'higher')).toBe(true);
  });
});
