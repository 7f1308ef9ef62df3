/**
 * Run by `npm run bench` (bundled with esbuild by scripts/bench/sync-counts.mjs), one process per size:
 * `node sync-counts.cjs <indicator rows>` prints, as JSON on stdout, the `context.sync()` calls each of
 * the pane's actions takes on the fake Excel, run as the pane runs them (see usePaneWorkflow.ts and
 * test/excel/engine-through-host.test.ts): read → analyse → plan → apply through `createExcelHost()`.
 * The pane's re-check after a write (one more read) is not counted in the write actions.
 */
import { analyse, planFill, planFlag, planReport, planUndo, type WritePlan } from '../../src/engine';
import { createExcelHost } from '../../src/excel';
import { installFakeOffice, loadWorkbookIntoFake } from '../../test/fakes/fake-excel';
import { sampleWithIndicators } from '../../test/fakes/workbooks';

export interface SyncCount {
  action: string;
  syncs: number;
  /** Requests that wrote: one, or more for a write over Excel on the web's 5 MB request limit. */
  writes: number;
  /** Requests the fake Excel refused (the host must cut them to fit before sending): 0. */
  refused: number;
  /** Cells the action wrote (0 for Verifica). */
  cellsWritten: number;
  ms: number;
}

async function main(rows: number): Promise<SyncCount[]> {
  const fake = loadWorkbookIntoFake(sampleWithIndicators(rows));
  const uninstall = installFakeOffice(fake);
  try {
    const host = createExcelHost();
    const check = async () => analyse(await host.read(), { lang: 'it' });
    const counts: SyncCount[] = [];
    let writes = 0;
    let refused = 0;
    fake.onSync((report) => {
      if (report.wrote) writes++;
      if (report.error) refused++;
    });
    const measure = async (action: string, run: () => Promise<number>) => {
      fake.resetSyncCount();
      writes = 0;
      refused = 0;
      const started = performance.now();
      const cellsWritten = await run();
      const ms = performance.now() - started;
      counts.push({ action, syncs: fake.syncCount, writes, refused, cellsWritten, ms });
    };
    /** Applies a plan; fails when it has nothing to write, as the bench would then count no write. */
    const apply = async (action: string, plan: WritePlan | null) => {
      const parts = plan && [plan.cells, plan.sheets, plan.deleteSheets, plan.conditionalFormats, plan.log];
      if (!parts || parts.every((part) => part.length === 0)) {
        throw new Error(`${action}: nothing to write on ${rows} indicator rows`);
      }
      return (await host.apply(plan)).cellsWritten;
    };

    await measure('Verifica (first read of the session)', async () => {
      const analysis = await check();
      if (analysis.indicators.length !== rows) {
        throw new Error(`Verifica read ${analysis.indicators.length} indicators, not ${rows}`);
      }
      return 0;
    });
    await measure('Verifica', async () => (await check(), 0));
    await measure('Compila (force)', async () => apply('Compila', planFill(await check(), { force: true })));
    await measure('Segnala', async () => apply('Segnala', planFlag(await check())));
    await measure('Genera report', async () => apply('Genera report', planReport(await check())));
    await measure('Annulla', async () => apply('Annulla', planUndo(await host.read(), { lang: 'it' })));
    return counts;
  } finally {
    uninstall();
  }
}

const rows = Number(process.argv[2]);
if (!Number.isInteger(rows) || rows <= 0) {
  console.error('usage: node sync-counts.cjs <indicator rows>');
  process.exit(2);
}
main(rows).then(
  (counts) => console.log(JSON.stringify(counts)),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
