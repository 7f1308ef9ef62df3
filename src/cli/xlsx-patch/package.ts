/**
 * An .xlsx as its zip entries (OPC parts), to patch in place: the entries nobody edits are written
 * back with the bytes they had, in their order; the edited ones as text. Relationships and content
 * types are resolved the way Excel resolves them (targets relative to the source part, or absolute
 * from the package root as ClosedXML writes them; part names compared without case).
 */
import { unzipSync, zipSync } from 'fflate';
import type { Zippable } from 'fflate';
import { attribute, childrenOf, escapeXml, rootElement, withAttribute } from './xml';

export interface Relationship {
  id: string;
  type: string;
  /** The target as written in the file. */
  target: string;
  /** The target part's name in the package (no leading `/`); `null` for an external target. */
  part: string | null;
}

const RELATIONSHIPS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CONTENT_TYPES = '[Content_Types].xml';

export class OpcPackage {
  /** Entry name → bytes, in the zip's order. */
  private readonly entries = new Map<string, Uint8Array>();
  /** Lower-cased part name → entry name as stored. */
  private readonly names = new Map<string, string>();
  private readonly texts = new Map<string, string>();
  private readonly edited = new Set<string>();

  constructor(bytes: Uint8Array) {
    const files = unzipSync(bytes);
    for (const [name, data] of Object.entries(files)) {
      // Folders have entries of their own in some zips; they are no parts.
      if (name.endsWith('/')) continue;
      this.entries.set(name, data);
      this.names.set(name.replace(/^\//, '').toLowerCase(), name);
    }
  }

  /** The stored name of a part (`xl/workbook.xml`), whatever its case; `null` when absent. */
  resolve(part: string): string | null {
    return this.names.get(part.replace(/^\//, '').toLowerCase()) ?? null;
  }

  has(part: string): boolean {
    return this.resolve(part) !== null;
  }

  partNames(): string[] {
    return [...this.entries.keys()];
  }

  /** A part's text (UTF-8, a byte-order mark dropped); `null` when absent. */
  text(part: string): string | null {
    const name = this.resolve(part);
    if (name === null) return null;
    let text = this.texts.get(name);
    if (text === undefined) {
      text = new TextDecoder('utf-8').decode(this.entries.get(name));
      this.texts.set(name, text);
    }
    return text;
  }

  /** Sets a part's text; an edit that changes nothing leaves the part's bytes as they were. */
  setText(part: string, text: string): void {
    const name = this.resolve(part) ?? part.replace(/^\//, '');
    if (this.text(name) === text) return;
    if (!this.entries.has(name)) {
      this.entries.set(name, new Uint8Array());
      this.names.set(name.toLowerCase(), name);
    }
    this.texts.set(name, text);
    this.edited.add(name);
  }

  remove(part: string): void {
    const name = this.resolve(part);
    if (name === null) return;
    this.entries.delete(name);
    this.texts.delete(name);
    this.edited.delete(name);
    this.names.delete(name.toLowerCase());
  }

  /** Whether anything was edited, added or removed. */
  changed(original: readonly string[]): boolean {
    return this.edited.size > 0 || original.length !== this.entries.size;
  }

  /** The package as zip bytes: untouched entries keep their bytes, edited ones are encoded as UTF-8. */
  toBytes(): Uint8Array {
    const files: Zippable = {};
    const encoder = new TextEncoder();
    for (const [name, data] of this.entries) {
      files[name] = this.edited.has(name) ? encoder.encode(this.texts.get(name)) : data;
    }
    return zipSync(files, { level: 6 });
  }

  /** A part's relationships file: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`. */
  static relsPartOf(part: string): string {
    const name = part.replace(/^\//, '');
    const slash = name.lastIndexOf('/');
    return `${name.slice(0, slash + 1)}_rels/${name.slice(slash + 1)}.rels`;
  }

  /** The relationships of a part (`''` for the package's own, `_rels/.rels`). */
  relationships(part: string): Relationship[] {
    const relsPart = part === '' ? '_rels/.rels' : OpcPackage.relsPartOf(part);
    const xml = this.text(relsPart);
    if (xml === null) return [];
    const base =
      part === '' ? '' : part.replace(/^\//, '').slice(0, part.replace(/^\//, '').lastIndexOf('/') + 1);
    const rels: Relationship[] = [];
    for (const child of childrenOf(xml, rootElement(xml))) {
      if (child.name !== 'Relationship') continue;
      const target = attribute(child.open, 'Target') ?? '';
      const external = attribute(child.open, 'TargetMode') === 'External';
      rels.push({
        id: attribute(child.open, 'Id') ?? '',
        type: attribute(child.open, 'Type') ?? '',
        target,
        part: external ? null : resolveTarget(base, target),
      });
    }
    return rels;
  }

  /** Adds a relationship from `part` to `target` (a part name); returns its new id. */
  addRelationship(part: string, type: string, target: string): string {
    const relsPart = OpcPackage.relsPartOf(part);
    const existing = this.relationships(part);
    const ids = new Set(existing.map((r) => r.id));
    // Ids the raw text holds too: a damaged relationships part (calamine issue 252) parses to nothing,
    // yet the part itself still refers to its ids, and a new one must not take them.
    for (const text of [this.text(relsPart), this.text(part)]) {
      for (const m of (text ?? '').matchAll(/\brId\d+\b/g)) ids.add(m[0]);
    }
    let n = existing.length + 1;
    while (ids.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const base = part.slice(0, part.lastIndexOf('/') + 1);
    const relative = target.startsWith(base) ? target.slice(base.length) : `/${target}`;
    const element = `<Relationship Id="${id}" Type="${escapeXml(type)}" Target="${escapeXml(relative)}"/>`;
    const xml = this.text(relsPart);
    if (xml === null) {
      this.setText(
        relsPart,
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${RELATIONSHIPS_NS}">${element}</Relationships>`,
      );
    } else {
      const root = rootElement(xml);
      this.setText(
        relsPart,
        root.closeStart === root.end
          ? `${xml.slice(0, root.start)}${root.open.replace(/\/>$/, '>')}${element}</Relationships>${xml.slice(root.end)}`
          : `${xml.slice(0, root.closeStart)}${element}${xml.slice(root.closeStart)}`,
      );
    }
    return id;
  }

  /** Removes the relationships of `part` that `drop` selects. */
  removeRelationships(part: string, drop: (rel: Relationship) => boolean): void {
    const relsPart = OpcPackage.relsPartOf(part);
    const xml = this.text(relsPart);
    if (xml === null) return;
    const byId = new Map(this.relationships(part).map((r) => [r.id, r]));
    let out = xml;
    const children = childrenOf(xml, rootElement(xml)).reverse();
    for (const child of children) {
      const rel = byId.get(attribute(child.open, 'Id') ?? '');
      if (child.name === 'Relationship' && rel && drop(rel))
        out = out.slice(0, child.start) + out.slice(child.end);
    }
    this.setText(relsPart, out);
  }

  /** Every part reachable through relationships from the package's root. */
  reachableParts(): Set<string> {
    const seen = new Set<string>();
    const queue = [''];
    while (queue.length > 0) {
      const part = queue.pop() as string;
      for (const rel of this.relationships(part)) {
        if (rel.part === null) continue;
        const name = this.resolve(rel.part);
        if (name === null || seen.has(name)) continue;
        seen.add(name);
        queue.push(name);
      }
    }
    return seen;
  }

  /** Adds (or replaces) the content type override of a part. */
  setContentType(part: string, contentType: string): void {
    const xml = this.text(CONTENT_TYPES);
    if (xml === null) return;
    const partName = `/${part.replace(/^\//, '')}`;
    const root = rootElement(xml);
    for (const child of childrenOf(xml, root)) {
      if (
        child.name === 'Override' &&
        attribute(child.open, 'PartName')?.toLowerCase() === partName.toLowerCase()
      ) {
        this.setText(
          CONTENT_TYPES,
          xml.slice(0, child.start) +
            withAttribute(child.open, 'ContentType', contentType) +
            xml.slice(child.end),
        );
        return;
      }
    }
    const element = `<Override PartName="${escapeXml(partName)}" ContentType="${escapeXml(contentType)}"/>`;
    this.setText(CONTENT_TYPES, `${xml.slice(0, root.closeStart)}${element}${xml.slice(root.closeStart)}`);
  }

  removeContentType(part: string): void {
    const xml = this.text(CONTENT_TYPES);
    if (xml === null) return;
    const partName = `/${part.replace(/^\//, '')}`.toLowerCase();
    let out = xml;
    for (const child of childrenOf(xml, rootElement(xml)).reverse()) {
      if (child.name === 'Override' && attribute(child.open, 'PartName')?.toLowerCase() === partName)
        out = out.slice(0, child.start) + out.slice(child.end);
    }
    this.setText(CONTENT_TYPES, out);
  }

  /** Removes a part with its relationships file and content type. */
  removePart(part: string): void {
    const name = this.resolve(part);
    if (name === null) return;
    this.remove(OpcPackage.relsPartOf(name));
    this.remove(name);
    this.removeContentType(name);
  }
}

/** `xl/` + `worksheets/sheet1.xml` → `xl/worksheets/sheet1.xml`; `/xl/x.xml` is from the root; `..` goes up. */
export function resolveTarget(base: string, target: string): string {
  const path = target.startsWith('/') ? target.slice(1) : base + target;
  const out: string[] = [];
  for (const segment of decodeURIPath(path).split('/')) {
    if (segment === '..') out.pop();
    else if (segment !== '.' && segment !== '') out.push(segment);
  }
  return out.join('/');
}

function decodeURIPath(path: string): string {
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}
