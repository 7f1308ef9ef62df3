/**
 * The command line on the RAA 2022 sample (assets/sample-raa-2022.xlsx), end to end: what `check`
 * finds, what `fill` writes — evaluated by a formula engine that is not ours — and what `report` adds.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ValueType } from 'exceljs';
import type { Workbook } from 'exceljs';
import { LOG_SHEET, MODEL_SHEET } from '../../src/engine';
import type { JsonResult } from '../../src/cli/json-output';
import {
  ROOT,
  SAMPLE,
  SAMPLE_SHEET,
  buildCli,
  evaluate,
  hundredthsOfPercent,
  printedHundredths,
  publishedRatios,
  readWorkbook,
  runCli,
  sheetOf,
  temporaryFolder,
} from './harness';

const folder = temporaryFolder('sample');
const filled = join(folder.dir, 'filled.xlsx');

beforeAll(() => {
  buildCli();
  const run = runCli(['fill', SAMPLE, '-o', filled, '--force']);
  if (run.code !== 0 && run.code !== 1) throw new Error(`fill --force failed (${run.code}): ${run.stderr}`);
}, 120_000);
afterAll(folder.remove);

describe('check --json on the sample', () => {
  let result: JsonResult;
  let code: number | null;
  beforeAll(() => {
    const run = runCli(['check', SAMPLE, '--json']);
    code = run.code;
    result = JSON.parse(run.stdout) as JsonResult;
  });

  it('prints exactly the keys of the contract', () => {
    expect(Object.keys(result).sort()).toEqual(['axes', 'findings', 'indicators', 'model']);
    for (const finding of result.findings)
      expect(Object.keys(finding).sort()).toEqual([
        'actual',
        'cell',
        'expected',
        'message',
        'rule',
        'severity',
        'sheet',
      ]);
    for (const indicator of result.indicators)
      expect(Object.keys(indicator).sort()).toEqual([
        'axis',
        'code',
        'name',
        'ratio',
        'status',
        'target',
        'value',
      ]);
    expect(result.model).toEqual({ id: 'por-fse-lombardia-2014-2020', version: '2022-12' });
  });

  it('gives each axis its performance-framework verdict: I–IV achieved, V (technical assistance) not assessed', () => {
    expect(result.axes.map((a) => [a.axis, a.verdict])).toEqual([
      ['I', 'achieved'],
      ['II', 'achieved'],
      ['III', 'achieved'],
      ['IV', 'achieved'],
      ['V', 'not_assessed'],
    ]);
    for (const axis of result.axes)
      expect(Object.keys(axis).sort()).toEqual(['axis', 'indicators', 'verdict']);
    // Asse III: output indicators only (CR03 is a result indicator); ISCED 1-2 at 52.104 / 56.645.
    expect(result.axes[2].indicators).toEqual([
      expect.objectContaining({
        code: 'CO09',
        value: '52104',
        target: '56645',
        ratio: '0.9198',
        level: 'reached',
      }),
      expect.objectContaining({ code: 'CO10', ratio: '2.3774', level: 'reached' }),
      expect.objectContaining({ code: 'LOM-III-PC', ratio: '1.1', level: 'reached' }),
    ]);
    expect(result.findings.filter((f) => f.rule === 'AXIS_PERFORMANCE')).toEqual([]);
  });

  it('exits 1, because the sample has error findings', () => {
    expect(result.findings.some((f) => f.severity === 'error')).toBe(true);
    expect(code).toBe(1);
  });

  it('names the misprinted axis of the third Tabella 2 row', () => {
    expect(result.findings).toContainEqual(
      expect.objectContaining({ rule: 'AXIS_DUPLICATE', sheet: SAMPLE_SHEET, cell: 'A18' }),
    );
  });

  it('warns of the one-cent difference of the commitments total', () => {
    expect(result.findings).toContainEqual(
      expect.objectContaining({
        rule: 'TOTAL_MISMATCH',
        severity: 'warning',
        sheet: SAMPLE_SHEET,
        cell: 'E21',
      }),
    );
  });

  it('finds exactly three indicators below target', () => {
    const below = result.findings
      .filter((f) => f.rule === 'INDICATOR_BELOW_TARGET')
      .map((f) => ({ cell: f.cell, severity: f.severity }))
      .sort((a, b) => a.cell.localeCompare(b.cell));
    expect(below).toEqual([
      { cell: 'G38', severity: 'warning' },
      { cell: 'G41', severity: 'warning' },
      { cell: 'G42', severity: 'error' },
    ]);
  });
});

describe('check in human form', () => {
  it('starts with the model line, groups by severity and ends with the counts', () => {
    const run = runCli(['check', SAMPLE]);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^Modello .*2022-12/);
    expect(lines).toContain(lines.find((l) => /^Errori \(\d+\)$/.test(l)));
    expect(lines).toContain(lines.find((l) => /^Avvisi \(\d+\)$/.test(l)));
    expect(run.stdout).toMatch(/^ {2}'RAA 2022'!A18 +AXIS_DUPLICATE +/m);
    expect(run.stdout).toMatch(/^Rilievi: \d+ errori, \d+ avvisi, \d+ informazion[ei]\.$/m);
    const english = runCli(['check', SAMPLE, '--lang', 'en']).stdout;
    expect(english).toMatch(/^Errors \(\d+\)$/m);
    expect(english).toMatch(/^Findings: \d+ errors, \d+ warnings, \d+ info\.$/m);
  });

  it('reads the 24 typed ratios as one line, after the one-cent difference, and shows no raw float', () => {
    const lines = runCli(['check', SAMPLE]).stdout.split('\n');
    const warnings = lines.slice(
      lines.indexOf('Avvisi (27)') + 1,
      lines.indexOf('', lines.indexOf('Avvisi (27)')),
    );
    expect(warnings.map((l) => l.trim().split(/ {2,}/))).toEqual([
      [
        "'RAA 2022'!E21",
        'TOTAL_MISMATCH',
        'Il totale 958.677.416,67 € differisce di 0,01 € dalla somma delle righe 958.677.416,66 € (differenza di arrotondamento).',
      ],
      [
        "'RAA 2022'!G38",
        'INDICATOR_BELOW_TARGET',
        'CO09: Titolari di un diploma ISCED 1 o ISCED 2: 52.104 contro un target di 56.645, cioè 91,98% del target (entro la tolleranza: almeno 85%).',
      ],
      [
        "'RAA 2022'!G41",
        'INDICATOR_BELOW_TARGET',
        expect.stringMatching(/^CR03, priorità 10i: .*: 84% contro un target di 85%, cioè 98,82% del target/),
      ],
      ["'RAA 2022'!D16:J21", 'RATIO_HARDCODED', '24 rapporti digitati: Compila li sostituisce con formule'],
    ]);
    const english = runCli(['check', SAMPLE, '--lang', 'en']).stdout;
    expect(english).toContain(
      'The total €958,677,416.67 is €0.01 off the sum of its rows €958,677,416.66 (a rounding difference).',
    );
    expect(english).toMatch(
      /'RAA 2022'!D16:J21 +RATIO_HARDCODED +24 typed ratios: Fill replaces them with formulas$/m,
    );
    for (const text of [lines.join('\n'), english]) expect(text).not.toMatch(/\d[.,]\d{5,}/);
  });

  it('--json still lists one finding per cell, with the raw decimals for machines', () => {
    const result = JSON.parse(runCli(['check', SAMPLE, '--json']).stdout) as JsonResult;
    const typed = result.findings.filter((f) => f.rule === 'RATIO_HARDCODED');
    expect(typed).toHaveLength(24);
    expect(typed[0]).toMatchObject({ cell: 'D16', expected: 'formula', actual: '1.2289' });
    expect(typed[0].message).toContain('(122,89%)');
    expect(result.findings.find((f) => f.rule === 'TOTAL_MISMATCH')).toMatchObject({
      expected: '958677416.66',
      actual: '958677416.67',
    });
  });
});

describe('fill', () => {
  it('writes formulas that compute every published ratio of Tabella 2 (HyperFormula)', async () => {
    const value = evaluate(await readWorkbook(filled));
    const computed = publishedRatios().map(({ cell }) => ({
      cell,
      hundredths: hundredthsOfPercent(Number(value(SAMPLE_SHEET, cell))),
    }));
    const published = publishedRatios().map(({ cell, percent }) => ({
      cell,
      hundredths: printedHundredths(percent),
    }));
    expect(computed).toEqual(published);
  });

  it('writes live formulas, not numbers, in the ratio columns', async () => {
    const sheet = sheetOf(await readWorkbook(filled), SAMPLE_SHEET);
    for (const { cell } of publishedRatios()) expect(sheet.getCell(cell).formula).toMatch(/\/|IF\(/);
  });

  it('changes nothing the second time', async () => {
    const again = join(folder.dir, 'filled-twice.xlsx');
    const run = runCli(['fill', filled, '-o', again, '--force']);
    expect([0, 1]).toContain(run.code);
    expect(snapshot(await readWorkbook(again))).toEqual(snapshot(await readWorkbook(filled)));
  });

  it('says there is nothing to fill on a workbook without tables, and nothing to change on its own output', async () => {
    const { Workbook: ExcelWorkbook } = await import('exceljs');
    const plain = new ExcelWorkbook();
    plain.addWorksheet('Spese').addRow(['Voce', 'Importo']);
    const input = join(folder.dir, 'no-tables.xlsx');
    await plain.xlsx.writeFile(input);
    const run = runCli(['fill', input, '-o', join(folder.dir, 'no-tables-out.xlsx')]);
    expect(run.stdout).toMatch(
      /^Niente da compilare: nella cartella non ci sono né la Tabella 2 .* né una tabella degli indicatori\./m,
    );
    expect(run.stdout).not.toContain('Celle scritte');
    const again = runCli(['fill', filled, '-o', join(folder.dir, 'filled-again.xlsx')]);
    expect(again.stdout).toMatch(
      /^Niente da cambiare: le colonne calcolate hanno già le formule di POR Tables\./m,
    );
  });

  it('without --force leaves typed ratios alone and says how to overwrite them', () => {
    const output = join(folder.dir, 'filled-gently.xlsx');
    const run = runCli(['fill', SAMPLE, '-o', output]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^ {2}'RAA 2022'!D16 +valore digitato +122,89% → =/m);
    expect(run.stdout).toMatch(/^ {2}'RAA 2022'!J16 +valore digitato +72,40% → =/m);
    expect(run.stdout).not.toMatch(/\d\.\d{5,}/);
    expect(run.stdout).toContain('--force');
  });
});

describe('report', () => {
  it('adds the report and the findings sheets, linked by formula to the source cells', async () => {
    const output = join(folder.dir, 'report.xlsx');
    const run = runCli(['report', SAMPLE, '-o', output]);
    expect([0, 1]).toContain(run.code);
    expect(run.stdout).toContain(output);
    const workbook = await readWorkbook(output);
    const names = workbook.worksheets.map((w) => w.name);
    expect(names).toEqual(expect.arrayContaining([SAMPLE_SHEET, 'Report POR', 'Rilievi POR']));
    const formulas: string[] = [];
    sheetOf(workbook, 'Report POR').eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === ValueType.Formula) formulas.push(cell.formula);
      }),
    );
    expect(formulas.some((f) => f.includes(`'${SAMPLE_SHEET}'!`))).toBe(true);
  });
});

/** Every cell of every sheet but the log: value or formula, and number format. */
function snapshot(workbook: Workbook): Record<string, unknown> {
  const cells: Record<string, unknown> = {};
  for (const ws of workbook.worksheets) {
    if (ws.name === LOG_SHEET) continue;
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        cells[`${ws.name}!${cell.address}`] = [
          cell.type === ValueType.Formula ? `=${cell.formula}` : cell.value,
          cell.numFmt ?? 'General',
        ];
      }),
    );
  }
  return cells;
}

