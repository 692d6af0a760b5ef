export default {
  displayName: 'api-e2e',
  preset: '../../jest.preset.js',
  // Starts the built API on a fresh PostgreSQL database; every spec talks to it over HTTP.
  globalSetup: '<rootDir>/src/support/global-setup.ts',
  globalTeardown: '<rootDir>/src/support/global-teardown.ts',
  // Markers in the statement log, with E2E_LOG_STATEMENTS=1 only (src/support/statement-log.ts).
  setupFilesAfterEnv: ['<rootDir>/src/support/statement-log-markers.ts'],
  testEnvironment: 'node',
  testTimeout: 30_000,
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleFileExtensions: ['ts', 'js', 'html'],
  coverageDirectory: '../../coverage/api-e2e',
};
