/** `por-tables programmes`, `--programme`, and a preset recognised by its allocations (SPEC §3, §6). */
import { join } from 'node:path';
import { Workbook } from 'exceljs';
import { main } from '../../src/cli/main';
import type { CliOutput } from '../../src/cli/main';
import { findPreset } from '../../src/model';
import { temporaryFolder } from './harness';

const folder = temporaryFolder('programmes');
afterAll(folder.remove);

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const sink = { out: '', err: '' };
  const output: CliOutput = {
    stdout: (text) => void (sink.out += text),
    stderr: (text) => void (sink.err += text),
  };
  const code = await main(argv, output);
  return { code, ...sink };
}

const toscana = findPreset('por-fse-toscana-2014-2020')!;

/** Tabella 1 of the Toscana preset's initial plan, the only table of the workbook. */
async function toscanaWorkbook(): Promise<string> {
  const path = join(folder.dir, 'toscana.xlsx');
  const workbook = new Workbook();
  const ws = workbook.addWorksheet('Piano finanziario');
  ws.addRow(['TABELLA 1 - Piano finanziario']);
  ws.addRow(['OT', 'Asse', 'Denominazione', 'Dotazione finanziaria', '%']);
  const [version] = toscana.versions;
  for (const axis of version.axes) {
    ws.addRow([
      axis.ot,
      axis.id,
      axis.name,
      Number(axis.allocation),
      Number(axis.allocation) / Number(version.total),
    ]);
  }
  ws.addRow(['', 'TOTALE', '', Number(version.total), 1]);
  ws.getColumn(5).numFmt = '0.00%';
  await workbook.xlsx.writeFile(path);
  return path;
}

describe('por-tables programmes', () => {
  it('lists the 20 presets: id, CCI, axes, total in Italian, title', async () => {
    const { code, out } = await run(['programmes']);
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines[0]).toMatch(/^id\s+CCI\s+assi\s+dotazione totale\s+programma$/);
    const rows = lines.filter((line) => /^\S+-2014-2020 /.test(line));
    expect(rows).toHaveLength(20);
    expect(rows.find((line) => line.startsWith('por-fse-toscana-2014-2020 '))).toMatch(
      /2014IT05SFOP015\s+5\s+732\.963\.216,00 €\s+POR FSE 2014-2020 Regione Toscana$/,
    );
    expect(out).toContain('--programme');
  });

  it('speaks English with --lang en, amounts the English way', async () => {
    const { out } = await run(['programmes', '--lang', 'en']);
    expect(out.split('\n')[0]).toMatch(/^id\s+CCI\s+axes\s+total allocation\s+programme$/);
    expect(out).toContain('€732,963,216.00');
  });

  it('prints JSON with --json, the total as a decimal string', async () => {
    const { code, out } = await run(['programmes', '--json']);
    expect(code).toBe(0);
    const { programmes } = JSON.parse(out);
    expect(programmes).toHaveLength(20);
    expect(programmes).toContainEqual({
      id: 'por-fse-toscana-2014-2020',
      cci: '2014IT05SFOP015',
      title: 'POR FSE 2014-2020 Regione Toscana',
      axes: 5,
      total: '732963216.00',
    });
    expect(programmes[0].id).toBe('por-fse-lombardia-2014-2020');
  });
});

describe('--programme and recognition on check', () => {
  it('refuses an unknown programme with exit 2 and one line naming the nearest ids', async () => {
    const { code, out, err } = await run([
      'check',
      'nowhere.xlsx',
      '--programme',
      'por-fse-toscna-2014-2020',
    ]);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(
      /^por-tables: programma sconosciuto: por-fse-toscna-2014-2020 \(i più vicini: por-fse-toscana-2014-2020, /,
    );
    expect(err.trim().split('\n')).toHaveLength(1);
  });

  it('recognises the Toscana plan by its allocations and says so on the first line', async () => {
    const path = await toscanaWorkbook();
    const { out } = await run(['check', path]);
    expect(out.split('\n')[0]).toBe(
      'Programma riconosciuto dalle dotazioni: POR FSE 2014-2020 Regione Toscana (2014IT05SFOP015), ' +
        'versione initial (Piano finanziario iniziale (dati aperti Commissione, PO versione 1.2)).',
    );
    const json = JSON.parse((await run(['check', path, '--json'])).out);
    expect(json.model).toMatchObject({ id: 'por-fse-toscana-2014-2020', version: 'initial' });
    expect(json.findings.map((f: { rule: string }) => f.rule)).not.toContain('ALLOCATION_MISMATCH');
  });

  it('checks against the programme asked for, by CCI, over the one the allocations match', async () => {
    const path = await toscanaWorkbook();
    const { code, out } = await run(['check', path, '--programme', '2014IT05SFOP002', '--json']);
    expect(code).toBe(1);
    const json = JSON.parse(out);
    expect(json.model.id).toBe('pon-spao-2014-2020');
    expect(json.findings.map((f: { rule: string }) => f.rule)).toContain('AXIS_UNKNOWN');
  });
});
