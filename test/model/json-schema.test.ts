import { readFileSync } from 'fs';
import { join } from 'path';
import Ajv2020 from 'ajv/dist/2020';
import { MODEL_SCHEMA_FILE, programmeModelJsonSchema } from '../../src/model/json-schema';
import lombardia from '../../src/model/programmes/por-fse-lombardia-2014-2020.json';
import { ESF_2014_2020_PRESETS } from '../../src/model/programmes/esf-2014-2020';
import { parseModel } from '../../src/model';

const root = join(__dirname, '..', '..');
const committed: unknown = JSON.parse(readFileSync(join(root, MODEL_SCHEMA_FILE), 'utf8'));

function validator() {
  const ajv = new Ajv2020({ allErrors: true });
  return ajv.compile(committed as object);
}

describe(MODEL_SCHEMA_FILE, () => {
  it('is what scripts/build-model-schema.mjs generates from the validator’s schema (run it after a change)', () => {
    expect(committed).toEqual(programmeModelJsonSchema());
  });

  it('is named in the README', () => {
    expect(readFileSync(join(root, 'README.md'), 'utf8')).toContain(MODEL_SCHEMA_FILE);
  });

  it('accepts the embedded Lombardy model, as a standard validator (ajv) reads it', () => {
    const validate = validator();
    expect(validate(lombardia) ? [] : validate.errors).toEqual([]);
  });

  it.each(ESF_2014_2020_PRESETS.map((data) => [(data as { id: string }).id, data]))(
    'accepts the preset %s',
    (_id, data) => {
      const validate = validator();
      expect(validate(data) ? [] : validate.errors).toEqual([]);
    },
  );

  it('refuses what the validator refuses field by field, at the same path', () => {
    const validate = validator();
    const broken = JSON.parse(JSON.stringify(lombardia));
    broken.versions[0].axes[2].allocation = '12,5';
    expect(validate(broken)).toBe(false);
    expect(validate.errors?.map((e) => e.instancePath)).toContain('/versions/0/axes/2/allocation');
    const result = parseModel(broken);
    expect(result.ok ? '' : result.error).toBe(
      'versions[0].axes[2].allocation: "12,5" is not a decimal amount',
    );
  });
});
