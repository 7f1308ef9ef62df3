/**
 * Just enough XML to patch the parts of an .xlsx as text: find an element's span, read and set an
 * attribute, escape. The patcher replaces the few spans it changes and copies every other byte of
 * a part as it was, which a parse-and-serialise round trip would not (namespaces, `mc:Ignorable`,
 * extension lists, whitespace).
 */

/** One element of a part: `start`…`end` is its whole text, `open` its start tag. */
export interface ElementSpan {
  /** Local name, without the namespace prefix. */
  name: string;
  start: number;
  end: number;
  /** The start tag, `<c r="A1" s="3">` (or the whole empty element `<c r="A1"/>`). */
  open: string;
  /** Offset just after the start tag; the content runs from here to `closeStart`. */
  contentStart: number;
  /** Offset of the end tag (`end` for an empty element). */
  closeStart: number;
}

// A tag: `<` then name, then attributes whose quoted values may hold `>`.
const TAG = /<(\/?)([A-Za-z_][\w.:-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g;
const SKIP = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>/y;

function localName(qualified: string): string {
  const colon = qualified.indexOf(':');
  return colon < 0 ? qualified : qualified.slice(colon + 1);
}

/**
 * The child elements of the content between `from` and `to` (the element nesting is followed, so
 * only direct children are listed).
 */
export function childElements(
  xml: string,
  from: number,
  to: number,
  opaque: readonly string[] = [],
): ElementSpan[] {
  const children: ElementSpan[] = [];
  let depth = 0;
  let current: { name: string; start: number; open: string; contentStart: number } | null = null;
  let at = from;
  while (at < to) {
    const lt = xml.indexOf('<', at);
    if (lt < 0 || lt >= to) break;
    SKIP.lastIndex = lt;
    const skipped = SKIP.exec(xml);
    if (skipped) {
      at = SKIP.lastIndex;
      continue;
    }
    TAG.lastIndex = lt;
    const tag = TAG.exec(xml);
    if (!tag || tag.index !== lt) {
      at = lt + 1;
      continue;
    }
    at = TAG.lastIndex;
    const [text, closing, qname, , empty] = tag;
    if (closing) {
      depth--;
      if (depth === 0 && current) {
        children.push({ ...current, end: at, closeStart: lt });
        current = null;
      }
      continue;
    }
    if (depth === 0) {
      if (empty) {
        children.push({
          name: localName(qname),
          start: lt,
          end: at,
          open: text,
          contentStart: at,
          closeStart: at,
        });
        continue;
      }
      current = { name: localName(qname), start: lt, open: text, contentStart: at };
      if (opaque.includes(current.name)) {
        // Content not walked (a sheet's cells): its end tag is the first one of its name.
        const close = xml.indexOf(`</${qname}>`, at);
        if (close < 0 || close >= to) break;
        at = close + qname.length + 3;
        children.push({ ...current, end: at, closeStart: close });
        current = null;
        continue;
      }
    }
    if (!empty) depth++;
  }
  return children;
}

/** The document's root element (its end tag is the part's last one); throws when the part holds none. */
export function rootElement(xml: string): ElementSpan & { prefix: string } {
  let at = 0;
  for (;;) {
    const lt = xml.indexOf('<', at);
    if (lt < 0) throw new Error('the part holds no XML element');
    SKIP.lastIndex = lt;
    if (SKIP.exec(xml)) {
      at = SKIP.lastIndex;
      continue;
    }
    TAG.lastIndex = lt;
    const tag = TAG.exec(xml);
    if (!tag || tag.index !== lt || tag[1]) throw new Error('the part holds no XML element');
    const [open, , qname, , empty] = tag;
    const colon = qname.indexOf(':');
    const prefix = colon < 0 ? '' : qname.slice(0, colon + 1);
    const contentStart = lt + open.length;
    if (empty)
      return {
        name: localName(qname),
        start: lt,
        end: contentStart,
        open,
        contentStart,
        closeStart: contentStart,
        prefix,
      };
    const closeStart = xml.lastIndexOf(`</${qname}`);
    if (closeStart < contentStart) throw new Error(`the part's root element <${qname}> is not closed`);
    const end = xml.indexOf('>', closeStart) + 1;
    return { name: localName(qname), start: lt, end, open, contentStart, closeStart, prefix };
  }
}

/** The children of `parent`. */
export function childrenOf(xml: string, parent: ElementSpan, opaque: readonly string[] = []): ElementSpan[] {
  return childElements(xml, parent.contentStart, parent.closeStart, opaque);
}

/** The value of an attribute of a start tag (unescaped), or `undefined`. */
export function attribute(open: string, name: string): string | undefined {
  const m = new RegExp(`\\s${escapeRegExp(name)}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(open);
  if (!m) return undefined;
  return unescapeXml(m[2] ?? m[3] ?? '');
}

/** The start tag with the attribute set (added before the tag's end when missing), or removed when `value` is `undefined`. */
export function withAttribute(open: string, name: string, value: string | undefined): string {
  const pattern = new RegExp(`\\s${escapeRegExp(name)}\\s*=\\s*("[^"]*"|'[^']*')`);
  if (value === undefined) return open.replace(pattern, '');
  const text = ` ${name}="${escapeXml(value)}"`;
  if (pattern.test(open)) return open.replace(pattern, text);
  const end = open.endsWith('/>') ? open.length - 2 : open.length - 1;
  return `${open.slice(0, end).replace(/\s+$/, '')}${text}${open.slice(end)}`;
}

/** The text content of an element (entities unescaped); for elements with children, their text too. */
export function textOf(xml: string, span: ElementSpan): string {
  return unescapeXml(xml.slice(span.contentStart, span.closeStart).replace(/<[^>]*>/g, ''));
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Text for an element's content: XML-escaped, and the control characters XML 1.0 cannot hold
 * written as Excel writes them, `_x0001_` (a literal `_x…_` is itself escaped, as Excel does).
 */
export function escapeCellText(text: string): string {
  return escapeXml(
    text.replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1').replace(
      // eslint-disable-next-line no-control-regex
      /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g,
      (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`,
    ),
  );
}

export function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, entity: string) => {
    switch (entity) {
      case 'amp':
        return '&';
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
      default:
        return String.fromCodePoint(
          entity.startsWith('#x') ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10),
        );
    }
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A text edit of a part: replace `start`…`end` with `text`. */
export interface Splice {
  start: number;
  end: number;
  text: string;
}

/** Applies non-overlapping edits; edits at the same offset keep their order. */
export function applySplices(xml: string, splices: Splice[]): string {
  const sorted = splices
    .map((splice, order) => ({ ...splice, order }))
    .sort((a, b) => a.start - b.start || a.order - b.order);
  let out = '';
  let at = 0;
  for (const splice of sorted) {
    out += xml.slice(at, splice.start) + splice.text;
    at = Math.max(at, splice.end);
  }
  return out + xml.slice(at);
}

/**
 * Where a new child goes in an element whose children follow a schema sequence: before the first
 * existing child that comes after it in `order`, else at the end of the content.
 */
export function insertionPoint(
  children: ElementSpan[],
  order: readonly string[],
  name: string,
  contentEnd: number,
): number {
  const rank = order.indexOf(name);
  for (const child of children) {
    const childRank = order.indexOf(child.name);
    if (childRank > rank) return child.start;
  }
  return contentEnd;
}
