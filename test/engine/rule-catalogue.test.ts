/** Every rule has its module, its test file, matching it/en messages and its row in the README. */
import { existsSync, readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { formatMessage } from '../../src/engine/rule';
import { RULES } from '../../src/engine/rules';

const ROOT = join(__dirname, '../..');
const HELPERS = ['index.ts'];
const fileOf = (id: string) => id.toLowerCase().replace(/_/g, '-');
const placeholders = (template: string) =>
  [...template.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('the rule catalogue', () => {
  it('has unique ids', () => {
    const ids = RULES.map((r) => r.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('lists every rule module of src/engine/rules', () => {
    const modules = readdirSync(join(ROOT, 'src/engine/rules')).filter(
      (f) => f.endsWith('.ts') && !HELPERS.includes(f),
    );
    expect(modules.sort()).toEqual(RULES.map((r) => `${fileOf(r.meta.id)}.ts`).sort());
  });

  describe.each(RULES.map((r) => [r.meta.id, r] as const))('%s', (id, rule) => {
    it('has a test file under test/engine/rules/', () => {
      expect(existsSync(join(ROOT, 'test/engine/rules', `${fileOf(id)}.test.ts`))).toBe(true);
    });

    it('has docs and messages in Italian and English with the same keys and placeholders', () => {
      const { it: itMessages, en } = rule.meta.messages;
      expect(Object.keys(en).sort()).toEqual(Object.keys(itMessages).sort());
      expect(Object.keys(itMessages).length).toBeGreaterThan(0);
      for (const key of Object.keys(itMessages)) {
        expect({ key, placeholders: placeholders(en[key]) }).toEqual({
          key,
          placeholders: placeholders(itMessages[key]),
        });
      }
      expect(rule.meta.docs.it.length).toBeGreaterThan(0);
      expect(rule.meta.docs.en.length).toBeGreaterThan(0);
    });

    it('has a row in the README rule table', () => {
      const readme = existsSync(join(ROOT, 'README.md')) ? readFileSync(join(ROOT, 'README.md'), 'utf8') : '';
      // Prettier pads the table's cells: the id may be followed by spaces.
      expect(readme).toMatch(new RegExp(`^\\| \`${id}\` +\\|`, 'm'));
    });
  });
});

describe('formatMessage', () => {
  it('fills placeholders, with or without spaces inside the braces', () => {
    expect(formatMessage('Asse {{axis}}: {{ value }}', { axis: 'I', value: '24,39%' })).toBe(
      'Asse I: 24,39%',
    );
  });

  it('refuses an unfilled placeholder', () => {
    expect(() => formatMessage('Asse {{axis}}', {})).toThrow('{{axis}}');
  });
});
