/**
 * `check` over several files and folders (SPEC §6): the folders walked, the files checked on two
 * worker threads, the outcomes handed back in the sorted order of the files, whichever worker
 * finishes first.
 *
 * A worker runs the command line's own bundle (dist/cli/por-tables.cjs, this module's
 * `__filename` once bundled) with `workerData` saying it is one; the bundle's entry sees
 * `!isMainThread` and serves checks instead of reading argv. Run from the TypeScript sources (the
 * tests in process) there is no bundle to start, and the files are checked one after the other.
 */
import { promises as fs } from 'node:fs';
import { availableParallelism } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { Worker, parentPort, workerData } from 'node:worker_threads';
import type { ProgrammeModel } from '../model';
import { checkFile, failedOutcome, loadModel } from './check-file';
import type { CheckRequest, FileOutcome } from './check-file';
import { messageOf } from './local-file';
import { MESSAGES } from './messages';

/** The extensions a folder's files are checked by: what the reader reads, and `.xls`, which it names. */
export const WORKBOOK_EXTENSIONS: readonly string[] = [
  '.xlsx',
  '.xlsm',
  '.xltx',
  '.xltm',
  '.xlsb',
  '.xls',
  '.ods',
  '.numbers',
];

export interface ExpandedInputs {
  /** Every file to check, sorted, each once; a path that does not exist stays, to be said not found. */
  files: string[];
  /** Whether a folder was among the inputs (then the output is a batch's even for one file). */
  folders: boolean;
}

/**
 * The files to check: files as given (whatever their extension), folders walked recursively for
 * workbooks, leaving out hidden entries and Office's `~$` lock files. Paths keep the form given
 * (`dir/sub/a.xlsx` under `dir`), sorted by code point so that every run lists them alike.
 */
