/**
 * Builds the task pane (dist/taskpane.html) and the playground (dist/playground.html), after
 * Microsoft's Office add-in React template: `npm run build` for production, `npm run dev-server`
 * for https://localhost:3000 with the Office dev certificates.
 */
const fs = require('node:fs');
const path = require('node:path');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const { NormalModuleReplacementPlugin } = require('webpack');

const urlDev = 'https://localhost:3000/';
/** Where the production build is hosted; the copied manifest points there. Set ADDIN_URL to deploy. */
const urlProd = process.env.ADDIN_URL || urlDev;
const playgroundEntry = './src/playground/playground.tsx';

/**
 * The dev server's HTTPS options from the Office dev certificates (installed on first use). Loaded only
 * when serving: installing a local CA is not something a build may do. When they cannot be installed
 * (no sudo on Linux, CI), the server falls back to a self-signed certificate and says how to fix it.
 */
async function getHttpsOptions() {
  try {
    const devCerts = require('office-addin-dev-certs');
    const httpsOptions = await devCerts.getHttpsServerOptions();
    return {
      type: 'https',
      options: { ca: httpsOptions.ca, key: httpsOptions.key, cert: httpsOptions.cert },
    };
  } catch (error) {
    console.warn(
      `Office dev certificates unavailable (${String((error && error.message) || error).split('\n')[0]}); ` +
        'serving with a self-signed certificate. Run `npx office-addin-dev-certs install` for one Excel trusts.',
    );
    return { type: 'https' };
  }
}

/** Fails the build when a forbidden package ends up in the task pane (HyperFormula is for the playground only). */
class ForbidInChunkPlugin {
  constructor(chunkName, packages) {
    this.chunkName = chunkName;
    this.packages = packages;
  }

  apply(compiler) {
    compiler.hooks.afterCompile.tap('ForbidInChunkPlugin', (compilation) => {
      const found = new Map(); // package → first module that pulled it in
      for (const chunk of compilation.chunks) {
        if (chunk.name !== this.chunkName) continue;
        for (const module of compilation.chunkGraph.getChunkModulesIterable(chunk)) {
          const resource = module.resource || (module.rootModule && module.rootModule.resource) || '';
          for (const name of this.packages) {
            const inPackage = resource.includes(`${path.sep}node_modules${path.sep}${name}${path.sep}`);
            if (inPackage && !found.has(name)) found.set(name, resource);
          }
        }
      }
      for (const [name, resource] of found) {
        compilation.errors.push(
          new Error(`${name} must not be bundled into "${this.chunkName}" (first: ${resource})`),
        );
      }
    });
  }
}

module.exports = async (env, options) => {
  const dev = options.mode === 'development';
  const serving = Boolean(env && env.WEBPACK_SERVE);
  // The playground is written by another part of the project; build it whenever it is there.
  const withPlayground = fs.existsSync(path.resolve(__dirname, playgroundEntry));

  const config = {
    devtool: dev ? 'source-map' : false,
    entry: {
      taskpane: './src/taskpane/index.tsx',
      ...(withPlayground ? { playground: playgroundEntry } : {}),
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: '[name].js',
      // The runtime takes `globalThis` as it is, instead of a `new Function('return this')` fallback
      // that the pages' Content-Security-Policy (no 'unsafe-eval') forbids.
      environment: { globalThis: true },
      // dist/cli is the command line's bundle (npm run build:cli): a pane build must not delete it.
      clean: { keep: (asset) => /^cli([\\/]|$)/.test(asset) },
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: 'ts-loader', options: { transpileOnly: true } },
        },
        {
          // zod compiles parsers with `new Function`, which the pages' CSP forbids: see the loader.
          test: /[\\/]node_modules[\\/]zod[\\/].*\.m?js$/,
          use: path.resolve(__dirname, 'scripts/webpack/no-function-constructor-loader.cjs'),
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
      }),
      new HtmlWebpackPlugin({
        filename: 'help.html',
        template: './src/taskpane/help.html',
        chunks: [],
      }),
      ...(withPlayground
        ? [
            new HtmlWebpackPlugin({
              filename: 'playground.html',
              template: './src/playground/index.html',
              chunks: ['playground'],
            }),
          ]
        : []),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/icon-*.png', to: 'assets/[name][ext]' },
          {
            from: 'manifest.xml',
            to: '[name][ext]',
            transform(content) {
              return dev ? content : content.toString().replace(new RegExp(urlDev, 'g'), urlProd);
            },
          },
        ],
      }),
      new ForbidInChunkPlugin('taskpane', ['hyperformula']),
      // HyperFormula's parser library carries a code generator built on `new Function`, never called.
      new NormalModuleReplacementPlugin(/[\\/]generate[\\/]generate_public(\.js)?$/, (resource) => {
        if (/[\\/]chevrotain[\\/]/.test(resource.context || ''))
          resource.request = path.resolve(__dirname, 'src/playground/chevrotain-codegen-stub.js');
      }),
    ],
    performance: { hints: false },
    optimization: {
      // Each page loads one script: no shared vendor chunk to fetch separately.
      splitChunks: false,
    },
  };

  if (serving) {
    config.devServer = {
      // Everything is served from the in-memory build (pages, scripts, copied icons and manifest).
      static: false,
      headers: { 'Access-Control-Allow-Origin': '*' },
      // `--env http`: plain HTTP, enough for the playground, which needs no Office certificate.
      server: env && env.http ? { type: 'http' } : await getHttpsOptions(),
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
      hot: false,
    };
  }
  return config;
};
