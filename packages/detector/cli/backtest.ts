// Offline replay of the detector over a CSV or JSON Lines series: the same tick the worker runs,
// one row at a time. Usage: npm run --silent backtest -- FILE.csv
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { formatBacktest, parseSeries, replay, SeriesFormatError, type SeriesRow } from '../src/index';

function fail(message: string): never {
  process.stderr.write(message.replace(/\s+/g, ' ').trim() + '\n');
  process.exit(1);
}

const file = process.argv[2];
if (!file) fail('usage: backtest FILE.csv|FILE.jsonl');

let text: string;
try {
  text = readFileSync(file, 'utf8');
} catch (err) {
  fail(`cannot read ${file}: ${(err as Error).message}`);
}

const ext = extname(file).toLowerCase();
let rows: SeriesRow[];
try {
  rows = parseSeries(text, ext === '.jsonl' || ext === '.ndjson' ? 'jsonl' : 'auto');
} catch (err) {
  if (err instanceof SeriesFormatError) fail(err.message);
  throw err;
}

process.stdout.write(formatBacktest(rows, replay(rows).rows));
