import { shiftFormula } from '../../src/cli/formula-shift';

describe('shiftFormula moves a formula as Excel fills it', () => {
  const cases: [string, number, number, string][] = [
    ['IF(C2=0,"",B2/C2)', 3, 0, 'IF(C5=0,"",B5/C5)'],
    ['B2/C2', 0, 2, 'D2/E2'],
    ['$B$2/C$2+$D3', 2, 1, '$B$2/D$2+$D5'],
    ['SUM(B2:B5)', 1, 0, 'SUM(B3:B6)'],
    ['SUM(A:A)+SUM($B:C)', 5, 1, 'SUM(B:B)+SUM($B:D)'],
    ['SUM(2:3)', 2, 4, 'SUM(4:5)'],
    // Text in string literals and quoted sheet names is never a reference.
    ['IF(A1="B2",\'Sheet A1\'!C3,"")', 1, 0, 'IF(A2="B2",\'Sheet A1\'!C4,"")'],
    ["'RAA 2022'!D16/'RAA 2022'!B16", 1, 0, "'RAA 2022'!D17/'RAA 2022'!B17"],
    ['Sheet1!A1*2', 1, 1, 'Sheet1!B2*2'],
    // Function names with digits, names, numbers and errors stay.
    ['LOG10(A1)+ATAN2(B1,1)+1.5E+3', 1, 0, 'LOG10(A2)+ATAN2(B2,1)+1.5E+3'],
    ['IFERROR(A1,#N/A)+TRUE', 1, 0, 'IFERROR(A2,#N/A)+TRUE'],
    ['_xlfn.IFS(A1>0,1)', 1, 0, '_xlfn.IFS(A2>0,1)'],
    ['SUM(Tabella1[Importo])+A1', 1, 0, 'SUM(Tabella1[Importo])+A2'],
    // Off the sheet: #REF!, as Excel shows it.
    ['A2-A1', -1, 0, 'A1-#REF!'],
  ];
  it.each(cases)('%s moved by (%i, %i) is %s', (formula, rows, columns, expected) => {
    expect(shiftFormula(formula, rows, columns)).toBe(expected);
  });
});
