import { analyse } from '../../../src/engine/analyse';
import { renderFinding } from '../../../src/engine/render';
import { describeRule } from '../grid-builder';
import { INDICATORS, raa } from '../raa-fixture';

describeRule('TEXT_NUMBER', {
  fires: [
    {
      name: 'an allocation pasted from the PDF',
      grid: raa({ cells: { D4: '236.700.000,00 €' } }),
      hits: [
        [
          'D4',
          'warning',
          'text',
          {
            text: '236.700.000,00 €',
            value: '236.700.000,00 €',
            message:
              'Numero memorizzato come testo: "236.700.000,00 €". Viene letto come 236.700.000,00 €; Compila lo converte in numero.',
          },
        ],
      ],
    },
    {
      name: 'a share as text',
      grid: raa({ cells: { E4: '24,39%' } }),
      hits: [['E4', 'warning', 'text', { text: '24,39%', value: '24,39%' }]],
    },
    {
      name: 'amounts and a ratio in Tabella 2',
      grid: raa({ cells: { C16: '236.000.000,00', D16: { v: '99,70 %' } } }),
      hits: [
        ['C16', 'warning', 'text', { text: '236.000.000,00', value: '236.000.000,00 €' }],
        ['D16', 'warning', 'text', { text: '99,70 %', value: '99,70%' }],
      ],
    },
    {
      name: 'a total',
      grid: raa({ cells: { D9: '970.474.516' } }),
      hits: [['D9', 'warning', 'text', { text: '970.474.516', value: '970.474.516,00 €' }]],
    },
    {
      name: 'an indicator value and target',
      grid: raa({ indicators: [INDICATORS.CO09('60.000', '56.645')] }),
      hits: [
        ['G27', 'warning', 'text', { text: '60.000', value: '60.000' }],
        ['H27', 'warning', 'text', { text: '56.645', value: '56.645' }],
      ],
    },
  ],
  doesNotFire: [
    { name: 'real numbers', grid: raa({ indicators: [INDICATORS.CO09(60000)] }) },
    { name: 'text in label columns (OT, Asse)', grid: raa({ cells: { A4: '8', B4: 'I' } }) },
    { name: 'text that is not a number (NOT_A_NUMBER says it)', grid: raa({ cells: { D5: 'n.d.' } }) },
    {
      name: 'an empty string from a formula',
      grid: raa({ cells: { D16: { v: '', f: '=IF(B16=0,"",C16/B16)' } } }),
    },
  ],
});

describe('TEXT_NUMBER messages', () => {
  const messages = (lang: 'it' | 'en') =>
    analyse(
      raa({
        cells: { D4: '236.700.000,00 €', E4: '24,39%', D16: '99,70 %' },
        indicators: [INDICATORS.CO09('60.000')],
      }),
      { lang },
    )
      .findings.filter((f) => f.rule === 'TEXT_NUMBER')
      .map((f) => renderFinding(f, lang));

  it("shows the value read in the user's number format", () => {
    expect(messages('it')).toEqual([
      'Numero memorizzato come testo: "236.700.000,00 €". Viene letto come 236.700.000,00 €; Compila lo converte in numero.',
      'Numero memorizzato come testo: "24,39%". Viene letto come 24,39%; Compila lo converte in numero.',
      'Numero memorizzato come testo: "99,70 %". Viene letto come 99,70%; Compila lo converte in numero.',
      'Numero memorizzato come testo: "60.000". Viene letto come 60.000; Compila lo converte in numero.',
    ]);
    expect(messages('en')[0]).toBe(
      'Number stored as text: "236.700.000,00 €". It is read as €236,700,000.00; Fill converts it to a number.',
    );
  });
});
