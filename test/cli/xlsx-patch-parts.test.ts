/** The patcher's pieces on the XML real files hold: old styles merged, prefixes, rows without numbers, shared formulas, size. */
import { SheetPatch } from '../../src/cli/xlsx-patch/sheet';
import { StylesPatch } from '../../src/cli/xlsx-patch/styles';

const STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0.00 [$€-410]"/></numFmts>' +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><i/><sz val="9"/><color rgb="FF0000FF"/><name val="Arial"/></font></fonts>' +
  '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFFFFF00"/></patternFill></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="164" fontId="1" fillId="2" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1"><alignment horizontal="right"/><protection locked="0"/></xf></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

const xfs = (xml: string): string[] =>
  [...xml.matchAll(/<xf [^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)].map((m) => m[0]);

describe('StylesPatch', () => {
  it('keeps what a written cell’s old format had, changing only what the plan sets, and appends', () => {
    const styles = new StylesPatch(STYLES);
    const index = styles.cellFormat(1, { bold: true, wrap: true, numberFormat: '0.00%' });
    expect(index).toBe(2);
    const xml = styles.toXml();
    expect(xfs(xml).slice(0, 2)).toEqual(xfs(STYLES));
    expect(xfs(xml)[2]).toBe(
      '<xf numFmtId="10" fontId="2" fillId="2" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1" applyAlignment="1"><alignment horizontal="right" wrapText="1"/><protection locked="0"/></xf>',
    );
    // The italic blue Arial, now bold too.
    expect(xml).toContain('<fonts count="3">');
    expect(xml).toContain(
      '<font><b/><i/><sz val="9"/><color rgb="FF0000FF"/><name val="Arial"/></font></fonts>',
    );
    expect(xml).toContain('<cellXfs count="3">');
  });

  it('finds number formats the workbook declares or Excel knows, and declares the others from 164 up', () => {
    const styles = new StylesPatch(STYLES);
    styles.cellFormat(0, { numberFormat: '#,##0.00 [$€-410]' });
    styles.cellFormat(0, { numberFormat: '0.00%' });
    styles.cellFormat(0, { numberFormat: '#.##0,00 €' });
    const xml = styles.toXml();
    expect(
      xfs(xml)
        .slice(2)
        .map((xf) => /numFmtId="(\d+)"/.exec(xf)?.[1]),
    ).toEqual(['164', '10', '165']);
    expect(xml).toContain(
      '<numFmts count="2"><numFmt numFmtId="164" formatCode="#,##0.00 [$€-410]"/><numFmt numFmtId="165" formatCode="#.##0,00 €"/></numFmts>',
    );
  });

  it('reuses an equal entry instead of appending it again, and changes nothing when nothing is new', () => {
    const styles = new StylesPatch(STYLES);
    expect(styles.cellFormat(0, { numberFormat: '#,##0.00 [$€-410]', bold: false })).toBe(
      styles.cellFormat(0, { numberFormat: '#,##0.00 [$€-410]', bold: false }),
    );
    const unchanged = new StylesPatch(STYLES);
    expect(unchanged.cellFormat(0, { bold: false })).toBe(0);
    expect(unchanged.changed).toBe(false);
    expect(unchanged.toXml()).toBe(STYLES);
  });

  it('adds the dxfs collection in its place when the workbook has none', () => {
    const styles = new StylesPatch(STYLES);
    expect(styles.differentialFormat('#FFC7CE', '#9C0006')).toBe(0);
    expect(styles.toXml()).toMatch(
      /<\/cellStyles><dxfs count="1"><dxf><font><color rgb="FF9C0006"\/><\/font>/,
    );
  });
});

describe('SheetPatch', () => {
  const styles = () => new StylesPatch(STYLES);

  it('writes into a sheet whose elements carry a namespace prefix, with the same prefix', () => {
    const xml =
      '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="2"><x:c r="B2"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>';
    const sheet = new SheetPatch(xml);
    sheet.write('C2', { formula: '=B2*2', value: 2 }, {}, styles());
    sheet.write('A1', { value: '=testo' }, {}, styles());
    expect(sheet.toXml()).toBe(
      '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>' +
        '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>=testo</x:t></x:is></x:c></x:row>' +
        '<x:row r="2"><x:c r="B2"><x:v>1</x:v></x:c><x:c r="C2"><x:f>B2*2</x:f><x:v>2</x:v></x:c></x:row></x:sheetData></x:worksheet>',
    );
  });

  it('numbers rows and cells that relied on their position before inserting among them', () => {
    const xml =
      '<worksheet><sheetData><row><c><v>1</v></c><c><v>2</v></c></row><row><c><v>3</v></c></row></sheetData></worksheet>';
    const sheet = new SheetPatch(xml);
    sheet.write('A3', { value: 4 }, {}, styles());
    expect(sheet.toXml()).toBe(
      '<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row><row r="2"><c r="A2"><v>3</v></c></row><row r="3"><c r="A3"><v>4</v></c></row></sheetData></worksheet>',
    );
  });

  it('gives the other cells of a shared formula their own formula when its first cell is overwritten', () => {
    const xml =
      '<worksheet><dimension ref="A1:B3"/><sheetData>' +
      '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><f t="shared" ref="B1:B3" si="0">A1*2</f><v>2</v></c></row>' +
      '<row r="2"><c r="A2"><v>2</v></c><c r="B2"><f t="shared" si="0"/><v>4</v></c></row>' +
      '<row r="3"><c r="A3"><v>3</v></c><c r="B3"><f t="shared" si="0"/><v>6</v></c></row></sheetData></worksheet>';
    const sheet = new SheetPatch(xml);
    sheet.write('B1', { value: 'nuovo' }, {}, styles());
    const out = sheet.toXml();
    expect(out).toContain('<c r="B1" t="inlineStr"><is><t>nuovo</t></is></c>');
    expect(out).toContain('<c r="B2"><f>A2*2</f><v>4</v></c>');
    expect(out).toContain('<c r="B3"><f>A3*2</f><v>6</v></c>');
    expect(sheet.formulasChanged).toBe(true);
  });

  it('keeps a written cell’s style, and widens the dimension and the row’s spans', () => {
    const xml =
      '<worksheet><dimension ref="A1:B1"/><sheetData><row r="1" spans="1:2" ht="30" customHeight="1"><c r="A1" s="1"><v>5</v></c></row></sheetData></worksheet>';
    const sheet = new SheetPatch(xml);
    sheet.write('A1', { formula: '=1+1', value: 2 }, {}, styles());
    sheet.write('D1', { value: true }, {}, styles());
    expect(sheet.toXml()).toBe(
      '<worksheet><dimension ref="A1:D1"/><sheetData><row r="1" spans="1:4" ht="30" customHeight="1"><c r="A1" s="1"><f>1+1</f><v>2</v></c><c r="D1" t="b"><v>1</v></c></row></sheetData></worksheet>',
    );
  });

  it('writes 100 000 cells below a sheet in well under the time a user waits', () => {
    const sheet = new SheetPatch('<worksheet><sheetData/></worksheet>');
    const patchStyles = styles();
    const started = Date.now();
    for (let r = 1; r <= 50_000; r++) {
      sheet.write(`A${r}`, { value: `riga ${r}` }, {}, patchStyles);
      sheet.write(`B${r}`, { formula: `=A${r}`, value: r }, { numberFormat: '0.00%' }, patchStyles);
    }
    const xml = sheet.toXml();
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(xml).toContain(
      '<row r="50000"><c r="A50000" t="inlineStr"><is><t>riga 50000</t></is></c><c r="B50000" s="2"><f>A50000</f><v>50000</v></c></row>',
    );
  });
});