describe('exit codes and streams', () => {
  it('exits 0 when only warnings and notes remain (the sample with Asse III labelled and CR03 10.iv on target)', async () => {
    const workbook = await readWorkbook(SAMPLE);
    const sheet = sheetOf(workbook, SAMPLE_SHEET);
    sheet.getCell('A18').value = 'III';
    sheet.getCell('G42').value = 0.8;
    const corrected = join(folder.dir, 'corrected.xlsx');
    await workbook.xlsx.writeFile(corrected);
    const run = runCli(['check', corrected, '--json']);
    const result = JSON.parse(run.stdout) as JsonResult;
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(run.code).toBe(0);
  });

  it('fill --json keeps stdout to the JSON and says what it wrote on stderr', () => {
    const output = join(folder.dir, 'filled-json.xlsx');
    const run = runCli(['fill', SAMPLE, '-o', output, '--json', '--lang', 'en']);
    expect(run.code).toBe(1);
    expect(Object.keys(JSON.parse(run.stdout) as JsonResult).sort()).toEqual([
      'axes',
      'findings',
      'indicators',
      'model',
    ]);
    expect(run.stderr).toMatch(/^por-tables: Cells written: \d+, in .*filled-json\.xlsx\.$/m);
    expect(run.stderr).toMatch(
      /^por-tables: To replace them with the formulas, run the command again with --force\.$/m,
    );
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });
});

