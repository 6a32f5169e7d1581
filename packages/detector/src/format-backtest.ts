import type { SeriesRow } from './parse-series';
import type { ReplayResult } from './replay';

/** The backtest CSV: `timestamp,value,expected,score,alert`, one line per row, timestamp as given. */
export function formatBacktest(rows: readonly SeriesRow[], results: readonly ReplayResult[]): string {
  const lines = ['timestamp,value,expected,score,alert'];
  rows.forEach((row, i) => {
    const r = results[i]!;
    lines.push(`${row.timestamp},${row.value},${Number(r.expected.toFixed(4))},${Number(r.score.toPrecision(10))},${r.alert ? 1 : 0}`);
  });
  return lines.join('\n') + '\n';
}