export async function expandInputs(inputs: readonly string[]): Promise<ExpandedInputs> {
  const files: string[] = [];
  let folders = false;
  const visited = new Set<string>();
  const walk = async (dir: string): Promise<void> => {
    const real = await fs.realpath(dir).catch(() => resolve(dir));
    if (visited.has(real)) return; // a link back up the tree
    visited.add(real);
    const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name.startsWith('~$')) continue;
      const path = join(dir, entry.name);
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        const stat = await fs.stat(path).catch(() => null);
        isDirectory = stat?.isDirectory() ?? false;
        isFile = stat?.isFile() ?? false;
      }
      if (isDirectory) await walk(path);
      else if (isFile && WORKBOOK_EXTENSIONS.includes(extname(entry.name).toLowerCase())) files.push(path);
    }
  };
  for (const input of inputs) {
    const stat = await fs.stat(input).catch(() => null);
    if (stat?.isDirectory()) {
      folders = true;
      await walk(input);
    } else {
      files.push(input);
    }
  }
  const seen = new Set<string>();
  const unique = files.filter((file) => {
    const key = resolve(file);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  unique.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { files: unique, folders };
}

/**
 * Below this many files a batch is checked in the main thread: two workers' start-up (about 0.1 s
 * each, the bundle loaded twice) costs more than it saves (40 copies of the sample: 0.39 s in one
 * thread, 0.46 s on two workers; the 250 files of test/corpus: 4.9 s and 3.7 s).
 */
export const FILES_FOR_WORKERS = 50;

/**
 * How many workers check a batch: `POR_TABLES_WORKERS` when set (1 checks in the main thread),
 * else two for a batch of at least FILES_FOR_WORKERS files (one on a single core), else one;
 * never more than the files.
 */
export function workerCount(files: number, env: NodeJS.ProcessEnv = process.env): number {
  const asked = Number.parseInt(env.POR_TABLES_WORKERS ?? '', 10);
  const wanted =
    Number.isInteger(asked) && asked >= 1
      ? Math.min(asked, 16)
      : files >= FILES_FOR_WORKERS
        ? Math.min(2, availableParallelism())
        : 1;
  return Math.max(1, Math.min(wanted, files));
}

const WORKER_ROLE = 'por-tables-check';

interface WorkerSetup {
  role: typeof WORKER_ROLE;
  request: CheckRequest;
}

interface Job {
  index: number;
  file: string;
}

interface Done {
  index: number;
  outcome: FileOutcome;
}

/** The bundle a worker can run: this very file once built to `.cjs`; none when run from the sources. */
function workerScript(): string | null {
  return /\.c?js$/.test(__filename) ? __filename : null;
}

/**
 * Checks `files` and hands each outcome to `deliver` in the files' order, as soon as it and every
 * one before it are known; resolves with all of them. One file (or `workers` 1): no worker.
 */
export async function checkFiles(
  files: readonly string[],
  request: CheckRequest,
  deliver: (outcome: FileOutcome, index: number) => void,
  workers: number = workerCount(files.length),
): Promise<FileOutcome[]> {
  const outcomes: (FileOutcome | undefined)[] = new Array<FileOutcome | undefined>(files.length);
  let delivered = 0;
  const settle = (index: number, outcome: FileOutcome) => {
    outcomes[index] = outcome;
    while (delivered < files.length && outcomes[delivered]) {
      deliver(outcomes[delivered] as FileOutcome, delivered);
      delivered++;
    }
  };
  let next = 0;
  const take = (): Job | null => (next < files.length ? { index: next, file: files[next++] } : null);

  const script = workerScript();
  let inProcessModel: ProgrammeModel | null | string | undefined;
  const inProcess = async (): Promise<void> => {
    for (let job = take(); job; job = take()) {
      inProcessModel ??= await modelFor(request);
      settle(
        job.index,
        typeof inProcessModel === 'string'
          ? failedOutcome(job.file, inProcessModel)
          : await checkFile(job.file, inProcessModel, request),
      );
    }
  };
  const threads = Math.min(workers, files.length);
  if (threads > 1 && script) await runOnWorkers(script, threads, request, take, settle);
  // In process: everything when no worker runs, and whatever a failed worker left.
  await inProcess();
  return outcomes as FileOutcome[];
}

async function modelFor(request: CheckRequest): Promise<ProgrammeModel | null | string> {
  if (request.modelPath === null) return null;
  return loadModel(request.modelPath, MESSAGES[request.lang], request.lang);
}

/** Each worker takes the next file as soon as it is done with one; a worker that dies leaves the rest to the others. */
function runOnWorkers(
  script: string,
  count: number,
  request: CheckRequest,
  take: () => Job | null,
  settle: (index: number, outcome: FileOutcome) => void,
): Promise<void> {
  return new Promise((resolveAll) => {
    let running = 0;
    const start = () => {
      const setup: WorkerSetup = { role: WORKER_ROLE, request };
      const worker = new Worker(script, { workerData: setup, stdout: false, stderr: false });
      running++;
      let current: Job | null = null;
      let finished = false;
      const finish = () => {
        if (finished) return;
        finished = true;
        running--;
        void worker.terminate();
        if (running === 0) resolveAll();
      };
      const feed = () => {
        current = take();
        if (current) worker.postMessage(current);
        else finish();
      };
      worker.on('message', (done: Done) => {
        settle(done.index, done.outcome);
        feed();
      });
      worker.on('error', (error) => {
        if (current) settle(current.index, failedOutcome(current.file, messageOf(error)));
        current = null;
        finish();
      });
      worker.on('exit', () => {
        if (current) settle(current.index, failedOutcome(current.file, 'worker stopped'));
        current = null;
        finish();
      });
      feed();
    };
    for (let i = 0; i < count; i++) start();
  });
}

/** True in a thread started by `checkFiles`: the bundle's entry then serves checks. */
export function isCheckWorker(data: unknown = workerData): boolean {
  return typeof data === 'object' && data !== null && (data as Partial<WorkerSetup>).role === WORKER_ROLE;
}

/** A worker's loop: a job in, its outcome out, the `--model` read once. */
export function serveChecks(): void {
  const port = parentPort;
  if (!port) return;
  const { request } = workerData as WorkerSetup;
  let model: Promise<ProgrammeModel | null | string> | null = null;
  port.on('message', (job: Job) => {
    model ??= modelFor(request);
    void model
      .then((loaded) =>
        typeof loaded === 'string' ? failedOutcome(job.file, loaded) : checkFile(job.file, loaded, request),
      )
      .catch((error: unknown) => failedOutcome(job.file, messageOf(error)))
      .then((outcome) => port.postMessage({ index: job.index, outcome } satisfies Done));
  });
}
