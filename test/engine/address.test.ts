import { a1, columnIndex, columnLetter, parseA1, parseRange, sheetRef } from '../../src/engine/address';

describe('column letters', () => {
  it.each([
    [0, 'A'],
    [1, 'B'],
    [25, 'Z'],
    [26, 'AA'],
    [51, 'AZ'],
    [52, 'BA'],
    [701, 'ZZ'],
    [702, 'AAA'],
    [16383, 'XFD'],
  ] as [number, string][])('%d ↔ %s', (index, letters) => {
    expect(columnLetter(index)).toBe(letters);
    expect(columnIndex(letters)).toBe(index);
    expect(columnIndex(letters.toLowerCase())).toBe(index);
  });

  it('round-trips every column of a sheet', () => {
    for (let c = 0; c < 16384; c++) expect(columnIndex(columnLetter(c))).toBe(c);
  });

  it('refuses bad input', () => {
    expect(() => columnLetter(-1)).toThrow(RangeError);
    expect(() => columnLetter(1.5)).toThrow(RangeError);
    expect(() => columnIndex('A1')).toThrow(RangeError);
    expect(() => columnIndex('')).toThrow(RangeError);
  });
});

describe('a1 and parseA1', () => {
  it('writes 0-based row and column as A1', () => {
    expect(a1(6, 1)).toBe('B7');
    expect(a1(0, 0)).toBe('A1');
    expect(a1(1048575, 16383)).toBe('XFD1048576');
  });

  it.each([
    ['B7', { row: 6, col: 1 }],
    ['$B$7', { row: 6, col: 1 }],
    ['b7', { row: 6, col: 1 }],
    [' B7 ', { row: 6, col: 1 }],
    ['$AA10', { row: 9, col: 26 }],
    ['XFD1048576', { row: 1048575, col: 16383 }],
  ])('%j → %j', (address, ref) => {
    expect(parseA1(address)).toEqual(ref);
  });

  it.each(['', 'B', '7', 'B7:C9', 'Sheet!B7', 'A0', 'A00', 'ABCD1', 'B-7', 'R1C1'])(
    '%j is not a cell address',
    (address) => {
      expect(parseA1(address)).toBeNull();
    },
  );
});

describe('parseRange', () => {
  it.each([
    ['B7:D9', { top: 6, left: 1, bottom: 8, right: 3 }],
    ['D9:B7', { top: 6, left: 1, bottom: 8, right: 3 }],
    ['B7', { top: 6, left: 1, bottom: 6, right: 1 }],
    ["'My sheet'!B7:C9", { top: 6, left: 1, bottom: 8, right: 2 }],
    ["'It''s!'!$A$1:$J$7", { top: 0, left: 0, bottom: 6, right: 9 }],
    ['Foglio1!A14:J21', { top: 13, left: 0, bottom: 20, right: 9 }],
  ])('%j', (range, ref) => {
    expect(parseRange(range)).toEqual(ref);
  });

  it.each(['', 'B7:', ':C9', 'A:A', '1:1', 'B7:C9:D10'])('%j is not a range', (range) => {
    expect(parseRange(range)).toBeNull();
  });
});

describe('sheetRef', () => {
  it.each([
    ['Dati', 'Dati!B7'],
    ['Foglio1', 'Foglio1!B7'],
    ['RAA 2022', "'RAA 2022'!B7"],
    ["L'Aquila", "'L''Aquila'!B7"],
    ['2022', "'2022'!B7"],
    ['A1', "'A1'!B7"],
    ['XFD1', "'XFD1'!B7"],
    ['R1C1', "'R1C1'!B7"],
    ['R', "'R'!B7"],
    ['C', "'C'!B7"],
    ['Attività', "'Attività'!B7"],
    ['Tab-1', "'Tab-1'!B7"],
  ])('%j', (sheet, ref) => {
    expect(sheetRef(sheet, 'B7')).toBe(ref);
  });
});
