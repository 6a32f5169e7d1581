// Prints the detection figures the README quotes:
//   npx tsx --conditions=source packages/detector/test/figures.ts
import { median } from './evaluate';
import { measureDetection, medianDelays } from './measure-detection';

const t0 = performance.now();
const f = measureDetection();
const round = (x: number | null) => (x === null ? '-' : Number(x.toFixed(2)));
console.log(`false outages: ${f.falseOutages} in ${f.serviceWeeks} service-weeks (${f.bursts} bursts)`, f.falseBySize);
console.table(
  f.cases.map((c) => ({
    size: c.size,
    shape: c.shape,
    seed: c.seed,
    'reports/min': c.reportsPerMinute,
    ratio: round(c.ratio),
    minutes: c.minutes,
    delay: round(c.delay),
    reference: c.oracleDelay ?? '-',
    'alert cover': round(c.alertCoverage),
    'record cover': round(c.recordCoverage),
    'service declared': c.serviceDeclared ?? '',
  })),
);
const m = medianDelays(f.cases);
console.log(`median delay ${m.detector} min, reference CUSUM ${m.reference} min, ratio ${(m.detector / m.reference).toFixed(2)}`);
for (const shape of new Set(f.cases.map((c) => c.shape))) {
  const s = medianDelays(f.cases.filter((c) => c.shape === shape));
  console.log(`  ${shape.padEnd(9)} median delay ${s.detector}, reference ${s.reference}`);
}
const cover = (xs: number[]) => `min ${round(Math.min(...xs))}, median ${round(median(xs))}`;
console.log(`record coverage, all outages: ${cover(f.cases.map((c) => c.recordCoverage))}`);
const long = f.cases.filter((c) => c.minutes >= 45 && c.reportsPerMinute >= 0.5);
console.log(`alert coverage, outages of 45 min or more at 0.5 reports/min or more (${long.length}): ${cover(long.map((c) => c.alertCoverage))}`);
console.log(`alert coverage, all outages: ${cover(f.cases.map((c) => c.alertCoverage))}`);
for (const size of new Set(f.cases.map((c) => c.size))) {
  const s = medianDelays(f.cases.filter((c) => c.size === size));
  console.log(`  ${size.padEnd(6)} median delay ${s.detector}, reference ${s.reference}`);
}
console.log(`measured in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
