// Gzipped JavaScript that the live map's first load needs: the entry chunk, the map page's chunk
// and every chunk either imports statically (lazy imports are left out: they load later, if ever).
// Reads Vite's manifest, prints a table, writes dist/bundle-size.json, exits 1 over the budget.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const budgetBytes = 300_000;
const routeModule = 'src/map/map-page.tsx';
const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');

const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'));
const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry);
if (!entryKey) throw new Error('no entry chunk in the Vite manifest');
if (!manifest[routeModule]) throw new Error(`${routeModule} is not a chunk of its own: is the map page still lazy-loaded?`);

const keys = new Set();
const visit = (key) => {
  if (keys.has(key)) return;
  const chunk = manifest[key];
  if (!chunk) throw new Error(`manifest has no chunk "${key}"`);
  keys.add(key);
  for (const imported of chunk.imports ?? []) visit(imported);
};
visit(entryKey);
visit(routeModule);

const files = [...new Set([...keys].map((key) => manifest[key].file).filter((file) => file.endsWith('.js')))].map((file) => {
  const source = readFileSync(join(dist, file));
  return { file, bytes: source.length, gzipBytes: gzipSync(source, { level: 9 }).length };
});
files.sort((a, b) => b.gzipBytes - a.gzipBytes);
const totalGzipBytes = files.reduce((sum, f) => sum + f.gzipBytes, 0);
const totalBytes = files.reduce((sum, f) => sum + f.bytes, 0);
const kb = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;

for (const f of files) console.log(`${kb(f.gzipBytes).padStart(10)} gzip  ${kb(f.bytes).padStart(10)}  ${f.file}`);
const within = totalGzipBytes <= budgetBytes;
console.log(`map route first load: ${kb(totalGzipBytes)} gzipped JavaScript (budget ${kb(budgetBytes)}) ${within ? 'OK' : 'OVER BUDGET'}`);

writeFileSync(join(dist, 'bundle-size.json'), `${JSON.stringify({ route: '/map', budgetBytes, totalGzipBytes, totalBytes, within, files }, null, 2)}\n`);
if (!within) process.exit(1);
