import type { Lang } from '../../engine';
import { en } from './en';
import { it } from './it';
import type { Strings } from './it';

export type { Strings, StringKey } from './it';
export { it, en };

/** `it-IT` (or any `it…`) → Italian; everything else → English, as Office's own UI does. */
export function langFor(displayLanguage: string): Lang {
  return /^it(\b|[-_])/i.test(displayLanguage.trim()) ? 'it' : 'en';
}

export function stringsFor(lang: Lang): Strings {
  return lang === 'it' ? it : en;
}

/** Fills `{{name}}` placeholders; a missing value is a programming error, so it throws. */
export function format(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key: string) => {
    if (!(key in data)) throw new Error(`string placeholder {{${key}}} has no value`);
    return String(data[key]);
  });
}

/** `1 cella` / `3 celle`: picks the `…One` or `…Many` template by count. */
export function count(n: number, one: string, many: string): string {
  return n === 1 ? one : format(many, { n });
}

/** `A7, B7, C7 e altre 4`: the first few items, then how many more. */
export function listFew(items: readonly string[], strings: Strings, max = 5): string {
  // "e altre 1" says less than the item itself.
  if (items.length <= max + 1) return items.join(', ');
  return format(strings.listMore, { list: items.slice(0, max).join(', '), n: items.length - max });
}
