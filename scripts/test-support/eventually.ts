import { setTimeout as delay } from 'node:timers/promises';

/**
 * Calls `check` every `everyMs` (default 100) until it returns true or `withinMs` have passed;
 * resolves whether it did. For state that has no event to await (a row count, a key in Redis).
 */
export async function eventually(check: () => Promise<boolean>, withinMs: number, everyMs = 100): Promise<boolean> {
  const until = Date.now() + withinMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() >= until) return false;
    await delay(everyMs);
  }
}
