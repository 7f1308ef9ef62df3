import { textValue, type MessageValue } from '../../message-value';

/**
 * Model versions as a sentence needs them, singular or plural: `alla versione 2020-11` /
 * `alle versioni 2015-initial e 2020-11`; `version 2020-11` / `versions 2015-initial and 2020-11`.
 */
export function versionsValue(ids: readonly string[]): MessageValue {
  const list = (and: string) =>
    ids.length < 2 ? ids.join('') : `${ids.slice(0, -1).join(', ')} ${and} ${ids[ids.length - 1]}`;
  return textValue(ids.join(', '), {
    it: ids.length === 1 ? `alla versione ${list('e')}` : `alle versioni ${list('e')}`,
    en: ids.length === 1 ? `version ${list('and')}` : `versions ${list('and')}`,
  });
}
