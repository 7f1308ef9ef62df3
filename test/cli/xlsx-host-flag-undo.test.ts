/**
 * Segnala and its undo through the ExcelJS host, on the RAA 2022 sample (assets/sample-raa-2022.xlsx):
 * analyse → planFlag → writePlan → read again → planUndo → writePlan.
 */
import { join } from 'node:path';
import type { Worksheet } from 'exceljs';
import { LOG_SHEET, analyse, planFlag, planUndo } from '../../src/engine';
import type { WritePlan } from '../../src/engine';
import { readGrid, writePlan } from '../../src/cli/xlsx-host';
import { SAMPLE, SAMPLE_SHEET, readWorkbook, sheetOf, temporaryFolder } from './harness';

const folder = temporaryFolder('flag-undo');
afterAll(folder.remove);

const FLAG_TIME = '2024-05-02T10:00:00.000Z';
const UNDO_TIME = '2024-05-02T11:00:00.000Z';

interface Rule {
  type: string;
  priority?: number;
  formulae?: string[];
  style?: unknown;
}
interface Formatting {
  ref: string;
  rules: Rule[];
}

function formattings(ws: Worksheet): Formatting[] {
  return (ws as unknown as { conditionalFormattings: Formatting[] }).conditionalFormattings;
}

async function formatsIn(path: string): Promise<Formatting[]> {
  return formattings(sheetOf(await readWorkbook(path), SAMPLE_SHEET));
}

/** The rules of a file as `ref formula`, for comparing what is left. */
function rulesOf(list: Formatting[]): string[] {
  return list
    .flatMap((cf) => cf.rules.map((rule) => `${cf.ref} ${rule.type} ${rule.formulae?.[0] ?? ''}`))
    .sort();
}

const expression = (formula: string, priority: number): Rule => ({
  type: 'expression',
  priority,
  formulae: [formula],
  style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FF00FF00' } } },
});

/** The sample with formats of the user's own: another range, and another rule on a range the flag uses. */
async function sampleWithUserFormats(): Promise<{ path: string; mine: string[] }> {
  const workbook = await readWorkbook(SAMPLE);
  const ws = sheetOf(workbook, SAMPLE_SHEET);
  ws.addConditionalFormatting({ ref: 'K27:K44', rules: [expression('K27>1', 1)] } as never);
  ws.addConditionalFormatting({ ref: 'G27:G44', rules: [expression('G27>1000000', 2)] } as never);
  const path = join(folder.dir, 'sample-with-user-formats.xlsx');
  await workbook.xlsx.writeFile(path);
  return { path, mine: rulesOf(formattings(ws)) };
}

async function flag(input: string, output: string, now = FLAG_TIME): Promise<WritePlan> {
  const plan = planFlag(analyse(await readGrid(input), { lang: 'it' }), { now });
  await writePlan(input, plan, output);
  return plan;
}

async function undo(input: string, output: string): Promise<WritePlan> {
  const plan = planUndo(await readGrid(input), { now: UNDO_TIME, lang: 'it' });
  if (!plan) throw new Error('nothing to undo');
  await writePlan(input, plan, output);
  return plan;
}

