// Unit and integration tests. Real VMs live in test/e2e and run with `npm run test:e2e`.
const swc = [
  '@swc/jest',
  { jsc: { target: 'es2022', parser: { syntax: 'typescript' }, experimental: { keepImportAttributes: true } }, module: { type: 'es6' } },
];
export default {
  testEnvironment: 'node',
  // signal-exit (under execa) keeps one emitter on the global object for the whole process; Jest's
  // cleanup of globals between test files wraps it in setters that recurse until the stack overflows.
  testEnvironmentOptions: { globalsCleanup: 'off' },
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/', '<rootDir>/test/chaos/'],
  testTimeout: 60000,
};
