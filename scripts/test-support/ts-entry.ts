import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const loader = pathToFileURL(join(__dirname, '../../node_modules/tsx/dist/loader.mjs')).href;

/**
 * Node's arguments to run a TypeScript entry point in one process, tsx as a loader. Not the tsx
 * command: it runs the program in a child and, when that child is slow to acknowledge a signal on a
 * busy machine, kills it, which defeats a graceful shutdown. `nodeFlags` go before the loader.
 */
export function tsEntry(entry: string, nodeFlags: readonly string[] = []): string[] {
  return [...nodeFlags, '--import', loader, '--conditions=source', entry];
}
