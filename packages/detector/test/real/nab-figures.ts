// The detector on real social-media volume: the ten Twitter series of the Numenta Anomaly
// Benchmark (5-minute counts of tweets naming a company, with labelled anomaly windows). The data
// is not shipped with the project; point this at a folder holding NAME.values blocks (see
// read-values.ts) or NAME.csv files, and labels.json ({"NAME": [[start, end], ...]}).
// Usage: npx tsx --conditions=source packages/detector/test/real/nab-figures.ts DIR [tune|held-out|both]
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSeries, parseTimestamp, replay } from '../../src/index';
import { readValueBlocks, type TimedValue } from './read-values';

const stepMs = 5 * 60_000;
const weekMs = 7 * 24 * 3_600_000;
export const tuneNames = ['AAPL', 'AMZN', 'CRM', 'CVS', 'FB'].map((n) => `Twitter_volume_${n}`);
export const heldOutNames = ['GOOG', 'IBM', 'KO', 'PFE', 'UPS'].map((n) => `Twitter_volume_${n}`);

function load(dir: string, name: string): TimedValue[] | null {
  const csv = join(dir, `${name}.csv`);
  const blocks = join(dir, 'raw', `${name}.values`);
  if (!existsSync(blocks)) return existsSync(csv) ? parseSeries(readFileSync(csv, 'utf8')).map((r) => ({ at: r.at, value: r.value })) : null;
  const rows = readValueBlocks(readFileSync(blocks, 'utf8'), stepMs);
  // Kept as CSV too, so that the backtest command can be run on it as an operator would.
  const stamp = (at: number) => new Date(at).toISOString().replace('T', ' ').slice(0, 19);
  writeFileSync(csv, ['timestamp,value', ...rows.map((r) => `${stamp(r.at)},${r.value}`)].join('\n') + '\n');
  return rows;
}

interface SeriesFigures {
  name: string;
  weeks: number;
  windows: number;
  windowsFound: number;
  onsetsOutside: number;
  alertShare: number;
  scoreZero: number;
  scoreOne: number;
  /** Per score threshold: onsets of score ≥ t outside windows (per week) and windows reached. */
  byThreshold: { t: number; outsidePerWeek: number; found: number }[];
  /** Chance that a row inside a labelled window scores above a row outside (ties count half). */
  auc: number;
}

function rowAuc(scores: readonly number[], positive: readonly boolean[]): number {
  const order = scores.map((s, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  let rankSum = 0;
  let pos = 0;
  for (let k = 0; k < order.length;) {
    let e = k;
    while (e + 1 < order.length && scores[order[e + 1]!] === scores[order[k]!]) e++;
    const rank = (k + e) / 2 + 1;
    for (let q = k; q <= e; q++)
      if (positive[order[q]!]) {
        rankSum += rank;
        pos++;
      }
    k = e + 1;
  }
  const neg = order.length - pos;
  return pos && neg ? (rankSum - (pos * (pos + 1)) / 2) / (pos * neg) : NaN;
}

const thresholds = [0.5, 0.9, 0.99, 0.999, 0.99999, 0.9999999];

function onsets(flags: readonly boolean[]): number[] {
  const out: number[] = [];
  flags.forEach((f, i) => {
    if (f && (i === 0 || !flags[i - 1])) out.push(i);
  });
  return out;
}

function measure(name: string, rows: TimedValue[], windows: [number, number][]): SeriesFigures {
  const r = replay(rows.map((x) => ({ at: x.at, value: x.value })));
  const inWindow = (i: number) => windows.some(([a, b]) => rows[i]!.at >= a && rows[i]!.at <= b);
  const alerts = r.rows.map((x) => x.alert);
  const count = (flags: boolean[]) => {
    const o = onsets(flags);
    return { outside: o.filter((i) => !inWindow(i)).length, found: windows.filter(([a, b]) => o.some((i) => rows[i]!.at >= a && rows[i]!.at <= b)).length };
  };
  const weeks = (rows.at(-1)!.at - rows[0]!.at + stepMs) / weekMs;
  const a = count(alerts);
  return {
    name,
    weeks,
    windows: windows.length,
    windowsFound: a.found,
    onsetsOutside: a.outside,
    alertShare: alerts.filter(Boolean).length / alerts.length,
    auc: rowAuc(
      r.rows.map((x) => x.score),
      rows.map((_, i) => inWindow(i)),
    ),
    scoreZero: r.rows.filter((x) => x.score === 0).length / r.rows.length,
    scoreOne: r.rows.filter((x) => x.score >= 0.99995).length / r.rows.length,
    byThreshold: thresholds.map((t) => {
      const c = count(r.rows.map((x) => x.score >= t));
      return { t, outsidePerWeek: c.outside / weeks, found: c.found };
    }),
  };
}

function print(title: string, figures: SeriesFigures[]): void {
  if (!figures.length) return;
  const weeks = figures.reduce((s, f) => s + f.weeks, 0);
  const outside = figures.reduce((s, f) => s + f.onsetsOutside, 0);
  const windows = figures.reduce((s, f) => s + f.windows, 0);
  const found = figures.reduce((s, f) => s + f.windowsFound, 0);
  console.log(`\n${title}: ${figures.length} series, ${weeks.toFixed(1)} series-weeks`);
  console.log(`  alert onsets outside labelled windows  ${outside} (${(outside / weeks).toFixed(2)} per series-week); windows found ${found} of ${windows}`);
  for (const f of figures) {
    console.log(
      `  ${f.name.replace('Twitter_volume_', '').padEnd(5)} ${f.weeks.toFixed(1)} wk  outside ${String(f.onsetsOutside).padStart(2)}  found ${f.windowsFound}/${f.windows}  in alert ${(100 * f.alertShare).toFixed(1)}%  score 0: ${(100 * f.scoreZero).toFixed(0)}%, ≥0.99995: ${(100 * f.scoreOne).toFixed(1)}%, row AUC ${f.auc.toFixed(3)}`,
    );
  }
  for (const [k, t] of thresholds.entries()) {
    const per = figures.reduce((s, f) => s + f.byThreshold[k]!.outsidePerWeek * f.weeks, 0) / weeks;
    const hit = figures.reduce((s, f) => s + f.byThreshold[k]!.found, 0);
    console.log(`  score ≥ ${t}: onsets outside windows ${per.toFixed(2)} per series-week, windows reached ${hit} of ${windows}`);
  }
}

const [dir, part = 'both'] = process.argv.slice(2);
if (!dir) throw new Error('usage: nab-figures.ts DIR [tune|held-out|both]');
const labels = JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')) as Record<string, [string, string][]>;
const run = (names: string[]) =>
  names.flatMap((name) => {
    const rows = load(dir, name);
    if (!rows) return [];
    const windows = (labels[name] ?? []).map(([a, b]) => [parseTimestamp(a)!, parseTimestamp(b)!] as [number, number]);
    return [measure(name, rows, windows)];
  });
if (part !== 'held-out') print('tuning part', run(tuneNames));
if (part !== 'tune') print('held-out part', run(heldOutNames));
