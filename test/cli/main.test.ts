/** `main` in process: what the user sees when something nobody planned for goes wrong, and content the copy keeps. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { main } from '../../src/cli/main';
import type { CliOutput } from '../../src/cli/main';
import { writeExcelLikeWorkbook } from '../fixtures/build-fixtures';
import { SAMPLE, temporaryFolder } from './harness';

const engine = jest.requireActual<typeof import('../../src/engine')>('../../src/engine');
const analyse = jest.fn(engine.analyse);
jest.mock('../../src/engine', () => ({
  ...jest.requireActual('../../src/engine'),
  analyse: (...args: Parameters<typeof engine.analyse>) => analyse(...args),
}));

const folder = temporaryFolder('main');
afterAll(folder.remove);

function captured(): CliOutput & { out: string; err: string } {
  const sink = {
    out: '',
    err: '',
    stdout: (text: string) => {
      sink.out += text;
    },
    stderr: (text: string) => {
      sink.err += text;
    },
  };
  return sink;
}

afterEach(() => analyse.mockImplementation(engine.analyse));

it('turns an unexpected exception into one line with its message and exit code 2', async () => {
  analyse.mockImplementation(() => {
    throw new TypeError(
      "Cannot read properties of undefined (reading 'rows')\n    at locate (engine.ts:1:1)",
    );
  });
  const output = captured();
  expect(await main(['check', SAMPLE], output)).toBe(2);
  expect(output.err).toBe("por-tables: Cannot read properties of undefined (reading 'rows')\n");
  expect(output.out).toBe('');
});

it('keeps the charts and macros in the copy, byte for byte, and says nothing about them', async () => {
  const input = join(folder.dir, 'with-chart.xlsx');
  await writeExcelLikeWorkbook(input, {
    'xl/charts/chart1.xml': '<chartSpace/>',
    'xl/vbaProject.bin': 'macro',
  });
  const output = captured();
  const copy = join(folder.dir, 'report.xlsx');
  const code = await main(['report', input, '-o', copy], output);
  expect([0, 1]).toContain(code);
  expect(output.err).toBe('');
  const written = await JSZip.loadAsync(readFileSync(copy));
  expect(await written.file('xl/charts/chart1.xml')?.async('string')).toBe('<chartSpace/>');
  expect(await written.file('xl/vbaProject.bin')?.async('string')).toBe('macro');
});
