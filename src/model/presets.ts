/**
 * The presets (SPEC §3): the initial plans of the 20 Italian ESF 2014-2020 programmes, each known by
 * its slug and its CCI. Lombardy's is the embedded default model (with its later plans and its
 * indicators); the other 19 are generated from the Commission's open data (`esf-2014-2020/`).
 */
import { ESF_2014_2020_PRESETS } from './programmes/esf-2014-2020';
import { defaultModel, loadEmbedded } from './embedded';
import type { ProgrammeModel } from './types';

let loaded: readonly ProgrammeModel[] | null = null;

/** Every preset, Lombardy first, then in CCI order; validated on first use. */
export function presets(): readonly ProgrammeModel[] {
  loaded ??= [
    defaultModel,
    ...ESF_2014_2020_PRESETS.map((data, i) => loadEmbedded(data, `esf-2014-2020 preset ${i}`)),
  ];
  return loaded;
}

/** The preset a `--programme` value names: its id or its CCI, in any case. */
export function findPreset(
  idOrCci: string,
  among: readonly ProgrammeModel[] = presets(),
): ProgrammeModel | undefined {
  const key = idOrCci.trim().toLowerCase();
  return among.find((p) => p.id.toLowerCase() === key || p.cci?.toLowerCase() === key);
}

/** The preset ids closest to a mistyped id or CCI (edit distance), nearest first. */
export function nearestPresetIds(
  idOrCci: string,
  count = 3,
  among: readonly ProgrammeModel[] = presets(),
): string[] {
  const key = idOrCci.trim().toLowerCase();
  const distanceTo = (p: ProgrammeModel): number =>
    Math.min(
      editDistance(key, p.id.toLowerCase()),
      p.cci ? editDistance(key, p.cci.toLowerCase()) : Infinity,
      // `toscana` for `por-fse-toscana-2014-2020`: a part of the id is as good as a one-letter slip.
      p.id.split('-').includes(key) ? 1 : Infinity,
    );
  return among
    .map((p) => ({ id: p.id, distance: distanceTo(p) }))
    .sort((a, b) => a.distance - b.distance || a.id.localeCompare(b.id))
    .slice(0, count)
    .map((p) => p.id);
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j] + 1, current[j - 1] + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length];
}
