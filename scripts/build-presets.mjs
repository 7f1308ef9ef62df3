// Builds the presets of the 20 Italian ESF 2014-2020 programmes (SPEC §3) from the Commission's open
// data copied in src/model/programmes/esf-2014-2020/italian-esf-ops-planned-by-axis.csv: one model
// file per programme (the initial plan: axes as the programme numbers them, OT, allocation summed over
// the categories of region, total) and index.ts, which lists them for src/model/presets.ts.
// Lombardy is not generated: its model (../por-fse-lombardia-2014-2020.json, with the later plans and
// the indicators) is the embedded default, and this script fails unless its `2015-initial` version
// holds the CSV's figures.
// Usage: node scripts/build-presets.mjs [--check]   (--check: exit 1 if a committed file differs)
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import prettier from 'prettier';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const programmesDir = join(root, 'src', 'model', 'programmes');
const presetDir = join(programmesDir, 'esf-2014-2020');
const CSV_FILE = 'italian-esf-ops-planned-by-axis.csv';
const LOMBARDY_CCI = '2014IT05SFOP007';
const LOMBARDY_FILE = 'por-fse-lombardia-2014-2020.json';

/** Slug and Italian title of each programme: the CSV names them in English or in a mix. */
const PROGRAMMES = {
  '2014IT05SFOP001': ['pon-inclusione-2014-2020', 'PON Inclusione 2014-2020'],
  '2014IT05SFOP002': [
    'pon-spao-2014-2020',
    "PON Sistemi di politiche attive per l'occupazione (SPAO) 2014-2020",
  ],
  '2014IT05SFOP003': ['por-fse-emilia-romagna-2014-2020', 'POR FSE 2014-2020 Regione Emilia-Romagna'],
  '2014IT05SFOP004': [
    'por-fse-friuli-venezia-giulia-2014-2020',
    'POR FSE 2014-2020 Regione Friuli Venezia Giulia',
  ],
  '2014IT05SFOP005': ['por-fse-lazio-2014-2020', 'POR FSE 2014-2020 Regione Lazio'],
  '2014IT05SFOP006': ['por-fse-liguria-2014-2020', 'POR FSE 2014-2020 Regione Liguria'],
  '2014IT05SFOP008': ['por-fse-marche-2014-2020', 'POR FSE 2014-2020 Regione Marche'],
  '2014IT05SFOP009': ['por-fse-abruzzo-2014-2020', 'POR FSE 2014-2020 Regione Abruzzo'],
  '2014IT05SFOP010': ['por-fse-umbria-2014-2020', 'POR FSE 2014-2020 Regione Umbria'],
  '2014IT05SFOP011': ['por-fse-valle-d-aosta-2014-2020', "POR FSE 2014-2020 Regione Valle d'Aosta"],
  '2014IT05SFOP012': ['por-fse-veneto-2014-2020', 'POR FSE 2014-2020 Regione del Veneto'],
  '2014IT05SFOP013': ['por-fse-piemonte-2014-2020', 'POR FSE 2014-2020 Regione Piemonte'],
  '2014IT05SFOP014': ['por-fse-sicilia-2014-2020', 'POR FSE 2014-2020 Regione Siciliana'],
  '2014IT05SFOP015': ['por-fse-toscana-2014-2020', 'POR FSE 2014-2020 Regione Toscana'],
  '2014IT05SFOP016': ['por-fse-basilicata-2014-2020', 'POR FSE 2014-2020 Regione Basilicata'],
  '2014IT05SFOP017': ['po-fse-bolzano-2014-2020', 'PO FSE 2014-2020 Provincia autonoma di Bolzano'],
  '2014IT05SFOP018': ['po-fse-trento-2014-2020', 'PO FSE 2014-2020 Provincia autonoma di Trento'],
  '2014IT05SFOP020': ['por-fse-campania-2014-2020', 'POR FSE 2014-2020 Regione Campania'],
  '2014IT05SFOP021': ['por-fse-sardegna-2014-2020', 'POR FSE 2014-2020 Regione Sardegna'],
};

/** The axis names of the ESF programmes by thematic objective, as the Italian programmes write them. */
const AXIS_NAMES = {
  8: 'Occupazione',
  9: 'Inclusione sociale e lotta alla povertà',
  10: 'Istruzione e formazione',
  11: 'Capacità istituzionale e amministrativa',
  TA: 'Assistenza tecnica',
};

const ROMAN = { I: 1, V: 5, X: 10 };

/** RFC 4180: quoted fields may hold commas, quotes doubled. */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') endField();
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRow();
    } else field += c;
  }
  if (field !== '' || row.length > 0) endRow();
  const [header, ...body] = rows.filter((r) => r.some((f) => f !== ''));
  return body.map((r) => Object.fromEntries(header.map((name, i) => [name, r[i] ?? ''])));
}

/** `1` < `2`; `I` < `II` < `IV`; `A` < `B`: the order the programme numbers its axes in. */
function axisOrder(id) {
  if (/^\d+$/.test(id)) return Number(id);
  if (/^[IVX]+$/.test(id)) {
    let value = 0;
    for (let i = 0; i < id.length; i++) {
      const here = ROMAN[id[i]];
      value += here < (ROMAN[id[i + 1]] ?? 0) ? -here : here;
    }
    return value;
  }
  return id.charCodeAt(0);
}

/** Whole euro in the CSV: integer arithmetic on BigInt, written with cents like the Lombardy model. */
function euro(cents) {
  return `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`;
}

function centsOf(text) {
  if (!/^\d+(\.\d{1,2})?$/.test(text)) throw new Error(`not an amount in euro: ${JSON.stringify(text)}`);
  const [whole, fraction = ''] = text.split('.');
  return BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
}

