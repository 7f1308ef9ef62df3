/**
 * Bounded work: the reader's cost follows the cells a file holds, never what it declares (a
 * dimension, columns or a validation over the whole sheet), and its limits — cells, the area
 * they span, uncompressed bytes in all and per part, time — stop it with a problem that says
 * which limit and its figure. Encrypted files and .xls are refused as such.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import JSZip from 'jszip';
import { main } from '../../src/cli/main';
import { MESSAGES } from '../../src/cli/messages';
import { readGrid } from '../../src/cli/xlsx-read';
import type { ReadOptions } from '../../src/cli/xlsx-read';
import { cellAt } from '../../src/engine/grid';
import { temporaryFolder } from './harness';

const folder = temporaryFolder('read-limits');
afterAll(folder.remove);

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`;

/** A one-sheet workbook around the given `<worksheet>` content and shared strings. */
async function workbook(
  sheet: string,
  sharedStrings = '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>',
): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', CONTENT_TYPES);
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  );
  zip.file(
    'xl/workbook.xml',
    '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Dati" sheetId="1" r:id="rId1"/></sheets></workbook>',
  );
  zip.file(
    'xl/_rels/workbook.xml.rels',
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
  );
  zip.file(
    'xl/worksheets/sheet1.xml',
    `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${sheet}</worksheet>`,
  );
  zip.file('xl/sharedStrings.xml', `<?xml version="1.0"?>${sharedStrings}`);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

function rows(count: number, from = 1): string {
  let xml = '';
  for (let r = from; r < from + count; r++) xml += `<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`;
  return xml;
}

function read(bytes: Buffer, options: ReadOptions = {}) {
  return readGrid(bytes, { path: 'prova.xlsx', ...options });
}

