/** Esporta rilievi: the CSV Italian (and English) Excel opens as columns, safe from formula injection. */
import { analyse } from '../../src/engine/analyse';
import { CSV_BOM, csvField, findingsCsv } from '../../src/engine/findings-csv';
import { parseCsv as parse } from '../support/csv';
import { raa } from './raa-fixture';

const SAMPLE = raa({ ratios: 'value', cells: { E21: 898677416.67 } });

describe('findingsCsv', () => {
  it('starts with a BOM, separates with ; in Italian and keeps Italian numbers whole inside their field', () => {
    const csv = findingsCsv([{ findings: analyse(SAMPLE, { lang: 'it' }).findings }], 'it');
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    const rows = parse(csv.slice(1), ';');
    expect(rows[0]).toEqual([
      'Gravità',
      'Regola',
      'Tabella',
      'Foglio',
      'Cella',
      'Messaggio',
      'Atteso',
      'Rilevato',
      'Atteso (valore)',
      'Rilevato (valore)',
    ]);
    const total = rows.find((r) => r[1] === 'TOTAL_MISMATCH');
    expect(total).toEqual([
      'Avviso',
      'TOTAL_MISMATCH',
      'Tabella 2',
      'RAA 2022',
      'E21',
      'Il totale 898.677.416,67 € differisce di 0,01 € dalla somma delle righe 898.677.416,66 € (differenza di arrotondamento).',
      '898.677.416,66 €',
      '898.677.416,67 €',
      '898677416.66',
      '898677416.67',
    ]);
    // One line per finding: the 24 typed ratios are 24 lines here, not a group.
    expect(rows.filter((r) => r[1] === 'RATIO_HARDCODED')).toHaveLength(24);
    expect(rows.every((r) => r.length === 10)).toBe(true);
  });

  it('separates with , in English and adds a File column for several workbooks', () => {
    const findings = analyse(SAMPLE, { lang: 'en' }).findings;
    const csv = findingsCsv(
      [
        { file: 'a.xlsx', findings },
        { file: 'b.xlsx', findings: [] },
      ],
      'en',
    );
    const rows = parse(csv.slice(1), ',');
    expect(rows[0].slice(0, 3)).toEqual(['File', 'Severity', 'Rule']);
    const total = rows.find((r) => r[2] === 'TOTAL_MISMATCH');
    expect(total?.[0]).toBe('a.xlsx');
    expect(total?.[6]).toBe(
      'The total €898,677,416.67 is €0.01 off the sum of its rows €898,677,416.66 (a rounding difference).',
    );
    expect(total?.[7]).toBe('€898,677,416.66');
  });

  it('makes fields that start like a formula safe, and quotes separators, quotes and line breaks', () => {
    expect(csvField('=HYPERLINK("http://x","y")', ';')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvField('+39 02 1234', ';')).toBe("'+39 02 1234");
    expect(csvField('-5', ',')).toBe("'-5");
    expect(csvField('@SUM(A1)', ',')).toBe("'@SUM(A1)");
    expect(csvField('\tx', ',')).toBe("'\tx");
    expect(csvField('a;b', ';')).toBe('"a;b"');
    expect(csvField('a;b', ',')).toBe('a;b');
    expect(csvField('riga 1\nriga 2', ',')).toBe('"riga 1\nriga 2"');
    expect(csvField('Asse I', ';')).toBe('Asse I');
  });

  it('a label typed as a formula in the workbook reaches the CSV as text', () => {
    const findings = analyse(raa({ cells: { A17: '=1+1' } }), { lang: 'it' }).findings;
    const rows = parse(findingsCsv([{ findings }], 'it').slice(1), ';');
    const fields = rows.slice(1).flat();
    expect(fields.some((f) => /^[=+\-@]/.test(f))).toBe(false);
    expect(fields).toContain("'=1+1");
  });
});
