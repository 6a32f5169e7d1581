// Prints the detector's figures on the wide synthetic corpus: the tuning part, the held-out part,
// or both. Usage: npx tsx --conditions=source packages/detector/test/corpus/world-figures.ts [tune|held-out|both]
import { measureWorld, referenceDelays, type WorldFigures } from './measure-world';
import { heldOutSeeds, tuneSeeds, worldSpec } from './world';

function countBy<T>(items: readonly T[], key: (t: T) => string): string {
  const counts = new Map<string, number>();
  for (const t of items) counts.set(key(t), (counts.get(key(t)) ?? 0) + 1);
  return (
    [...counts]
      .sort()
      .map(([k, n]) => `${k} ${n}`)
      .join(', ') || 'none'
  );
}

function print(name: string, f: WorldFigures, seeds: readonly number[]): void {
  const fixed = (x: number, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : '-');
  console.log(`\n${name}: ${f.series} series, ${fixed(f.serviceWeeks, 1)} service-weeks, ${f.outages.length} outages`);
  console.log(
    `  false outages per service-week  ${fixed(f.falsePerWeek, 3)} (${f.falseAlarms.length}); on outage-free series ${fixed(f.falsePerWeekOutageFree, 3)}`,
  );
  console.log(`  false outages by cause          ${countBy(f.falseAlarms, (a) => a.cause)}`);
  console.log(`  false outages by bucket         ${countBy(f.falseAlarms, (a) => `${a.bucketMinutes} min`)}`);
  const shortHistory = (seed: number) => worldSpec(seed).historyMinutes < 7 * 1440;
  const short = f.outages.filter((o) => shortHistory(o.seed));
  const shortFalse = f.falseAlarms.filter((a) => shortHistory(a.seed)).length;
  console.log(
    `  series with 2 days of history   false outages ${shortFalse}, outages found ${short.filter((o) => o.delay !== null).length} of ${short.length}`,
  );
  console.log(`  recall                          ${fixed(f.recall, 3)}; median delay ${fixed(f.medianDelay, 1)} min`);
  console.log(
    `  delay by shape (median, min)    ${[...new Set(f.outages.map((o) => o.shape))]
      .sort()
      .map((s) => {
        const d = f.outages
          .filter((o) => o.shape === s && o.delay !== null)
          .map((o) => o.delay!)
          .sort((a, b) => a - b);
        return `${s} ${d.length ? d[Math.floor(d.length / 2)]!.toFixed(0) : '-'}`;
      })
      .join(', ')}`,
  );
  const starts = f.outages.filter((o) => o.startError !== null).map((o) => o.startError!);
  const ends = f.outages.filter((o) => o.endLag !== null).map((o) => o.endLag!);
  const q = (xs: number[], p: number) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]! : NaN);
  console.log(`  recorded start before true      median ${fixed(q(starts, 0.5), 1)} min, range ${fixed(q(starts, 0), 1)} .. ${fixed(q(starts, 0.999), 1)}`);
  console.log(`  resolved after true end         median ${fixed(q(ends, 0.5), 1)} min, 90th ${fixed(q(ends, 0.9), 1)}`);
  const ref = referenceDelays(seeds, worldSpec, f);
  console.log(
    `  against the reference CUSUM     median delay ${fixed(ref.detector, 1)} vs ${fixed(ref.reference, 1)} min (ratio ${fixed(ref.detector / ref.reference)}, ${ref.pairs} outages)`,
  );
  for (const o of f.outages.filter((x) => x.delay === null))
    console.log(`  missed: seed ${o.seed} ${o.shape} ${o.ratio.toFixed(1)}x on ${o.reportsPerMinute.toFixed(2)}/min, ${o.bucketMinutes}-min buckets`);
  if (process.env.VERBOSE)
    for (const a of f.falseAlarms)
      console.log(`  false: seed ${a.seed} ${a.cause} at ${a.at.toFixed(0)} min, ${a.reportsPerMinute.toFixed(2)}/min, ${a.bucketMinutes}-min`);
}

const part = process.argv[2] ?? 'tune';
if (part === 'tune' || part === 'both') print('tuning part', measureWorld(tuneSeeds, worldSpec), tuneSeeds);
if (part === 'held-out' || part === 'both') print('held-out part', measureWorld(heldOutSeeds, worldSpec), heldOutSeeds);
