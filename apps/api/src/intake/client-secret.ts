import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The secret behind every client hash: from the environment when set, else from `file`, which is
 * created with a new random secret on first start (readable by this user only). It never goes into
 * the database, so a stolen database holds only hashes nobody can reverse.
 */
export function loadClientSecret(fromEnv: string | undefined, file: string): { secret: string; source: 'environment' | 'file' | 'generated' } {
  if (fromEnv) return { secret: fromEnv, source: 'environment' };
  try {
    const stored = readFileSync(file, 'utf8').trim();
    if (stored.length >= 32) return { secret: stored, source: 'file' };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const secret = randomBytes(32).toString('base64url');
  mkdirSync(dirname(file), { recursive: true });
  // `wx` fails if another process created it meanwhile: then theirs is the one to use.
  try {
    writeFileSync(file, `${secret}\n`, { flag: 'wx', mode: 0o600 });
    chmodSync(file, 0o600);
    return { secret, source: 'generated' };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    return { secret: readFileSync(file, 'utf8').trim(), source: 'file' };
  }
}
