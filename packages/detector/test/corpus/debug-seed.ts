// Prints one corpus series around a minute of its test period: counts, baseline, score, alert.
// Usage: npx tsx --conditions=source packages/detector/test/corpus/debug-seed.ts SEED MINUTE [SPAN]
import { runWorld } from './measure-world';
import { generateWorld, worldSpec } from './world';

const [seed, minute, span = 40] = process.argv.slice(2).map(Number) as [number, number, number?];
const spec = worldSpec(seed!);
const series = generateWorld(spec);
const run = runWorld(series);
const per = spec.bucketMinutes;
const at = series.testFrom + Math.round(minute! / per);
console.log(JSON.stringify({ ...spec, outages: spec.outages.length }));
console.log(
  'declared',
  run.declared.filter((d) => Math.abs(d.detected - at) < 200).map((d) => ({ start: d.start - at, detected: d.detected - at, end: d.end - at })),
);
console.log(
  'benign',
  series.benign.filter((b) => Math.abs(b.from - at) < 300).map((b) => ({ ...b, from: b.from - at, to: b.to - at })),
);
for (let i = at - span!; i < at + span! / 2; i++) {
  console.log(i - at, series.counts[i], series.baseline[i]!.toFixed(2), run.expected[i]!.toFixed(2), run.scores[i]!.toFixed(3), run.alerts[i] ? 'ALERT' : '');
}