describe('a model stored in the workbook', () => {
  async function withStoredModel(name: string, jsonLines: string[]): Promise<string> {
    const workbook = await readWorkbook(SAMPLE);
    const sheet = workbook.addWorksheet(MODEL_SHEET);
    jsonLines.forEach((line, i) => {
      sheet.getCell(i + 1, 1).value = line;
    });
    const path = join(folder.dir, name);
    await workbook.xlsx.writeFile(path);
    return path;
  }

  it('is used when no --model is given, and --model still wins over it', async () => {
    const model = JSON.parse(
      readFileSync(join(ROOT, 'src', 'model', 'programmes', 'por-fse-lombardia-2014-2020.json'), 'utf8'),
    );
    const path = await withStoredModel(
      'stored-model.xlsx',
      JSON.stringify({ ...model, title: 'Modello salvato nella cartella' }, null, 1).split('\n'),
    );
    expect(runCli(['check', path]).stdout.split('\n')[0]).toContain('Modello salvato nella cartella');
    const modelFile = join(folder.dir, 'model.json');
    writeFileSync(modelFile, JSON.stringify({ ...model, title: 'Modello da file' }));
    expect(runCli(['check', path, '--model', modelFile]).stdout.split('\n')[0]).toContain('Modello da file');
  });

  it('refuses to run on an invalid stored model, saying where it is', async () => {
    const path = await withStoredModel('stored-bad-model.xlsx', ['{ "id": "x" }']);
    const run = runCli(['check', path]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^por-tables: il modello salvato nel foglio "Modello POR Tables" non è valido: .+\n$/,
    );
  });
});
