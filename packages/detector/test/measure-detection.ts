// Everything the detection tests assert and the README reports, measured in one place:
// outage-free weeks for false outages, one outage per case for delay and coverage, and the
// reference CUSUM tuned on the same outage-free weeks.

import type { DetectorConfig } from '../src/index';
import { falseOutages, measureOutage, median, runSeries, type Found } from './evaluate';
import type { OutageShape } from './generate-series';
import { oracleAlarms, tuneThreshold } from './oracle-cusum';
import { outageCase, outageFreeCase, regionShare, shapes, sizes, type OutageCase, type Size } from './scenarios';

export const freeSeeds = [1, 2, 3, 4, 5, 6];
export const caseSeeds = [1, 2];

export interface CaseResult extends Found {
  size: Size['name'];
  shape: OutageShape;
  seed: number;
  ratio: number;
  minutes: number;
  reportsPerMinute: number;
  /** Delay of the reference CUSUM (minutes), null if it never alarmed during the outage. */
  oracleDelay: number | null;
  /** For a regional outage: did the whole-service series declare an outage during it? */
  serviceDeclared: boolean | null;
}

export interface DetectionFigures {
  serviceWeeks: number;
  falseOutages: number;
  falseBySize: Record<string, number>;
  bursts: number;
  cases: CaseResult[];
}

function oracleDelay(c: OutageCase, freeRuns: { counts: (number | null)[]; baseline: number[]; from: number }[], allowed: number): number | null {
  const h = tuneThreshold(freeRuns, c.spec.ratio, allowed);
  const start = c.spec.startMinute;
  // Start a day early so the statistic is in its usual state; alarms before the outage do not count.
  const alarms = oracleAlarms(c.series.counts, c.series.baseline, c.spec.ratio, h, start - 1440, start + c.spec.minutes);
  const first = alarms.find((i) => i >= start);
  return first === undefined ? null : first + 1 - start;
}

export function measureDetection(config: Partial<DetectorConfig> = {}): DetectionFigures {
  const falseBySize: Record<string, number> = {};
  const freeBySize = new Map<string, { counts: (number | null)[]; baseline: number[]; from: number }[]>();
  let bursts = 0;
  for (const size of sizes) {
    falseBySize[size.name] = 0;
    const runs = freeSeeds.map((seed) => outageFreeCase(size, seed));
    for (const f of runs) {
      falseBySize[size.name]! += falseOutages(runSeries(f.series, config), [], f.from).length;
      bursts += f.series.bursts.filter((b) => b.start >= f.from).length;
    }
    freeBySize.set(
      size.name,
      runs.map((f) => ({ counts: f.series.counts, baseline: f.series.baseline, from: f.from })),
    );
  }
  const cases: CaseResult[] = [];
  for (const size of sizes) {
    for (const shape of Object.keys(shapes) as OutageShape[]) {
      // A region of a tiny service gets a report a day: nothing to detect.
      if (shape === 'regional' && size.name === 'tiny') continue;
      const pool =
        shape === 'regional'
          ? freeSeeds
              .map((seed) => outageFreeCase(size, seed, regionShare))
              .map((f) => ({ counts: f.series.counts, baseline: f.series.baseline, from: f.from }))
          : freeBySize.get(size.name)!;
      for (const seed of caseSeeds) {
        const c = outageCase(size, shape, seed);
        const truth = { start: c.spec.startMinute, end: c.spec.startMinute + c.spec.minutes };
        const found = measureOutage(truth, runSeries(c.series, config));
        const serviceDeclared = c.service ? runSeries(c.service, config).declared.some((d) => d.detected >= truth.start && d.detected < truth.end) : null;
        cases.push({
          ...found,
          size: size.name,
          shape,
          seed,
          ratio: c.spec.ratio,
          minutes: c.spec.minutes,
          reportsPerMinute: size.reportsPerMinute * (shape === 'regional' ? regionShare : 1),
          // The same false-alarm rate as the detector on the same outage-free data.
          oracleDelay: oracleDelay(c, pool, shape === 'regional' ? 0 : falseBySize[size.name]!),
          serviceDeclared,
        });
      }
    }
  }
  return { serviceWeeks: sizes.length * freeSeeds.length, falseOutages: Object.values(falseBySize).reduce((a, b) => a + b, 0), falseBySize, bursts, cases };
}

/** Median delays of the detector and the reference over all cases they both detected. */
export function medianDelays(cases: readonly CaseResult[]): { detector: number; reference: number } {
  return {
    detector: median(cases.flatMap((c) => (c.delay === null ? [] : [c.delay]))),
    reference: median(cases.flatMap((c) => (c.oracleDelay === null ? [] : [c.oracleDelay]))),
  };
}
