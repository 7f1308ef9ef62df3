/**
 * `por-tables programmes [--json]`: the presets (SPEC §3, §6) — id, CCI, title, number of axes and
 * total of the newest plan, the total in the reader's language (`1.238.866.667,00 €`,
 * `€1,238,866,667.00`); `--json` keeps the total as a decimal string.
 */
import { formatValue } from '../engine';
import type { Lang } from '../engine';
import { newestVersion } from '../model';
import type { ProgrammeModel } from '../model';

export interface ProgrammeListing {
  id: string;
  cci: string;
  title: string;
  axes: number;
  total: string;
}

export function listingOf(presets: readonly ProgrammeModel[]): ProgrammeListing[] {
  return presets.map((p) => {
    const plan = newestVersion(p);
    return { id: p.id, cci: p.cci ?? '', title: p.title, axes: plan.axes.length, total: plan.total };
  });
}

const HEADERS: Record<Lang, [string, string, string, string, string]> = {
  it: ['id', 'CCI', 'assi', 'dotazione totale', 'programma'],
  en: ['id', 'CCI', 'axes', 'total allocation', 'programme'],
};

const FOOTER: Record<Lang, string> = {
  it: 'Usa --programme <id o CCI> con check, fill o report per verificare con uno di questi modelli.',
  en: 'Use --programme <id or CCI> with check, fill or report to check against one of these models.',
};

export function formatProgrammes(presets: readonly ProgrammeModel[], lang: Lang, json: boolean): string {
  const listing = listingOf(presets);
  if (json) return `${JSON.stringify({ programmes: listing }, null, 2)}\n`;
  const rows = listing.map((p) => [
    p.id,
    p.cci,
    String(p.axes),
    formatValue({ kind: 'money', value: p.total }, lang),
    p.title,
  ]);
  const table = [HEADERS[lang], ...rows];
  const widths = HEADERS[lang].map((_, c) => Math.max(...table.map((row) => row[c].length)));
  // Counts and amounts right-aligned, as a reader compares them.
  const line = (row: string[]) =>
    row
      .map((cell, c) => (c === 2 || c === 3 ? cell.padStart(widths[c]) : cell.padEnd(widths[c])))
      .join('  ')
      .trimEnd();
  return `${table.map(line).join('\n')}\n\n${FOOTER[lang]}\n`;
}
