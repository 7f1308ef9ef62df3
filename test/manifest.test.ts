/**
 * manifest.xml, offline: well-formed, top-level elements in schema order, every resource it names
 * resolvable (icons in assets/, pages built by webpack), every icon the size its name declares.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { PNG } from 'pngjs';
import { REQUIRED_EXCEL_API } from '../src/excel';

const root = join(__dirname, '..');
const manifestText = readFileSync(join(root, 'manifest.xml'), 'utf8');
const DEV_ORIGIN = 'https://localhost:3000/';

/** One element of fast-xml-parser's preserveOrder output: `{ tag: children, ':@': attributes }`. */
type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string> };

interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

function toElements(nodes: OrderedNode[]): XmlElement[] {
  const elements: XmlElement[] = [];
  for (const node of nodes) {
    const name = Object.keys(node).find((key) => key !== ':@');
    if (!name || name.startsWith('?') || name === '#text' || name === '#comment') continue;
    const childNodes = (node[name] as OrderedNode[]) ?? [];
    const text = childNodes
      .filter((child) => '#text' in child)
      .map((child) => String(child['#text']))
      .join('')
      .trim();
    elements.push({ name, attributes: node[':@'] ?? {}, children: toElements(childNodes), text });
  }
  return elements;
}

function descendants(element: XmlElement): XmlElement[] {
  return element.children.flatMap((child) => [child, ...descendants(child)]);
}

function parseManifest(): XmlElement {
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    commentPropName: '#comment',
  });
  const elements = toElements(parser.parse(manifestText) as OrderedNode[]);
  expect(elements).toHaveLength(1);
  return elements[0];
}

interface WebpackPluginLike {
  constructor: { name: string };
  userOptions?: { filename?: string; template?: string };
  patterns?: { from: string; to?: string }[];
}
type WebpackConfigFactory = (
  env: Record<string, unknown>,
  options: { mode: string },
) => Promise<{ plugins: WebpackPluginLike[] }>;

async function webpackPlugins(): Promise<WebpackPluginLike[]> {
  // The config is CommonJS, like Microsoft's template; jest runs this file as CommonJS too.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const factory = require('../webpack.config.js') as WebpackConfigFactory;
  const config = await factory({}, { mode: 'production' });
  return config.plugins;
}

const app = parseManifest();

