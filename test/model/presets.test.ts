import { execFileSync } from 'child_process';
import { readFileSync } from 'fs';
import { join } from 'path';
import { Decimal } from 'decimal.js';
import { defaultModel, findPreset, findVersion, nearestPresetIds, presets } from '../../src/model';

const root = join(__dirname, '..', '..');
const CSV = join(root, 'src', 'model', 'programmes', 'esf-2014-2020', 'italian-esf-ops-planned-by-axis.csv');

/** The source rows, read here independently of the generator. */
function sourceRows(): Record<string, string>[] {
  const lines = readFileSync(CSV, 'utf8').split(/\r?\n/).filter(Boolean);
  const split = (line: string): string[] =>
    [...line.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)].map((m) => m[1].replace(/^"|"$/g, ''));
  const header = split(lines[0]);
  return lines.slice(1).map((line) => Object.fromEntries(split(line).map((v, i) => [header[i], v])));
}

const rows = sourceRows();
const ccis = [...new Set(rows.map((r) => r.cci))];

describe('the presets of the Italian ESF 2014-2020 programmes', () => {
  it('are up to date with the CSV (node scripts/build-presets.mjs)', () => {
    expect(() =>
      execFileSync(process.execPath, [join(root, 'scripts', 'build-presets.mjs'), '--check'], {
        stdio: 'pipe',
      }),
    ).not.toThrow();
  });

  it('are the 20 programmes of the CSV, each with a unique slug and its CCI, Lombardy first', () => {
    expect(ccis).toHaveLength(20);
    expect(
      presets()
        .map((p) => p.cci)
        .sort(),
    ).toEqual([...ccis].sort());
    expect(new Set(presets().map((p) => p.id)).size).toBe(20);
    expect(presets()[0]).toBe(defaultModel);
    for (const preset of presets()) expect(preset.id).toMatch(/^[a-z][a-z0-9-]+-2014-2020$/);
    expect(findPreset('2014IT05SFOP002')?.id).toBe('pon-spao-2014-2020');
    expect(findPreset('2014IT05SFOP007')).toBe(defaultModel);
  });

  it.each(ccis.filter((cci) => cci !== '2014IT05SFOP007'))(
    '%s: one version "initial"; its total is the sum of its axes and the CSV total of the programme',
    (cci) => {
      const preset = findPreset(cci)!;
      const own = rows.filter((r) => r.cci === cci);
      const csvTotal = own.reduce((sum, r) => sum.plus(r.total_amount_eur), new Decimal(0));
      expect(preset.versions.map((v) => v.id)).toEqual(['initial']);
      const [version] = preset.versions;
      const axisSum = version.axes.reduce((sum, a) => sum.plus(a.allocation), new Decimal(0));
      expect(version.total).toBe(csvTotal.toFixed(2));
      expect(axisSum.toFixed(2)).toBe(version.total);
      // The programme's own axis ids, each once, with the sum of its rows (several categories of region).
      const ids = [...new Set(own.map((r) => r.priority_axis))];
      expect(version.axes.map((a) => a.id).sort()).toEqual([...ids].sort());
      for (const axis of version.axes) {
        const axisRows = own.filter((r) => r.priority_axis === axis.id);
        const sum = axisRows.reduce((s, r) => s.plus(r.total_amount_eur), new Decimal(0));
        expect(axis.allocation).toBe(sum.toFixed(2));
        const ots = [...new Set(axisRows.map((r) => r.thematic_objective))].filter((ot) => ot !== 'TA');
        expect(axis.ot.split(', ').filter(Boolean).sort()).toEqual(ots.sort());
        expect(axis.aliases).toContain(`Asse ${axis.id}`);
      }
      expect(preset.indicators).toEqual([]);
      expect(preset.thresholds).toEqual({ tolerance: '0.85', serious: '0.65' });
      expect(preset.source).toContain(own[0].op_title);
    },
  );

  it('sums the categories of region per axis (PON SPAO, axis 1: three rows)', () => {
    const spao = findPreset('pon-spao-2014-2020')!;
    expect(spao.title).toBe("PON Sistemi di politiche attive per l'occupazione (SPAO) 2014-2020");
    expect(spao.versions[0].axes.map((a) => [a.id, a.ot, a.allocation])).toEqual([
      ['1', '8', '1838398081.00'],
      ['2', '10', '72627640.00'],
      ['3', '8, 10', '52727158.00'],
      ['4', '11', '114410117.00'],
      ['5', '', '98342805.00'],
    ]);
  });

  it('keeps the programme’s own axis ids (Toscana: A…E)', () => {
    const toscana = findPreset('por-fse-toscana-2014-2020')!;
    expect(toscana.cci).toBe('2014IT05SFOP015');
    expect(toscana.title).toBe('POR FSE 2014-2020 Regione Toscana');
    expect(toscana.versions[0].axes.map((a) => [a.id, a.name])).toEqual([
      ['A', 'Occupazione'],
      ['B', 'Inclusione sociale e lotta alla povertà'],
      ['C', 'Istruzione e formazione'],
      ['D', 'Capacità istituzionale e amministrativa'],
      ['E', 'Assistenza tecnica'],
    ]);
    expect(toscana.versions[0].total).toBe('732963216.00');
  });

  it('has Lombardy as its embedded model, whose 2015-initial version is the CSV row', () => {
    const own = rows.filter((r) => r.cci === '2014IT05SFOP007');
    const initial = findVersion(defaultModel, '2015-initial')!;
    expect(defaultModel.cci).toBe('2014IT05SFOP007');
    expect(initial.axes.map((a) => [a.id, a.allocation])).toEqual(
      own.map((r) => [r.priority_axis, new Decimal(r.total_amount_eur).toFixed(2)]),
    );
    expect(defaultModel.versions).toHaveLength(3);
    expect(defaultModel.indicators.length).toBeGreaterThan(0);
  });

  it('finds a preset by id or CCI in any case, and names the nearest ids for a slip', () => {
    expect(findPreset('POR-FSE-TOSCANA-2014-2020')?.cci).toBe('2014IT05SFOP015');
    expect(findPreset('2014it05sfop015')?.id).toBe('por-fse-toscana-2014-2020');
    expect(findPreset('por-fse-toscanaa-2014-2020')).toBeUndefined();
    expect(nearestPresetIds('por-fse-toscanaa-2014-2020')[0]).toBe('por-fse-toscana-2014-2020');
    expect(nearestPresetIds('2014IT05SFOP019')).toHaveLength(3);
    expect(nearestPresetIds('toscana')[0]).toBe('por-fse-toscana-2014-2020');
  });
});
