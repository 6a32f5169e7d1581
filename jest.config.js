/** @type {import('jest').Config} */

// Workspace packages resolve to their TypeScript sources (the "source" export condition),
// so tests never need a build first.
const common = {
  testEnvironment: 'node',
  testEnvironmentOptions: { customExportConditions: ['source', 'node', 'require', 'default'] },
  transform: {
    '^.+\\.tsx?$': [
      'ts-jest',
      { tsconfig: { module: 'commonjs', moduleResolution: 'node10', target: 'ES2022', esModuleInterop: true, isolatedModules: true } },
    ],
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/apps/web/e2e/'],
  moduleNameMapper: { '^@outage-radar/(shared|db|detector|runtime|counters)$': '<rootDir>/packages/$1/src/index.ts' },
};

const config = {
  // Integration files start real servers and schemas (the API loads a 400,000-row network table)
  // while the other files load both cores: a set-up slower than Jest's 5 s is a busy machine, not a
  // failure. Jest reads this from the top level only, not per project.
  testTimeout: 30_000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,packages,prisma,scripts}/**/*.test.ts'],
      testPathIgnorePatterns: [...common.testPathIgnorePatterns, '\\.int\\.test\\.ts$'],
    },
    { ...common, displayName: 'integration', testMatch: ['<rootDir>/{apps,packages,prisma,scripts}/**/*.int.test.ts'] },
  ],
};
module.exports = config;
