import {
  constantInput,
  halveBlock,
  needsTextPrefix,
  placeWrites,
  rectangularBlocks,
} from '../../src/excel/cell-blocks';

describe('rectangularBlocks', () => {
  it('makes one rectangle of a full block, whatever the order of the cells', () => {
    const cells = [
      { row: 1, col: 1, entry: 'B2' },
      { row: 0, col: 0, entry: 'A1' },
      { row: 1, col: 0, entry: 'A2' },
      { row: 0, col: 1, entry: 'B1' },
    ];
    expect(rectangularBlocks(cells)).toEqual([
      {
        top: 0,
        left: 0,
        entries: [
          ['A1', 'B1'],
          ['A2', 'B2'],
        ],
      },
    ]);
  });

  it('keeps columns with different row spans apart, and breaks a column at a gap', () => {
    const cells = [
      { row: 15, col: 3, entry: 'D16' },
      { row: 16, col: 3, entry: 'D17' },
      { row: 15, col: 5, entry: 'F16' },
      { row: 16, col: 5, entry: 'F17' },
      { row: 20, col: 5, entry: 'F21' },
    ];
    expect(rectangularBlocks(cells)).toEqual([
      { top: 15, left: 3, entries: [['D16'], ['D17']] },
      { top: 15, left: 5, entries: [['F16'], ['F17']] },
      { top: 20, left: 5, entries: [['F21']] },
    ]);
  });

  it('keeps the last entry of a cell given twice', () => {
    expect(
      rectangularBlocks([
        { row: 0, col: 0, entry: 1 },
        { row: 0, col: 0, entry: 2 },
      ]),
    ).toEqual([{ top: 0, left: 0, entries: [[2]] }]);
  });

  it('turns 10 000 rows of two neighbouring columns into one block', () => {
    const cells = Array.from({ length: 20_000 }, (_, i) => ({
      row: 26 + Math.floor(i / 2),
      col: 8 + (i % 2),
      entry: i,
    }));
    const blocks = rectangularBlocks(cells);
    expect(blocks).toHaveLength(1);
    expect([blocks[0].entries.length, blocks[0].entries[0].length]).toEqual([10_000, 2]);
  });
});

describe('halveBlock', () => {
  it('cuts by rows, then a single row by columns, and not a single cell', () => {
    const block = {
      top: 4,
      left: 2,
      entries: [
        [1, 2],
        [3, 4],
        [5, 6],
      ],
    };
    expect(halveBlock(block)).toEqual([
      {
        top: 4,
        left: 2,
        entries: [
          [1, 2],
          [3, 4],
        ],
      },
      { top: 6, left: 2, entries: [[5, 6]] },
    ]);
    expect(halveBlock({ top: 0, left: 0, entries: [[1, 2, 3]] })).toEqual([
      { top: 0, left: 0, entries: [[1, 2]] },
      { top: 0, left: 2, entries: [[3]] },
    ]);
    expect(halveBlock({ top: 0, left: 0, entries: [[1]] })).toBeNull();
  });
});

describe('constantInput', () => {
  it.each([
    ['=B7/A7', "'=B7/A7"],
    ['+39 02', "'+39 02"],
    ['-', "'-"],
    ['@home', "'@home"],
    ["'quoted", "''quoted"],
    ['#N/A', "'#N/A"],
    ['24,39%', "'24,39%"],
    ['2022', "'2022"],
    ['VERO', "'VERO"],
    ['true', "'true"],
    ['Asse I', 'Asse I'],
    ['', ''],
  ])('writes the text %j as %j', (text, input) => {
    expect(constantInput(text)).toBe(input);
    expect(needsTextPrefix(text)).toBe(input !== text);
  });

  it('writes numbers and booleans as they are, and null as an empty cell', () => {
    expect(constantInput(0.2439)).toBe(0.2439);
    expect(constantInput(false)).toBe(false);
    expect(constantInput(null)).toBe('');
  });
});

describe('placeWrites', () => {
  it('sorts writes into contents, formats and bold, and counts the cells', () => {
    const placed = placeWrites([
      { cell: 'D16', formula: '=IF(B16=0,"",C16/B16)', numberFormat: '0.00%' },
      { cell: 'B16', value: 236700000, numberFormat: '#,##0.00 [$€-410]' },
      { cell: 'A1', bold: true },
      { cell: 'A2', value: '=text' },
    ]);
    expect(placed.content).toEqual([
      { row: 15, col: 3, entry: '=IF(B16=0,"",C16/B16)' },
      { row: 15, col: 1, entry: 236700000 },
      { row: 1, col: 0, entry: "'=text" },
    ]);
    expect(placed.numberFormats).toEqual([
      { row: 15, col: 3, entry: '0.00%' },
      { row: 15, col: 1, entry: '#,##0.00 [$€-410]' },
    ]);
    expect(placed.bold).toEqual([{ row: 0, col: 0, entry: true }]);
    expect(placed.cellCount).toBe(4);
  });
});
