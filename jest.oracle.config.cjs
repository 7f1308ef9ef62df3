/** The LibreOffice oracle suite alone (needs `soffice`); `npm test` runs it when LibreOffice is installed. */
const base = require('./jest.config.cjs');
module.exports = {
  ...base,
  testMatch: ['**/test/cli/libreoffice.test.ts', '**/test/cli/libreoffice-patch.test.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  testTimeout: 180000,
};
