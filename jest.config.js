/** @type {import('jest').Config} */

// Workspace packages resolve to their TypeScript sources (the "source" export condition),
// so tests never need a build first.
const common = {
  testEnvironment: 'node',
  testEnvironmentOptions: { customExportConditions: ['source', 'node', 'require', 'default'] },
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: { module: 'commonjs', moduleResolution: 'node10', target: 'ES2022', esModuleInterop: true, isolatedModules: true } }] },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/apps/web/e2e/'],
  moduleNameMapper: { '^@outage-radar/(shared|db|detector|runtime)$': '<rootDir>/packages/$1/src/index.ts' },
};

const config = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,packages,prisma,scripts}/**/*.test.ts'], testPathIgnorePatterns: [...common.testPathIgnorePatterns, '\\.int\\.test\\.ts$'] },
    // Integration files start real servers and schemas, often while the other files load both cores:
    // a set-up that takes longer than Jest's 5 s is a slow machine, not a failure.
    { ...common, displayName: 'integration', testMatch: ['<rootDir>/{apps,packages,prisma,scripts}/**/*.int.test.ts'], testTimeout: 30_000 },
  ],
};
module.exports = config;
