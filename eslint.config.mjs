// ESLint flat config. Each rule that differs from the recommended sets says why, in one line.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import officeAddins from 'eslint-plugin-office-addins';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  globalIgnores(['dist/', 'node_modules/', 'coverage/', 'test-results/', 'out/', '.tmp/', 'test/scratch/']),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      // `_name` marks a parameter a signature requires but this implementation does not use.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      // Type-only imports vanish under ts-loader/ts-jest transpileOnly; marking them keeps that explicit.
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'separate-type-imports', disallowTypeAnnotations: false },
      ],
      // `==` only where null and undefined are meant together; otherwise money comparisons must be exact.
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    // Office.js batches: load before read, sync after load, no sync in a loop (DESIGN.md). Only where
    // Excel.* lives: elsewhere (ExcelJS in src/cli) a `context` is not an Office request context.
    files: ['src/excel/**/*.{ts,tsx}', 'src/taskpane/**/*.{ts,tsx}'],
    plugins: { 'office-addins': officeAddins },
    rules: {
      'office-addins/call-sync-after-load': 'error',
      'office-addins/call-sync-before-read': 'error',
      'office-addins/load-object-before-read': 'error',
      // Warnings, as in the plugin's own recommended set: a deliberate exception (splitting a write
      // Excel refused for size) is allowed with an eslint-disable comment that says why.
      'office-addins/no-context-sync-in-loop': 'warn',
      'office-addins/no-empty-load': 'warn',
      'office-addins/no-navigational-load': 'warn',
      'office-addins/no-office-initialize': 'error',
      'office-addins/test-for-null-using-isNullObject': 'error',
    },
  },
  {
    // CommonJS files (webpack config, the bin shim, jest config) load their dependencies with require().
    files: ['**/*.cjs', 'webpack.config.js'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  // Last: turns off every stylistic rule that Prettier decides instead.
  prettier,
);
