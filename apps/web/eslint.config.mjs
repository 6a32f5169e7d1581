import reactHooks from 'eslint-plugin-react-hooks';
import root from '../../eslint.config.mjs';

// The repository's rules, plus the rules of hooks for the React code.
export default [
  ...root,
  { ignores: ['dist/**', 'test-results/**', 'playwright-report/**', 'screenshots/**'] },
  { files: ['src/**/*.{ts,tsx}'], ...reactHooks.configs.flat['recommended-latest'] },
];
