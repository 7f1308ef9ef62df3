/** Jest: TypeScript through ts-jest (transpile only; `npm run typecheck` does the types). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  testPathIgnorePatterns: ['/node_modules/', '/test/e2e/'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { isolatedModules: true, tsconfig: { module: 'commonjs', jsx: 'react-jsx', esModuleInterop: true, resolveJsonModule: true } }],
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
};
