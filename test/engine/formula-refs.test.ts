import {
  constantsOf,
  referencesOf,
  relativePattern,
  resolveStructuredReferences,
} from '../../src/engine/formula-refs';

const refs = (formula: string) =>
  referencesOf(formula).map((r) => `${r.sheet ? `${r.sheet}!` : ''}${r.row},${r.col}`);

describe('referencesOf', () => {
  it.each([
    ['=C16/B16', ['15,2', '15,1']],
    ['=IF(B16=0,"",C16/B16)', ['15,1', '15,2', '15,1']],
    ['=$C$16/$B16', ['15,2', '15,1']],
    ['=c16/b16', ['15,2', '15,1']],
    ["='RAA 2022'!C16/'RAA 2022'!B16", ['RAA 2022!15,2', 'RAA 2022!15,1']],
    ["='L''Aquila'!A1", ["L'Aquila!0,0"]],
    ['=Foglio2!G18/Foglio2!E18', ['Foglio2!17,6', 'Foglio2!17,4']],
    ['=SUM(B16:B20)', ['15,1', '19,1']],
    ['=IF(C16>=0,"A1 B2",C16)', ['15,2', '15,2']],
    ['=LOG10(B16)', ['15,1']],
    ['=ATAN2(B16,C16)', ['15,1', '15,2']],
    ['=2E3*B16', ['15,1']],
    ['=XFD1048576', ['1048575,16383']],
    ['=ROUND(B16,2)', ['15,1']],
    ['=Tabella1[@Programmato]/Tabella1[@Dotazione]', []],
    ['=100', []],
  ] as [string, string[]][])('%s', (formula, expected) => {
    expect(refs(formula)).toEqual(expected);
  });

  it("gives each reference's position in the formula", () => {
    expect(
      referencesOf('=IF(B16=0,"",C16/B16)').map((r) => '=IF(B16=0,"",C16/B16)'.slice(r.start, r.end)),
    ).toEqual(['B16', 'C16', 'B16']);
    expect(referencesOf("='RAA 2022'!$C$16").map((r) => [r.start, r.end])).toEqual([[1, 17]]);
  });
});

describe('relativePattern', () => {
  it('is the same for every cell of a column filled down', () => {
    const patterns = [16, 17, 18, 21].map((row) =>
      relativePattern(`=IF(B${row}=0,"",C${row}/B${row})`, row - 1, 3),
    );
    expect(new Set(patterns).size).toBe(1);
    expect(patterns[0]).toBe('=IF(R[0]C[-2]=0,"",R[0]C[-1]/R[0]C[-2])');
  });

  it('ignores $ and case and spaces', () => {
    expect(relativePattern('=$C$16 / $B$16', 15, 3)).toBe(relativePattern('=c16/b16', 15, 3));
  });

  it('differs for a formula pointing at the row below or written differently', () => {
    const base = relativePattern('=C16/B16', 15, 3);
    expect(relativePattern('=C17/B17', 15, 3)).not.toBe(base);
    expect(relativePattern('=IF(B16=0,"",C16/B16)', 15, 3)).not.toBe(base);
  });

  it('keeps the sheet of a reference', () => {
    expect(relativePattern('=Foglio2!C16/B16', 15, 3)).toBe('=FOGLIO2!R[0]C[-1]/R[0]C[-2]');
  });
});

describe('constantsOf', () => {
  it.each([
    ['=C16/B16*100', ['100']],
    ['=IF(B16=0,"",C16/B16)', []],
    ['=IF(B16=0,"100",C16/B16)', []],
    ['=C16/B16/0.5', ['0.5']],
    ['=C16/1E+3', ['1E+3']],
    ['=ROUND(C16/B16,4)', ['4']],
    ['=LOG10(C16)', []],
    ["='Foglio 2'!C16/B16", []],
    ['=C16/236700000', ['236700000']],
  ] as [string, string[]][])('%s', (formula, expected) => {
    expect(constantsOf(formula)).toEqual(expected);
  });
});

describe('resolveStructuredReferences', () => {
  const table = {
    name: 'Avanzamento',
    columns: new Map([
      ['dotazione finanziaria', 1],
      ['programmato', 2],
      ['impegni', 4],
      ['c=b/a', 3],
    ]),
  };
  it.each([
    ['=[@Programmato]/[@[Dotazione finanziaria]]', '=C16/B16'],
    [
      '=IF([@[Dotazione finanziaria]]=0,"",[@Programmato]/[@[Dotazione finanziaria]])',
      '=IF(B16=0,"",C16/B16)',
    ],
    ['=Avanzamento[@Programmato]/Avanzamento[@[Dotazione finanziaria]]', '=C16/B16'],
    ['=Avanzamento[[#This Row],[Impegni]]/Avanzamento[[#This Row],[Programmato]]', '=E16/C16'],
    ['=[@PROGRAMMATO]/[@[Dotazione  finanziaria]]', '=C16/B16'],
    ['=[@[C=B/A]]', '=D16'],
    ['=Altra[@Programmato]/[@Programmato]', '=Altra[@Programmato]/C16'],
    ['=SUM(Avanzamento[Programmato])', '=SUM(Avanzamento[Programmato])'],
    ['=[@Sconosciuta]', '=[@Sconosciuta]'],
    ['=IF([@Programmato]>0,"[@Programmato]","")', '=IF(C16>0,"[@Programmato]","")'],
    ['=C16/B16', '=C16/B16'],
  ])('%s', (formula, expected) => {
    expect(resolveStructuredReferences(formula, 15, table)).toBe(expected);
  });
});
