import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/generated/**', '**/.turbo/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Plain-JavaScript tools (scripts/*.mjs, configs) run on Node.
    files: ['**/*.mjs', '**/*.js', '**/*.cjs'],
    languageOptions: { globals: globals.node },
  },
  {
    // Rules that need the types: each file is read with the tsconfig of its package.
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // A promise nobody awaits fails where nobody hears it: a report answered 202 must not be lost that way.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read the environment in src/env.ts only.' }],
    },
  },
  {
    // The environment is read in one module per process; tools and tests may read it too.
    files: ['**/src/env.ts', '**/*.test.ts', '**/test/**', '**/e2e/**', '**/scripts/**', '**/*.config.*', 'prisma/**', '**/cli/**', '**/bench/**'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    // The detector is pure: no I/O, no clock, no environment.
    files: ['packages/detector/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['node:*', 'fs', 'path', 'ioredis', 'bullmq', '@prisma/*', 'pino', '@outage-radar/db'] }],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'The detector takes time as an argument.' },
      ],
    },
  },
);
