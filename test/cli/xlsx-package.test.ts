import { randomBytes } from 'node:crypto';
import JSZip from 'jszip';
import { inspectPackage } from '../../src/cli/xlsx-package';

async function zipOf(files: Record<string, string>): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(files)) zip.file(name, content);
  return zip.generateAsync({ type: 'nodebuffer' });
}

describe('inspectPackage', () => {
  it('knows an .xlsx by its workbook part, whatever else it holds', async () => {
    const info = inspectPackage(
      await zipOf({
        '[Content_Types].xml': '',
        'xl/workbook.xml': '',
        'xl/charts/chart1.xml': '',
        'xl/vbaProject.bin': '',
        'xl/pivotTables/pivotTable1.xml': '',
      }),
    );
    expect(info.kind).toBe('xlsx');
    expect(info.parts).toContain('xl/vbaProject.bin');
  });

  it('tells apart the files people rename to .xlsx', async () => {
    expect(inspectPackage(Buffer.from('ot,asse\n8,I\n')).kind).toBe('not-zip');
    expect(inspectPackage(Buffer.alloc(0)).kind).toBe('not-zip');
    expect(inspectPackage(randomBytes(4096)).kind).toBe('not-zip');
    expect(inspectPackage(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])).kind).toBe(
      'ole2',
    );
    expect(
      inspectPackage(
        await zipOf({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': '' }),
      ).kind,
    ).toBe('ods');
    expect(inspectPackage(await zipOf({ 'readme.txt': 'hi' })).kind).toBe('zip-not-xlsx');
    const zip = await zipOf({ 'xl/workbook.xml': '<workbook/>' });
    expect(inspectPackage(zip.subarray(0, zip.length - 30)).kind).toBe('damaged-zip');
  });
});
