/** The task pane's page and build settings, checked offline (no webpack run). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

interface PluginLike {
  constructor: { name: string };
  userOptions?: { filename?: string; template?: string; chunks?: string[] };
}
interface ConfigLike {
  devtool: string | false;
  entry: Record<string, string>;
  performance: { hints: false | string };
  plugins: PluginLike[];
  module: { rules: { use: { loader: string; options: { transpileOnly: boolean } } }[] };
}
type ConfigFactory = (env: Record<string, unknown>, options: { mode: string }) => Promise<ConfigLike>;

// eslint-disable-next-line @typescript-eslint/no-require-imports
const factory = require('../../webpack.config.js') as ConfigFactory;

describe('taskpane.html', () => {
  const html = readFileSync(join(root, 'src', 'taskpane', 'taskpane.html'), 'utf8');

  it('loads office.js from Microsoft’s CDN, as Excel requires, and has the root the pane mounts in', () => {
    expect(html).toContain(
      '<script type="text/javascript" src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js">',
    );
    expect(html).toContain('<div id="root"></div>');
    expect(html).toMatch(/<meta name="viewport"/);
  });
});

describe('webpack config', () => {
  it('builds a light production pane: no source maps, transpile only, the pane page with its own chunk', async () => {
    const config = await factory({}, { mode: 'production' });
    expect(config.devtool).toBe(false);
    expect(config.performance.hints).toBe(false);
    expect(config.entry.taskpane).toBe('./src/taskpane/index.tsx');
    expect(config.module.rules[0].use).toEqual({ loader: 'ts-loader', options: { transpileOnly: true } });
    const pages = config.plugins
      .filter((p) => p.constructor.name === 'HtmlWebpackPlugin')
      .map((p) => p.userOptions);
    expect(pages.find((p) => p?.filename === 'taskpane.html')?.chunks).toEqual(['taskpane']);
    const playground = pages.find((p) => p?.filename === 'playground.html');
    if (playground) {
      expect(playground.chunks).toEqual(['playground']);
      // The playground brings its own Office: it must not load Microsoft's office.js.
      const template = readFileSync(join(root, playground.template ?? ''), 'utf8');
      expect(template).not.toContain('appsforoffice.microsoft.com');
    }
    expect(config.plugins.map((p) => p.constructor.name)).toContain('ForbidInChunkPlugin');
  });

  it('keeps source maps in development', async () => {
    expect((await factory({}, { mode: 'development' })).devtool).toBe('source-map');
  });
});
