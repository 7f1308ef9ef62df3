import { en, format, it as italian, langFor, listFew, stringsFor } from '../../src/taskpane/i18n';

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('task pane strings', () => {
  it('have the same keys in Italian and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(italian).sort());
  });

  it('have the same placeholders in both languages, and no empty string', () => {
    for (const key of Object.keys(italian) as (keyof typeof italian)[]) {
      expect({ key, placeholders: placeholders(en[key]) }).toEqual({
        key,
        placeholders: placeholders(italian[key]),
      });
      expect({ key, empty: italian[key].trim() === '' || en[key].trim() === '' }).toEqual({
        key,
        empty: false,
      });
    }
  });

  it('name the actions with the verbs of the spec', () => {
    expect([
      italian.actionCheck,
      italian.actionFill,
      italian.actionFlag,
      italian.actionReport,
      italian.actionUndo,
    ]).toEqual(['Verifica', 'Compila', 'Segnala', 'Genera report', 'Annulla']);
    expect([en.actionCheck, en.actionFill, en.actionFlag, en.actionReport, en.actionUndo]).toEqual([
      'Check',
      'Fill',
      'Flag',
      'Generate report',
      'Undo',
    ]);
  });

  it('pick Italian for it-IT (and other Italian locales), English otherwise', () => {
    expect(langFor('it-IT')).toBe('it');
    expect(langFor('it-CH')).toBe('it');
    expect(langFor('IT')).toBe('it');
    expect(langFor('en-US')).toBe('en');
    expect(langFor('de-DE')).toBe('en');
    expect(langFor('')).toBe('en');
    expect(stringsFor('it')).toBe(italian);
    expect(stringsFor('en')).toBe(en);
  });

  it('fill placeholders and refuse a missing one', () => {
    expect(format('{{n}} celle', { n: 3 })).toBe('3 celle');
    expect(() => format('{{n}} celle', {})).toThrow('{{n}}');
    expect(listFew(['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7'], italian)).toBe('A1, A2, A3, A4, A5 e altre 2');
  });
});
