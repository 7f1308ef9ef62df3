import { readGrid } from '../../src/cli/xlsx-host';
import { analyse } from '../../src/engine/analyse';
import { allFindings } from './grid-builder';
import { raa, INDICATORS } from './raa-fixture';

describe('analyse', () => {
  it('finds nothing on the clean fixture', () => {
    expect(
      allFindings(
        raa({ indicators: [INDICATORS.CO09(60000), INDICATORS.CR06_8i({ v: 0.592, fmt: '0.0%' })] }),
      ),
    ).toEqual([]);
  });

  it('picks the version the allocations match and says so', () => {
    const a = analyse(raa());
    expect(a.version.id).toBe('2022-12');
    expect(a.versionChoice).toEqual({ how: 'matched', matching: ['2022-12'] });
    expect(a.versionNote).toContain('2022-12');
  });

  it('reports exactly the expected findings on the sample workbook', async () => {
    const grid = await readGrid('assets/sample-raa-2022.xlsx');
    const found = analyse(grid)
      .findings.map((f) => `${f.rule} ${f.severity} ${f.cell}`)
      .sort();
    const hardcoded = ['D', 'F', 'H', 'J'].flatMap((c) =>
      [16, 17, 18, 19, 20, 21].map((r) => `RATIO_HARDCODED warning ${c}${r}`),
    );
    expect(found).toEqual(
      [
        'AXIS_DUPLICATE error A18',
        'TOTAL_MISMATCH warning E21',
        'INDICATOR_BELOW_TARGET warning G38',
        'INDICATOR_BELOW_TARGET warning G41',
        'INDICATOR_BELOW_TARGET error G42',
        'PROGRESS_ORDER info C16',
        ...hardcoded,
      ].sort(),
    );
  });
});