describe('undo of Segnala through the ExcelJS host', () => {
  it('removes exactly the flag’s conditional formats; the user’s formats stay', async () => {
    const { path, mine } = await sampleWithUserFormats();
    const flagged = join(folder.dir, 'flagged.xlsx');
    const plan = await flag(path, flagged);
    expect(plan.conditionalFormats).toHaveLength(6);
    expect(rulesOf(await formatsIn(flagged))).toHaveLength(mine.length + 6);

    const undone = join(folder.dir, 'undone.xlsx');
    const undoPlan = planUndo(await readGrid(flagged), { now: UNDO_TIME, lang: 'it' }) as WritePlan;
    expect(undoPlan.removeConditionalFormats).toHaveLength(6);
    const summary = await writePlan(flagged, undoPlan, undone);
    expect(summary.conditionalFormatsRemoved).toBe(6);
    expect(rulesOf(await formatsIn(undone))).toEqual(mine);
    // The undo is logged: nothing more to undo.
    expect(planUndo(await readGrid(undone), { now: UNDO_TIME })).toBeNull();
  });

  it('removes a rule Excel saved grouped with another on its range, written with $, spaces and another case', async () => {
    const flagged = join(folder.dir, 'grouped-flagged.xlsx');
    const plan = await flag(SAMPLE, flagged);
    const [shortfall, below] = plan.conditionalFormats;
    // As Excel saves it: one <conditionalFormatting> per range holding all its rules.
    const workbook = await readWorkbook(flagged);
    const ws = sheetOf(workbook, SAMPLE_SHEET);
    const onRange = formattings(ws).filter((cf) => cf.ref === shortfall.range);
    expect(onRange).toHaveLength(2);
    const grouped: Formatting = {
      ref: shortfall.range,
      rules: [...onRange.flatMap((cf) => cf.rules), expression('G27>1000000', 99)].map((rule) => ({
        ...rule,
        formulae: rule.formulae?.map((formula) =>
          formula
            .replace(/([A-Z])(\d)/g, '$$$1$2')
            .replace(/,/g, ', ')
            .toLowerCase(),
        ),
      })),
    };
    (ws as unknown as { conditionalFormattings: Formatting[] }).conditionalFormattings = [
      ...formattings(ws).filter((cf) => cf.ref !== shortfall.range),
      grouped,
    ];
    const edited = join(folder.dir, 'grouped-edited.xlsx');
    await workbook.xlsx.writeFile(edited);
    expect(below.range).toBe(shortfall.range);

    const undone = join(folder.dir, 'grouped-undone.xlsx');
    await undo(edited, undone);
    expect(rulesOf(await formatsIn(undone))).toEqual(['G27:G44 expression $g27>1000000']);
  });

  it('keeps a rule with the flag’s formula on another range', async () => {
    const flagged = join(folder.dir, 'moved-flagged.xlsx');
    const plan = await flag(SAMPLE, flagged);
    const workbook = await readWorkbook(flagged);
    const ws = sheetOf(workbook, SAMPLE_SHEET);
    const formula = plan.conditionalFormats[0].formula.replace(/^=/, '');
    ws.addConditionalFormatting({ ref: 'G27:G45', rules: [expression(formula, 50)] } as never);
    const edited = join(folder.dir, 'moved-edited.xlsx');
    await workbook.xlsx.writeFile(edited);
    const undone = join(folder.dir, 'moved-undone.xlsx');
    await undo(edited, undone);
    expect(rulesOf(await formatsIn(undone))).toEqual([`G27:G45 expression ${formula}`]);
  });

  it('Segnala twice, reading in between, adds no format twice; nor after an undo and Segnala again', async () => {
    const first = join(folder.dir, 'twice-1.xlsx');
    const plan = await flag(SAMPLE, first);
    // The log reads back as written: the time and the rule stay texts, never a date or a formula.
    const log = (await readGrid(first)).sheets.find((sheet) => sheet.name === LOG_SHEET);
    expect(log?.values[1]).toEqual([
      FLAG_TIME,
      'Segnala',
      '2022-12',
      SAMPLE_SHEET,
      'G27:G44',
      null,
      '',
      plan.conditionalFormats[0].formula,
    ]);
    expect(log?.formulas.flat().every((formula) => formula === null)).toBe(true);

    const second = join(folder.dir, 'twice-2.xlsx');
    expect((await flag(first, second, UNDO_TIME)).conditionalFormats).toEqual([]);
    expect(rulesOf(await formatsIn(second))).toHaveLength(6);

    const undone = join(folder.dir, 'twice-undone.xlsx');
    await undo(second, undone);
    expect(await formatsIn(undone)).toEqual([]);
    const third = join(folder.dir, 'twice-3.xlsx');
    expect((await flag(undone, third, '2024-05-02T12:00:00.000Z')).conditionalFormats).toHaveLength(6);
    const fourth = join(folder.dir, 'twice-4.xlsx');
    expect((await flag(third, fourth, '2024-05-02T13:00:00.000Z')).conditionalFormats).toEqual([]);
    expect(rulesOf(await formatsIn(fourth))).toEqual(rulesOf(await formatsIn(third)));
    expect(rulesOf(await formatsIn(fourth))).toHaveLength(6);
  });
});
