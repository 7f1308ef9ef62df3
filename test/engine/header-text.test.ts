import {
  compactHeader,
  hasStem,
  hasWord,
  isCaption,
  isNoteText,
  isPlaceholderHeader,
  isTotalLabel,
  normalizeHeader,
} from '../../src/engine/locate/header-text';

describe('header text', () => {
  it('normalizes case, accents, line breaks and spaces', () => {
    expect(normalizeHeader('  DOTAZIONE\nFINANZIARIA ')).toBe('dotazione finanziaria');
    expect(normalizeHeader("Priorità\u00a0d'investimento")).toBe("priorita d'investimento");
    expect(normalizeHeader('Unità\r\n di  misura')).toBe('unita di misura');
    expect(compactHeader('C = B / A')).toBe('c=b/a');
  });

  it('tests whole words and word stems', () => {
    expect(hasWord('asse prioritario', 'asse')).toBe(true);
    expect(hasWord('classe', 'asse')).toBe(false);
    expect(hasStem('avanzamento impegni', 'impegn')).toBe(true);
    expect(hasStem('disimpegni', 'impegn')).toBe(false);
  });

  it.each([
    'TABELLA 1. – PIANO FINANZIARIO',
    'Tabella 2. Avanzamento finanziario',
    'Table 3',
    'Tab. 1',
    'tabella 1',
  ])('%j is a caption', (text) => {
    expect(isCaption(text)).toBe(true);
  });

  it.each(['Tabelle riassuntive', 'Assi', 'Nota 1', 'Table of contents'])('%j is not a caption', (text) => {
    expect(isCaption(text)).toBe(false);
  });

  it.each([
    'Totale',
    'TOTALE',
    'Totale POR',
    'Totale generale',
    'Total',
    'TOTAL',
    'Totals',
    'Grand total',
    'Tot.',
    'TOT',
    'Tot. generale',
  ])('%j is a total', (text) => {
    expect(isTotalLabel(text)).toBe(true);
  });

  it.each(['Asse I', 'Totem', 'Totalità dei partecipanti', 'Subtotal', 'di cui totale', ''])(
    '%j is not a total',
    (text) => {
      expect(isTotalLabel(text)).toBe(false);
    },
  );

  it.each([
    ['Colonna1', true],
    ['Column12', true],
    ['colonna 3', true],
    ['Colonna', false],
    ['%', false],
  ] as [string, boolean][])('%j placeholder: %j', (text, placeholder) => {
    expect(isPlaceholderHeader(text)).toBe(placeholder);
  });
});

describe('isNoteText', () => {
  it.each([
    'Fonte: elaborazione su dati SIAGE',
    'Nota: importi in euro',
    'Note',
    'Source: RAA 2022',
    '(*) dati provvisori',
    '* dati provvisori',
    '(1) al 31/12/2022',
    '1) al 31/12/2022',
    'N.B. valori arrotondati',
  ])('%j is a note', (text) => {
    expect(isNoteText(text)).toBe(true);
  });

  it.each(['Asse I', 'I', 'Occupazione', 'Notevole', 'Fontana', '1', 'OT 8', 'Totale'])(
    '%j is not a note',
    (text) => {
      expect(isNoteText(text)).toBe(false);
    },
  );
});
