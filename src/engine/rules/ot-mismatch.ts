import { defineRule } from '../rule';
import { normalizeHeader } from '../locate/header-text';
import { textValue } from '../message-value';

/**
 * `OT 8`, `8`, `OT8`, `O.T. 8`, `Obiettivo tematico 08` → `8`; an axis over two objectives, `8, 10`,
 * `OT 8 e 10`, `8/10` → `8, 10` (in order, whatever the separator); empty stays empty.
 */
function otOf(text: string): string {
  const bare = normalizeHeader(text)
    .replace(
      /^(obiettivi tematici|obiettivo tematico|thematic objectives?|o\.?\s*t\.?|t\.?\s*o\.?)\s*(n\.?\s*)?/,
      '',
    )
    .trim();
  const numbers = bare.split(/\s*(?:,|;|\/|\be\b|\band\b|\+|-)\s*|\s+/).filter((p) => p !== '');
  if (numbers.length > 0 && numbers.every((n) => /^\d+$/.test(n))) {
    return [...new Set(numbers.map((n) => Number(n)))].sort((x, y) => x - y).join(', ');
  }
  return bare;
}

export const otMismatch = defineRule({
  meta: {
    id: 'OT_MISMATCH',
    severity: 'error',
    weight: 50,
    docs: {
      it: "L'obiettivo tematico (OT) di un asse differisce dal modello.",
      en: 'The thematic objective (TO) of an axis differs from the model.',
    },
    messages: {
      it: {
        mismatch: "OT dell'Asse {{axis}}: {{actual}} nella tabella, {{expected}} nel modello.",
        none: "OT dell'Asse {{axis}}: {{actual}} nella tabella, ma nel modello l'asse non ha un OT (assistenza tecnica).",
      },
      en: {
        mismatch: 'TO of axis {{axis}}: {{actual}} in the table, {{expected}} in the model.',
        none: 'TO of axis {{axis}}: {{actual}} in the table, but in the model the axis has no TO (technical assistance).',
      },
    },
  },
  check(ctx, report) {
    const plan = ctx.tables.plan;
    if (!plan) return;
    for (const row of plan.rows) {
      const axis = ctx.version.axes.find((a) => a.id === row.axisId);
      if (!axis || !row.ot) continue;
      const actual = otOf(row.ot.text);
      if (actual === otOf(axis.ot)) continue;
      // Both sides said the same way (`OT 9` against `OT 8`), whatever the table writes.
      const shown = (ot: string) =>
        textValue(ot, ot ? { it: `OT ${ot}`, en: `TO ${ot}` } : { it: 'nessun OT', en: 'no TO' });
      const expected = otOf(axis.ot);
      report({
        sheet: plan.sheet,
        cell: row.ot.address,
        messageId: expected ? 'mismatch' : 'none',
        data: expected
          ? { axis: axis.id, actual: shown(actual), expected: shown(expected) }
          : { axis: axis.id, actual: shown(actual) },
        expected: axis.ot,
        actual: row.ot.text,
        table: 'plan',
      });
    }
  },
});