describe('manifest.xml', () => {
  it('is well-formed XML', () => {
    expect(XMLValidator.validate(manifestText)).toBe(true);
  });

  it('is a task pane add-in for Excel with read/write access', () => {
    expect(app.name).toBe('OfficeApp');
    expect(app.attributes['xsi:type']).toBe('TaskPaneApp');
    const hosts = app.children.find((c) => c.name === 'Hosts');
    expect(hosts?.children.map((h) => h.attributes.Name)).toEqual(['Workbook']);
    expect(app.children.find((c) => c.name === 'Permissions')?.text).toBe('ReadWriteDocument');
    expect(app.children.find((c) => c.name === 'Id')?.text).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    );
  });

  it('lists the top-level elements in the order the schema requires', () => {
    expect(app.children.map((c) => c.name)).toEqual([
      'Id',
      'Version',
      'ProviderName',
      'DefaultLocale',
      'DisplayName',
      'Description',
      'IconUrl',
      'HighResolutionIconUrl',
      'SupportUrl',
      'AppDomains',
      'Hosts',
      'Requirements',
      'DefaultSettings',
      'Permissions',
      'VersionOverrides',
    ]);
  });

  it('is Italian by default with English overrides for name and description', () => {
    expect(app.children.find((c) => c.name === 'DefaultLocale')?.text).toBe('it-IT');
    const expected: Record<string, [RegExp, RegExp]> = {
      DisplayName: [/^POR Tables$/, /^POR Tables$/],
      Description: [
        /^Verifica, compila e riporta le tabelle finanziarie/,
        /^Checks?, fills? and reports? the financial tables/i,
      ],
    };
    for (const [name, [italian, english]] of Object.entries(expected)) {
      const element = app.children.find((c) => c.name === name);
      expect(element?.attributes.DefaultValue).toMatch(italian);
      const override = element?.children.find((c) => c.name === 'Override');
      expect(override?.attributes.Locale.toLowerCase()).toBe('en-us');
      expect(override?.attributes.Value).toMatch(english);
    }
  });

  it('requires the lowest ExcelApi set the Excel host needs, no more', () => {
    const sets = descendants(app.children.find((c) => c.name === 'Requirements') as XmlElement).filter(
      (e) => e.name === 'Set',
    );
    expect(sets.map((s) => [s.attributes.Name, s.attributes.MinVersion])).toEqual([
      ['ExcelApi', REQUIRED_EXCEL_API],
    ]);
  });

  it('opens the pane from a button on the Home tab', () => {
    const all = descendants(app);
    expect(all.find((e) => e.name === 'OfficeTab')?.attributes.id).toBe('TabHome');
    const action = all.find((e) => e.name === 'Action');
    expect(action?.attributes['xsi:type']).toBe('ShowTaskpane');
  });

  it('defines every resid it references', () => {
    const all = descendants(app);
    const defined = new Set(
      all
        .filter((e) => ['bt:Image', 'bt:Url', 'bt:String'].includes(e.name) && e.attributes.id)
        .map((e) => e.attributes.id),
    );
    const referenced = all.map((e) => e.attributes.resid).filter((id): id is string => Boolean(id));
    expect(referenced.length).toBeGreaterThan(0);
    expect(referenced.filter((id) => !defined.has(id))).toEqual([]);
  });

  it('points every local URL at a file in assets/ or a page the webpack build writes', async () => {
    const plugins = await webpackPlugins();
    const pages = plugins
      .filter((p) => p.constructor.name === 'HtmlWebpackPlugin')
      .map((p) => p.userOptions?.filename)
      .filter((name): name is string => Boolean(name));
    expect(pages).toContain('taskpane.html');
    const copied = plugins
      .filter((p) => p.constructor.name === 'CopyPlugin')
      .flatMap((p) => p.patterns ?? []);
    expect(copied.map((p) => p.from)).toContain('assets/icon-*.png');

    const urls = descendants(app)
      .flatMap((e) => [e.attributes.DefaultValue, e.attributes.Value, e.text])
      .filter((value): value is string => typeof value === 'string' && value.startsWith(DEV_ORIGIN));
    expect(urls.length).toBeGreaterThan(5);
    for (const url of new Set(urls)) {
      const path = url.slice(DEV_ORIGIN.length);
      if (path.startsWith('assets/')) {
        expect({ url, exists: existsSync(join(root, path)) }).toEqual({ url, exists: true });
        expect(path).toMatch(/^assets\/icon-\d+\.png$/);
      } else {
        expect({ url, built: pages.includes(path) }).toEqual({ url, built: true });
      }
    }
  });

  it('declares icons whose pixel size matches their id, size and file name', () => {
    const all = descendants(app);
    const iconFile = (url: string) => join(root, url.slice(DEV_ORIGIN.length));
    const pixelSize = (url: string) => {
      const png = PNG.sync.read(readFileSync(iconFile(url)));
      return [png.width, png.height];
    };
    const declared: { url: string; size: number }[] = [];
    for (const image of all.filter((e) => e.name === 'bt:Image' && e.attributes.DefaultValue)) {
      const match = /^Icon\.(\d+)x(\d+)$/.exec(image.attributes.id);
      expect(match).not.toBeNull();
      expect(match?.[1]).toBe(match?.[2]);
      declared.push({ url: image.attributes.DefaultValue, size: Number(match?.[1]) });
    }
    // Microsoft's sizes: IconUrl 32×32, HighResolutionIconUrl 64×64.
    declared.push({
      url: app.children.find((c) => c.name === 'IconUrl')?.attributes.DefaultValue ?? '',
      size: 32,
    });
    declared.push({
      url: app.children.find((c) => c.name === 'HighResolutionIconUrl')?.attributes.DefaultValue ?? '',
      size: 64,
    });
    for (const { url, size } of declared) {
      const fromName = /icon-(\d+)\.png$/.exec(url);
      expect({ url, nameSize: Number(fromName?.[1]) }).toEqual({ url, nameSize: size });
      expect({ url, pixels: pixelSize(url) }).toEqual({ url, pixels: [size, size] });
    }
    // Each control's <bt:Image size> agrees with the image it refers to.
    for (const ref of all.filter((e) => e.name === 'bt:Image' && e.attributes.resid)) {
      expect(ref.attributes.resid).toBe(`Icon.${ref.attributes.size}x${ref.attributes.size}`);
    }
  });

  it('has every icon the pane, the ribbon and the store use, at its real size', () => {
    for (const size of [16, 32, 64, 80, 128]) {
      const png = PNG.sync.read(readFileSync(join(root, 'assets', `icon-${size}.png`)));
      expect([png.width, png.height]).toEqual([size, size]);
    }
  });
});
