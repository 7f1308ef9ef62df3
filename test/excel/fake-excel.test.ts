import {
  FakeExcel,
  FakeOfficeError,
  loadWorkbookIntoFake,
  parseBox,
  shiftFormula,
  typedEntry,
} from '../fakes/fake-excel';

/** The fake must behave like Office.js where the host relies on it, or the host's tests prove nothing. */

function workbook(): FakeExcel {
  return loadWorkbookIntoFake({
    sheets: [
      {
        name: 'RAA 2022',
        cells: {
          A1: 'Asse',
          B1: 'Dotazione',
          A2: 'I',
          B2: { value: 236700000, numberFormat: '#,##0.00 [$€-410]' },
          C2: { value: 290890851.86 },
          D2: { formula: '=IF(B2=0,"",C2/B2)', numberFormat: '0.00%' },
          E2: '=C2/0',
        },
      },
      { name: 'Vuoto', cells: {} },
    ],
  });
}

describe('fake Excel: Office.js proxy semantics', () => {
  it('throws PropertyNotLoaded, with Office.js text, when a property is read before load and sync', async () => {
    const fake = workbook();
    await fake.excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('RAA 2022').getRange('A1:B2');
      expect(() => range.values).toThrow(FakeOfficeError);
      expect(() => range.values).toThrow(
        /The property 'values' is not available\. Before reading the property's value, call the load method on the containing object and call "context\.sync\(\)" on the associated request context\./,
      );
      range.load('values');
      // Loaded but not yet synced: still unavailable.
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await context.sync();
      expect(range.values).toEqual([
        ['Asse', 'Dotazione'],
        ['I', 236700000],
      ]);
      // Only what was loaded is there.
      expect(() => range.formulas).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
  });

  it('queues writes until sync, and computes formulas with a real formula engine', async () => {
    const fake = workbook();
    await fake.excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('RAA 2022');
      sheet.getRange('B2').values = [[100]];
      sheet.getRange('C2').values = [[150]];
      expect(fake.document.cell(fake.document.sheet('RAA 2022'), 1, 1).value).toBe(236700000);
      const ratio = sheet.getRange('D2').load(['values', 'formulas', 'numberFormat', 'valueTypes']);
      await context.sync();
      expect(ratio.values).toEqual([[1.5]]);
      expect(ratio.formulas).toEqual([['=IF(B2=0,"",C2/B2)']]);
      expect(ratio.numberFormat).toEqual([['0.00%']]);
      expect(ratio.valueTypes).toEqual([['Double']]);
    });
  });

  it('reports error values as Excel does, with valueTypes Error', async () => {
    const fake = workbook();
    await fake.excel.run(async (context) => {
      const cell = context.workbook.worksheets
        .getItem('RAA 2022')
        .getRange('E2')
        .load(['values', 'valueTypes']);
      await context.sync();
      expect(cell.values).toEqual([['#DIV/0!']]);
      expect(cell.valueTypes).toEqual([['Error']]);
    });
  });

  it('counts every sync, including the one Excel.run makes for a queue left at its end', async () => {
    const fake = workbook();
    await fake.excel.run(async (context) => {
      context.workbook.worksheets.getItem('RAA 2022').getRange('A1').load('values');
      await context.sync();
      await context.sync();
    });
    expect(fake.syncCount).toBe(2);
    await fake.excel.run(async (context) => {
      context.workbook.worksheets.getItem('RAA 2022').getRange('A5').values = [['x']];
    });
    expect(fake.syncCount).toBe(3);
    fake.resetSyncCount();
    expect(fake.syncCount).toBe(0);
  });

  it('types strings as Excel does when they are written: apostrophe keeps text, = makes a formula, numbers convert', () => {
    expect(typedEntry("'=SUM(A1)")).toBe("'=SUM(A1)");
    expect(typedEntry('=A1*2')).toBe('=A1*2');
    expect(typedEntry('-abc')).toBe('=-abc');
    expect(typedEntry('123')).toBe(123);
    expect(typedEntry('1,234.5')).toBe(1234.5);
    expect(typedEntry('12%')).toBeCloseTo(0.12);
    expect(typedEntry('TRUE')).toBe(true);
    expect(typedEntry('Asse I')).toBe("'Asse I");
    expect(() => typedEntry('@abc')).toThrow(FakeOfficeError);
  });

  it('keeps apostrophe text as text and returns it without the apostrophe', async () => {
    const fake = workbook();
    await fake.excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Vuoto');
      sheet.getRange('A1:C1').values = [["'=B7/A7", '=1+1', '5']];
      const row = sheet.getRange('A1:C1').load(['values', 'formulas', 'valueTypes']);
      await context.sync();
      expect(row.values).toEqual([['=B7/A7', 2, 5]]);
      expect(row.formulas).toEqual([['=B7/A7', '=1+1', 5]]);
      expect(row.valueTypes).toEqual([['String', 'Double', 'Double']]);
    });
  });

  it('rejects an array of the wrong size, like Office.js', async () => {
    const fake = workbook();
    await expect(
      fake.excel.run(async (context) => {
        context.workbook.worksheets.getItem('Vuoto').getRange('A1:B1').values = [[1]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  it('fails the next sync on demand, applying nothing', async () => {
    const fake = workbook();
    fake.failNextSync({ code: 'GeneralException', message: 'boom' });
    await expect(
      fake.excel.run(async (context) => {
        context.workbook.worksheets.getItem('Vuoto').getRange('A1').values = [[1]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'GeneralException', message: 'boom' });
    expect(fake.document.cell(fake.document.sheet('Vuoto'), 0, 0).type).toBe('Empty');
  });

  it('refuses requests larger than a number of cells, as Excel past its 5 MB payload', async () => {
    const fake = workbook();
    fake.failRequestsLargerThan(10);
    await expect(
      fake.excel.run(async (context) => {
        context.workbook.worksheets.getItem('Vuoto').getRange('A1:A11').values = Array.from(
          { length: 11 },
          () => [1],
        );
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    await fake.excel.run(async (context) => {
      context.workbook.worksheets.getItem('Vuoto').getRange('A1:A10').values = Array.from(
        { length: 10 },
        () => [1],
      );
      await context.sync();
    });
    expect(fake.document.cell(fake.document.sheet('Vuoto'), 9, 0).value).toBe(1);
  });

  it('fails with ItemNotFound for a missing sheet, after applying what came before (no transaction)', async () => {
    const fake = workbook();
    await expect(
      fake.excel.run(async (context) => {
        context.workbook.worksheets.getItem('Vuoto').getRange('A1').values = [[7]];
        context.workbook.worksheets.getItem('Missing').getRange('A1').values = [[8]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemNotFound' });
    expect(fake.document.cell(fake.document.sheet('Vuoto'), 0, 0).value).toBe(7);
  });

  it('locates used ranges when the operation runs, so chained ranges see earlier writes of the batch', async () => {
    const fake = workbook();
    await fake.excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Vuoto');
      sheet.getRange('A1:B1').values = [['h1', 'h2']];
      const next = sheet
        .getUsedRange(true)
        .getLastRow()
        .getEntireRow()
        .getCell(0, 0)
        .getOffsetRange(1, 0)
        .getResizedRange(1, 1);
      next.values = [
        [1, 2],
        [3, 4],
      ];
      const used = sheet.getUsedRange(true).load('address');
      await context.sync();
      expect(used.address).toBe('Vuoto!A1:B3');
    });
  });

  it('loads collections with items and navigation properties', async () => {
    const fake = workbook();
    fake.document
      .sheet('RAA 2022')
      .tables.push({ name: 'Piano', box: { top: 0, left: 0, bottom: 1, right: 1 } });
    await fake.excel.run(async (context) => {
      const sheets = context.workbook.worksheets.load('items/name');
      const tables = context.workbook.tables.load('items/name, items/worksheet/name');
      expect(() => sheets.items).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await context.sync();
      expect(sheets.items.map((sheet) => sheet.name)).toEqual(['RAA 2022', 'Vuoto']);
      expect(tables.items.map((table) => [table.name, table.worksheet.name])).toEqual([
        ['Piano', 'RAA 2022'],
      ]);
    });
  });

  it('gives null objects for missing items with *OrNullObject', async () => {
    const fake = workbook();
    await fake.excel.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject('Nope').load('name');
      const emptyUsed = context.workbook.worksheets
        .getItem('Vuoto')
        .getUsedRangeOrNullObject(true)
        .load('address');
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(emptyUsed.isNullObject).toBe(true);
    });
  });

  it('selects only on the active sheet; activate then select works in one sync', async () => {
    const fake = workbook();
    await expect(
      fake.excel.run(async (context) => {
        context.workbook.worksheets.getItem('Vuoto').getRange('B2').select();
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidOperation' });
    await fake.excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Vuoto');
      sheet.activate();
      sheet.getRange('B2').select();
      await context.sync();
    });
    expect(fake.document.selection).toEqual({
      sheet: 'Vuoto',
      box: { top: 1, left: 1, bottom: 1, right: 1 },
    });
  });

  it('records conditional formats and evaluates their rule per cell', async () => {
    const fake = workbook();
    await fake.excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Vuoto');
      sheet.getRange('A1:A3').values = [[0.5], [0.9], ['x']];
      const format = sheet.getRange('A1:A3').conditionalFormats.add(fake.excel.ConditionalFormatType.custom);
      format.custom.rule.formula = '=AND(ISNUMBER(A1),A1<0.85)';
      format.custom.format.fill.color = '#FFC7CE';
      format.custom.format.font.color = '#9C0006';
      await context.sync();
    });
    const sheet = fake.document.sheet('Vuoto');
    expect(sheet.conditionalFormats).toEqual([
      {
        type: 'Custom',
        box: { top: 0, left: 0, bottom: 2, right: 0 },
        formula: '=AND(ISNUMBER(A1),A1<0.85)',
        fill: '#FFC7CE',
        fontColor: '#9C0006',
      },
    ]);
    expect(fake.document.conditionalFormatsAt(sheet, 0, 0)).toHaveLength(1);
    expect(fake.document.conditionalFormatsAt(sheet, 1, 0)).toHaveLength(0);
    expect(fake.document.conditionalFormatsAt(sheet, 2, 0)).toHaveLength(0);
  });

  it('lists the conditional formats overlapping a range, readable only after load and sync', async () => {
    const fake = workbook();
    const sheet = fake.document.sheet('Vuoto');
    const older = fake.document.addConditionalFormat(sheet, parseBox('A1:A3'));
    older.formula = '=A1<0.85';
    fake.document.addConditionalFormat(sheet, parseBox('B1:B3'), 'DataBar');
    const far = fake.document.addConditionalFormat(sheet, parseBox('D1:D3'));
    far.formula = '=D1>1';
    await fake.excel.run(async (context) => {
      const formats = context.workbook.worksheets.getItem('Vuoto').getRange('A2:C2').conditionalFormats;
      formats.load('items/type, items/customOrNullObject/rule/formula');
      expect(() => formats.items).toThrow(/The property 'items' is not available/);
      await context.sync();
      // Top priority first: the format added last comes first.
      expect(formats.items.map((format) => format.type)).toEqual(['DataBar', 'Custom']);
      const [bar, custom] = formats.items;
      expect(bar.customOrNullObject.isNullObject).toBe(true);
      expect(custom.customOrNullObject.isNullObject).toBe(false);
      expect(custom.customOrNullObject.rule.formula).toBe('=A1<0.85');
      expect(() => custom.priority).toThrow(/The property 'priority' is not available/);
      const range = custom.getRange().load('address');
      expect(() => range.address).toThrow(/not available/);
      await context.sync();
      expect(range.address).toBe('Vuoto!A1:A3');
    });
  });

  it('fails to load custom/… when a format of another type is listed, as Excel does', async () => {
    const fake = workbook();
    const sheet = fake.document.sheet('Vuoto');
    fake.document.addConditionalFormat(sheet, parseBox('A1:A3')).formula = '=A1<0.85';
    fake.document.addConditionalFormat(sheet, parseBox('A1:A3'), 'ColorScale');
    const failure = fake.excel.run(async (context) => {
      context.workbook.worksheets
        .getItem('Vuoto')
        .getRange()
        .conditionalFormats.load('items/type, items/custom/rule/formula');
      await context.sync();
    });
    await expect(failure).rejects.toMatchObject({
      code: 'InvalidOperation',
      message: 'This operation is not permitted for the current object.',
    });
  });

  it('deletes a listed conditional format at sync; a second delete, or an item past the end, is ItemNotFound', async () => {
    const fake = workbook();
    const sheet = fake.document.sheet('Vuoto');
    const keep = fake.document.addConditionalFormat(sheet, parseBox('A1:A3'));
    fake.document.addConditionalFormat(sheet, parseBox('A1:A3')).formula = '=A1>1';
    await fake.excel.run(async (context) => {
      const formats = context.workbook.worksheets.getItem('Vuoto').getRange('A1').conditionalFormats;
      formats.load('items/customOrNullObject/rule/formula');
      await context.sync();
      const target = formats.items.find((format) => format.customOrNullObject.rule.formula === '=A1>1');
      target?.delete();
      expect(sheet.conditionalFormats).toHaveLength(2);
      await context.sync();
      expect(sheet.conditionalFormats).toEqual([keep]);
      target?.delete();
      await expect(context.sync()).rejects.toMatchObject({ code: 'ItemNotFound' });
      formats.getItemAt(1).delete();
      await expect(context.sync()).rejects.toMatchObject({ code: 'ItemNotFound' });
    });
    expect(sheet.conditionalFormats).toEqual([keep]);
  });

  it('adds and deletes sheets; page layout, widths, bold and merges are kept', async () => {
    const fake = workbook();
    await fake.excel.run(async (context) => {
      const sheet = context.workbook.worksheets.add('Report POR');
      sheet.getRange('A1:B1').values = [['Titolo', '']];
      sheet.getRange('A1:B1').merge(false);
      sheet.getRange('A1').format.font.bold = true;
      sheet.getRange('B:C').format.columnWidth = 100;
      sheet.pageLayout.orientation = fake.excel.PageOrientation.landscape;
      sheet.pageLayout.paperSize = fake.excel.PaperType.a4;
      sheet.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      sheet.pageLayout.setPrintTitleRows('$1:$2');
      context.workbook.worksheets.getItem('Vuoto').delete();
      await context.sync();
    });
    const report = fake.document.sheet('Report POR');
    expect(fake.document.sheets.map((sheet) => sheet.name)).toEqual(['RAA 2022', 'Report POR']);
    expect(report.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 1 }]);
    expect(report.bold.get('0:0')).toBe(true);
    expect([report.columnWidths.get(1), report.columnWidths.get(2)]).toEqual([100, 100]);
    expect(report.pageLayout).toEqual({
      orientation: 'Landscape',
      paperSize: 'A4',
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printTitleRows: '$1:$2',
    });
    await expect(
      fake.excel.run(async (context) => {
        context.workbook.worksheets.add('report por');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
  });

  it('shifts relative references of a rule formula, leaving absolute ones and strings alone', () => {
    expect(shiftFormula('=AND(ISNUMBER(K5),K5<$B$1,"A1"<>"")', 2, 1)).toBe(
      '=AND(ISNUMBER(L7),L7<$B$1,"A1"<>"")',
    );
    expect(shiftFormula("='RAA 2022'!$D16/D$16", 1, 1)).toBe("='RAA 2022'!$D17/E$16");
  });

  it('answers Office.onReady and the requirement sets it claims', async () => {
    const fake = new FakeExcel({ excelApi: '1.8', displayLanguage: 'en-US', dark: true });
    await expect(fake.office.onReady()).resolves.toEqual({ host: 'Excel', platform: 'OfficeOnline' });
    expect(fake.office.context.requirements.isSetSupported('ExcelApi', '1.6')).toBe(true);
    expect(fake.office.context.requirements.isSetSupported('ExcelApi', '1.10')).toBe(false);
    expect(fake.office.context.officeTheme?.isDarkTheme).toBe(true);
    const outside = new FakeExcel({ host: null });
    await expect(outside.office.onReady()).resolves.toEqual({ host: null, platform: null });
  });
});
