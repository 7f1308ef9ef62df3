/**
 * `programme-model.schema.json`, generated from `programmeModelSchema` (`node scripts/build-model-schema.mjs`),
 * so that a model author gets completion and errors in an editor. Checks across fields (unique
 * ids, the total, indicator axes, threshold order) cannot be said in JSON Schema: `parseModel`
 * makes them. Only the script and the tests import this module, never the pane.
 */
import { z } from 'zod';
import { programmeModelSchema } from './schema';

export const MODEL_SCHEMA_FILE = 'programme-model.schema.json';

export function programmeModelJsonSchema(): Record<string, unknown> {
  // `input`: what an author writes, so fields with a default are optional.
  const generated = z.toJSONSchema(programmeModelSchema, { io: 'input', unrepresentable: 'any' });
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: `https://por-tables.example/${MODEL_SCHEMA_FILE}`,
    title: 'POR Tables programme model',
    ...rest,
  };
}

/** The file's text before Prettier lays it out (the script formats it; the test compares parsed JSON). */
export function programmeModelJsonSchemaText(): string {
  return `${JSON.stringify(programmeModelJsonSchema(), null, 2)}\n`;
}
