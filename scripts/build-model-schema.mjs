// Writes programme-model.schema.json at the repository root from the schema the validator uses
// (src/model/schema.ts through src/model/json-schema.ts). test/model/json-schema.test.ts fails
// when the committed file differs from what this writes.
// Usage: node scripts/build-model-schema.mjs
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import prettier from 'prettier';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const directory = mkdtempSync(join(tmpdir(), 'model-schema-'));
const bundle = join(directory, 'json-schema.cjs');
try {
  await build({
    entryPoints: [join(root, 'src', 'model', 'json-schema.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: bundle,
    logLevel: 'warning',
  });
  const { MODEL_SCHEMA_FILE, programmeModelJsonSchemaText } = createRequire(import.meta.url)(bundle);
  const file = join(root, MODEL_SCHEMA_FILE);
  const options = { ...(await prettier.resolveConfig(file)), filepath: file };
  writeFileSync(file, await prettier.format(programmeModelJsonSchemaText(), options));
  console.log(`wrote ${MODEL_SCHEMA_FILE}`);
} finally {
  rmSync(directory, { recursive: true, force: true });
}