describe('what a sheet declares costs nothing', () => {
  it('reads a sheet declaring the whole grid (dimension, columns, a validation, a conditional format) by its cells', async () => {
    const bytes = await workbook(
      '<dimension ref="A1:XFD1048576"/><cols><col min="1" max="16384" width="9"/></cols><sheetData>' +
        '<row r="1"><c r="A1" t="inlineStr"><is><t>Asse</t></is></c></row>' +
        '<row r="1048576"><c r="XFD1048576"><v>7</v></c></row></sheetData>' +
        '<conditionalFormatting sqref="A1:XFD1048576"><cfRule type="expression" priority="1"><formula>A1&lt;0</formula></cfRule></conditionalFormatting>' +
        '<dataValidations count="1"><dataValidation type="whole" sqref="A1:XFD1048576"><formula1>0</formula1></dataValidation></dataValidations>',
    );
    const started = Date.now();
    const result = read(bytes);
    if (!result.ok) throw new Error(result.problem.reason);
    const [sheet] = result.grid.sheets;
    expect(cellAt(sheet, 0, 0).value).toBe('Asse');
    expect(cellAt(sheet, 1048575, 16383).value).toBe(7);
    // Two rows hold cells: the others are one shared empty row; no row is wider than its cells.
    expect(sheet.values.filter((row) => row.length > 0)).toHaveLength(2);
    expect(sheet.values[0]).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('and check on it answers within seconds', async () => {
    const path = join(folder.dir, 'whole-sheet.xlsx');
    const bytes = await workbook(
      '<dimension ref="A1:XFD1048576"/><sheetData><row r="1"><c r="A1"><v>1</v></c></row>' +
        '<row r="1048576"><c r="XFD1048576"><v>2</v></c></row></sheetData>',
    );
    writeFileSync(path, bytes);
    const started = Date.now();
    const code = await main(['check', path], { stdout: () => undefined, stderr: () => undefined });
    expect([0, 1]).toContain(code);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

describe('limits', () => {
  it('stops at the cells limit, before and while parsing', async () => {
    const bytes = await workbook(`<sheetData>${rows(300)}</sheetData>`);
    expect(read(bytes, { limits: { cells: 100 } })).toEqual({
      ok: false,
      problem: { reason: 'limit', limit: 'cells', max: 100, path: 'prova.xlsx' },
    });
    expect(read(bytes, { limits: { cells: 300 } }).ok).toBe(true);
  });

  it('stops at the area the cells span', async () => {
    const bytes = await workbook(
      `<sheetData>${Array.from({ length: 20 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>1</v></c><c r="Z${i + 1}"><v>2</v></c></row>`).join('')}</sheetData>`,
    );
    const result = read(bytes, { limits: { area: 100 } });
    expect(result).toMatchObject({ ok: false, problem: { reason: 'limit', limit: 'area', max: 100 } });
  });

  it('stops a part that inflates past its budget, whatever the zip declares (a zip bomb)', async () => {
    const padding = ' '.repeat(3 * 1024 * 1024);
    const bytes = await workbook(`<sheetData>${rows(3)}</sheetData>${padding}`);
    expect(read(bytes, { limits: { partBytes: 1024 * 1024 } })).toMatchObject({
      ok: false,
      problem: { reason: 'limit', limit: 'part-bytes', detail: 'xl/worksheets/sheet1.xml' },
    });
    // The same part declaring 1 000 bytes in the zip's directory and its local header.
    const lying = Buffer.from(bytes);
    const name = Buffer.from('xl/worksheets/sheet1.xml');
    for (let at = lying.indexOf(name); at >= 0; at = lying.indexOf(name, at + 1)) {
      if (lying.readUInt32LE(at - 46) === 0x02014b50) lying.writeUInt32LE(1000, at - 46 + 24);
      if (lying.readUInt32LE(at - 30) === 0x04034b50) lying.writeUInt32LE(1000, at - 30 + 22);
    }
    expect(read(lying, { limits: { partBytes: 1024 * 1024 } })).toMatchObject({
      ok: false,
      problem: { reason: 'limit', limit: 'part-bytes' },
    });
    expect(read(bytes, { limits: { bytes: 2 * 1024 * 1024 } })).toMatchObject({
      ok: false,
      problem: { reason: 'limit', limit: 'bytes' },
    });
  });

  it('stops at the deadline', async () => {
    const bytes = await workbook(`<sheetData>${rows(3)}</sheetData>`);
    expect(read(bytes, { limits: { seconds: -1 } })).toMatchObject({
      ok: false,
      problem: { reason: 'limit', limit: 'seconds' },
    });
  });

  it('says which limit, its figure and what to do, in one line in Italian and in English', () => {
    const problem = {
      reason: 'limit' as const,
      limit: 'cells' as const,
      max: 5_000_000,
      path: 'grande.xlsx',
    };
    expect(MESSAGES.it.fileProblem(problem)).toMatch(
      /^grande\.xlsx non viene letto: ha più di 5\.000\.000 celle non vuote, il limite della lettura; togli /,
    );
    expect(MESSAGES.en.fileProblem(problem)).toMatch(
      /^grande\.xlsx is not read: it has more than 5,000,000 non-empty cells/,
    );
    for (const limit of ['area', 'bytes', 'part-bytes', 'seconds'] as const)
      for (const lang of ['it', 'en'] as const) {
        const line = MESSAGES[lang].fileProblem({
          ...problem,
          limit,
          max: 1_000_000_000,
          detail: 'xl/worksheets/sheet1.xml',
        });
        expect(line).not.toMatch(/\n|undefined/);
        expect(line).toMatch(/1[.,]000[.,]000[.,]000|1 GB|1\.000 MB|1,000 MB|953/);
      }
  });
});

describe('entities, encryption, .xls', () => {
  it('never expands an entity: a DTD is dropped and the reference stays as text', async () => {
    const bytes = await workbook(
      '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData>',
      '<!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>x&b;y</t></si></sst>',
    );
    const result = read(bytes);
    if (!result.ok) throw new Error(result.problem.reason);
    expect(cellAt(result.grid.sheets[0], 0, 0).value).toBe('x&b;y');
  });

  it('refuses an .xls as an .xls, and an encrypted package as encrypted', () => {
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['Asse', 1]]), 'Dati');
    const xls = XLSX.write(book, { type: 'buffer', bookType: 'biff8' }) as Buffer;
    expect(read(xls)).toEqual({ ok: false, problem: { reason: 'xls', path: 'prova.xlsx' } });
    const encrypted = readFileSync(
      join(__dirname, '..', 'corpus', 'shared', 'excelize-0007-encryptAES.xlsx'),
    );
    expect(read(encrypted)).toEqual({ ok: false, problem: { reason: 'encrypted', path: 'prova.xlsx' } });
    expect(MESSAGES.it.fileProblem({ reason: 'xls', path: 'a.xls' })).toBe(
      'a.xls è un file Excel 97-2003 (.xls): aprilo in Excel o LibreOffice e salvalo come .xlsx',
    );
  });

  it('reads an .ods for check, and fill says to save it as .xlsx', async () => {
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['Asse', 1]]), 'Dati');
    const ods = XLSX.write(book, { type: 'buffer', bookType: 'ods' }) as Buffer;
    const result = read(ods);
    if (!result.ok) throw new Error(result.problem.reason);
    expect(result.format).toBe('ods');
    expect(cellAt(result.grid.sheets[0], 0, 1).value).toBe(1);
    const path = join(folder.dir, 'prova.ods');
    writeFileSync(path, ods);
    let stderr = '';
    const code = await main(['fill', path, '-o', join(folder.dir, 'out.xlsx')], {
      stdout: () => undefined,
      stderr: (text) => void (stderr += text),
    });
    expect(code).toBe(2);
    expect(stderr).toBe(
      `por-tables: ${path} è un foglio OpenDocument (.ods): check lo legge, ma fill e report scrivono solo file .xlsx: salvalo come .xlsx\n`,
    );
  });
});
