// Installs dependencies when node_modules is missing or older than the lock file, then makes sure
// the Prisma client is generated. Shared by `npm start` and `npm test`, so both work on a fresh clone.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const mtime = (path) => (existsSync(path) ? statSync(path).mtimeMs : 0);

export function ensureInstalled(say = console.log) {
  if (!existsSync('node_modules/.package-lock.json') || mtime('package-lock.json') > mtime('node_modules/.package-lock.json')) {
    say('installing dependencies');
    const r = spawnSync('npm', ['install', '--no-audit', '--no-fund'], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error('npm install failed');
  }
  const r = spawnSync(process.execPath, ['scripts/prisma-generate.mjs'], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('generating the Prisma client failed');
}