function otKey(ot) {
  return ot === 'TA' ? Infinity : Number(ot);
}

/** The axes of one programme's rows, in its own order, amounts summed over the categories of region. */
function axesOf(rows) {
  const byId = new Map();
  for (const row of rows) {
    const axis = byId.get(row.priority_axis) ?? { id: row.priority_axis, ots: new Map(), cents: 0n };
    axis.ots.set(row.thematic_objective, row.to_short);
    axis.cents += centsOf(row.total_amount_eur);
    byId.set(axis.id, axis);
  }
  const axes = [...byId.values()].sort((a, b) => axisOrder(a.id) - axisOrder(b.id));
  const otSet = (axis) => [...axis.ots.keys()].sort((a, b) => otKey(a) - otKey(b)).join(', ');
  return axes.map((axis, i) => {
    const ots = [...axis.ots.keys()].sort((a, b) => otKey(a) - otKey(b));
    // One name per thematic objective: an axis sharing its OT with another, or spanning several, is `Asse N`.
    const alone = ots.length === 1 && axes.filter((other) => otSet(other) === otSet(axis)).length === 1;
    const name = alone ? AXIS_NAMES[ots[0]] : `Asse ${axis.id}`;
    const aliases = [`Asse ${axis.id}`];
    if (!/^\d+$/.test(axis.id)) aliases.push(`Asse ${i + 1}`);
    if (alone) aliases.push(name, axis.ots.get(ots[0]));
    return {
      id: axis.id,
      ot: ots.filter((ot) => ot !== 'TA').join(', '),
      name,
      aliases: [...new Set(aliases)],
      allocation: euro(axis.cents),
    };
  });
}

function sourceOf(rows) {
  const [{ op_title: title, op_version: version, source }] = rows;
  return `"${title}", PO versione ${version}: ${source}`;
}

function presetOf(cci, rows) {
  const [id, title] = PROGRAMMES[cci];
  const axes = axesOf(rows);
  const total = axes.reduce((sum, axis) => sum + centsOf(axis.allocation), 0n);
  return {
    id,
    cci,
    title,
    currency: 'EUR',
    source: sourceOf(rows),
    versions: [
      {
        id: 'initial',
        label: `Piano finanziario iniziale (dati aperti Commissione, PO versione ${rows[0].op_version})`,
        total: euro(total),
        axes,
      },
    ],
    indicators: [],
    thresholds: { tolerance: '0.85', serious: '0.65' },
  };
}

/** Lombardy's `2015-initial` must hold the CSV's plan: same axes, OT and allocations. */
function checkLombardy(rows) {
  const model = JSON.parse(readFileSync(join(programmesDir, LOMBARDY_FILE), 'utf8'));
  const initial = model.versions.find((v) => v.id === '2015-initial');
  const expected = axesOf(rows).map((a) => [a.id, a.ot, a.allocation]);
  const actual = initial ? initial.axes.map((a) => [a.id, a.ot, a.allocation]) : [];
  if (model.cci !== LOMBARDY_CCI || JSON.stringify(actual) !== JSON.stringify(expected)) {
    throw new Error(
      `${LOMBARDY_FILE}: cci ${LOMBARDY_CCI} and version 2015-initial must be ${JSON.stringify(expected)}`,
    );
  }
}

function camelCase(slug) {
  return slug.replace(/-(\w)/g, (_, c) => c.toUpperCase()).replace(/^(\d)/, '_$1');
}

function indexOf(presets) {
  const lines = [
    '// Generated by scripts/build-presets.mjs from italian-esf-ops-planned-by-axis.csv: do not edit.',
    ...presets.map((p) => `import ${camelCase(p.id)} from './${p.id}.json';`),
    '',
    "/** The initial plans of the Italian ESF 2014-2020 programmes, in CCI order, Lombardy's aside (SPEC §3). */",
    `export const ESF_2014_2020_PRESETS: readonly unknown[] = [${presets.map((p) => camelCase(p.id)).join(', ')}];`,
  ];
  return `${lines.join('\n')}\n`;
}

async function formatted(file, text) {
  const options = { ...(await prettier.resolveConfig(file)), filepath: file };
  return prettier.format(text, options);
}

async function main() {
  const check = process.argv.includes('--check');
  const rows = parseCsv(readFileSync(join(presetDir, CSV_FILE), 'utf8'));
  const byCci = new Map();
  for (const row of rows) byCci.set(row.cci, [...(byCci.get(row.cci) ?? []), row]);
  const unknown = [...byCci.keys()].filter((cci) => cci !== LOMBARDY_CCI && !PROGRAMMES[cci]);
  if (unknown.length > 0) throw new Error(`no slug and title for ${unknown.join(', ')}`);
  checkLombardy(byCci.get(LOMBARDY_CCI) ?? []);

  const presets = [...byCci.keys()]
    .filter((cci) => cci !== LOMBARDY_CCI)
    .sort()
    .map((cci) => presetOf(cci, byCci.get(cci)));
  const files = new Map(presets.map((p) => [join(presetDir, `${p.id}.json`), JSON.stringify(p, null, 2)]));
  files.set(join(presetDir, 'index.ts'), indexOf(presets));

  const stale = [];
  for (const [file, text] of files) {
    const output = await formatted(file, text);
    if (check) {
      if (!existsSync(file) || readFileSync(file, 'utf8') !== output) stale.push(file);
    } else writeFileSync(file, output);
  }
  if (check && stale.length > 0) {
    console.error(`build-presets: out of date, run node scripts/build-presets.mjs: ${stale.join(', ')}`);
    process.exitCode = 1;
  } else if (!check) console.log(`build-presets: wrote ${files.size} files in ${presetDir}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(`build-presets: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  });
}
