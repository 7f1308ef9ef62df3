#!/usr/bin/env node
// The `por-tables` command: loads the bundle built by `npm run build:cli` (run by `npm ci` too).
'use strict';
const path = require('node:path');

const bundle = path.join(__dirname, '..', 'dist', 'cli', 'por-tables.cjs');
let cli;
try {
  cli = require(bundle);
} catch (error) {
  if (error && error.code === 'MODULE_NOT_FOUND' && String(error.message).includes(bundle)) {
    const english = process.argv.some(
      (a, i, all) => a === '--lang=en' || (a === '--lang' && all[i + 1] === 'en'),
    );
    process.stderr.write(
      english
        ? 'por-tables: the command is not built yet: run `npm run build:cli` first\n'
        : 'por-tables: il comando non è ancora compilato: esegui prima `npm run build:cli`\n',
    );
  } else {
    process.stderr.write(`por-tables: ${String((error && error.message) || error).split('\n')[0]}\n`);
  }
  process.exit(2);
}

cli.main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`por-tables: ${String((error && error.message) || error).split('\n')[0]}\n`);
    process.exitCode = 2;
  },
);
