#!/usr/bin/env node
// `npm test`: the whole suite on a fresh clone — lint, typecheck, unit, integration (real PostgreSQL
// and Redis), then the browser tests on the built app in Debian's chromium. Stops at the first
// failing stage and ends with one summary line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureInstalled } from './ensure-installed.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const say = (line) => console.log(`\n\u001b[1m▸ ${line}\u001b[0m`);
const started = Date.now();
const turbo = [process.execPath, 'node_modules/turbo/bin/turbo'];
const stages = [];
// Where the runners leave their counts, for the closing "N passed, N failed" line.
const jestResults = join(root, '.local/jest-results.json');
const browserResults = join(root, 'apps/web/playwright-report/results.json');
mkdirSync(join(root, '.local'), { recursive: true });
for (const file of [jestResults, browserResults]) rmSync(file, { force: true });

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/** Tests passed and failed across Jest and Playwright, as far as they ran. */
function tally() {
  const jest = readJson(jestResults);
  const browser = readJson(browserResults)?.stats;
  const passed = (jest?.numPassedTests ?? 0) + (browser ? browser.expected + browser.flaky : 0);
  const failed = (jest?.numFailedTests ?? 0) + (browser?.unexpected ?? 0);
  return `tests: ${passed} passed, ${failed} failed`;
}

function stage(name, command, args, env = {}) {
  say(name);
  const t0 = Date.now();
  const r = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  stages.push(`${name} ${r.status === 0 ? 'ok' : 'FAILED'} (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
  if (r.status !== 0) {
    console.log(`\n${stages.join('; ')}`);
    console.log(tally());
    console.log(`npm test: failed at "${name}" after ${((Date.now() - started) / 1000).toFixed(0)} s`);
    process.exit(r.status ?? 1);
  }
}

ensureInstalled((line) => say(line));
const chromium = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : null);
if (!chromium) {
  console.error('npm test: the browser tests need Chromium: install it with `apt-get install -y chromium` or set CHROMIUM_PATH');
  process.exit(1);
}

stage('format', process.execPath, ['node_modules/prettier/bin/prettier.cjs', '--check', '--log-level=warn', '.']);
stage('lint', turbo[0], [turbo[1], 'run', 'lint', '--output-logs=errors-only']);
stage('lint of scripts and seed', process.execPath, ['node_modules/eslint/bin/eslint.js', 'scripts', 'prisma', '*.mjs', '*.js', '*.ts']);
stage('typecheck of scripts', process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'scripts', '--noEmit']);
stage('typecheck of the seed', process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'prisma', '--noEmit']);
stage('typecheck', turbo[0], [turbo[1], 'run', 'typecheck', '--output-logs=errors-only']);
// Type-only imports count too: a cycle of types is still two modules that cannot be read apart.
stage('import cycles', 'npm', ['run', '--silent', 'check:cycles']);
// Files, exports and dependencies nothing uses (knip): dead code is read, kept and trusted by the next engineer for nothing.
stage('dead code', 'npm', ['run', '--silent', 'check:dead-code']);
// --forceExit: a test whose set-up failed can leave a server open, and the suite must still end
// (its failure is reported either way).
stage('unit and integration tests', process.execPath, ['node_modules/jest/bin/jest.js', '--ci', '--forceExit', '--json', `--outputFile=${jestResults}`]);
stage('build', turbo[0], [turbo[1], 'run', 'build', '--output-logs=errors-only']);
stage('browser tests', 'npm', ['run', 'test:e2e', '-w', '@outage-radar/web'], { CHROMIUM_PATH: chromium, PLAYWRIGHT_JSON_OUTPUT_FILE: browserResults });
console.log(`\n${stages.join('; ')}`);
console.log(tally());
console.log(`npm test: all stages passed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
