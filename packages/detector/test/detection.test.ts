// What users feel, on synthetic series with known truth (see scenarios.ts): how soon an outage
// is declared, how much of it is covered, and how often one is declared that never was.

import { median } from './evaluate';
import { measureDetection, medianDelays, type DetectionFigures } from './measure-detection';

let figures: DetectionFigures;

beforeAll(() => {
  figures = measureDetection();
}, 120_000);

describe('detection on synthetic series', () => {
  it('opens an abrupt 20x outage on a mid-sized service within 2 minutes', () => {
    const mid = figures.cases.filter((c) => c.size === 'mid' && c.shape === 'abrupt');
    expect(mid.length).toBeGreaterThan(0);
    for (const c of mid) {
      expect(c.delay).not.toBeNull();
      expect(c.delay!).toBeLessThanOrEqual(2);
    }
  });

  it('declares at most 1 false outage per 10 service-weeks of outage-free data, bursts included', () => {
    expect(figures.serviceWeeks).toBeGreaterThanOrEqual(20);
    expect(figures.bursts).toBeGreaterThanOrEqual(2 * figures.serviceWeeks);
    expect(figures.falseOutages / figures.serviceWeeks).toBeLessThanOrEqual(0.1);
  });

  it('finds every outage of 5x or more lasting 10 minutes or more, and records at least 80 % of it', () => {
    for (const c of figures.cases) {
      expect({ ...c, found: c.delay !== null }).toMatchObject({ found: true });
      expect(c.ratio).toBeGreaterThanOrEqual(5);
      expect(c.minutes).toBeGreaterThanOrEqual(10);
      // The outage as recorded: start back-dated to where the excess began, end when it resolved.
      expect(c.recordCoverage).toBeGreaterThanOrEqual(0.8);
    }
  });

  // A burst may last 10 minutes: a 5x excess is held from about its 11th minute on, so an outage of
  // 45 minutes is covered from about 75 %.
  it('holds the alert over at least 75 % of every outage of 45 minutes or more on series of 0.5 reports/min or more', () => {
    const long = figures.cases.filter((c) => c.minutes >= 45 && c.reportsPerMinute >= 0.5);
    expect(long.length).toBeGreaterThan(20);
    for (const c of long) expect({ ...c, covered: c.alertCoverage >= 0.75 }).toMatchObject({ covered: true });
    // Shorter ones are held over most of their length too, once opened (a 20-minute 8x outage on a
    // quiet service cannot be told from a 10-minute viral burst for its first minutes).
    expect(median(figures.cases.map((c) => c.alertCoverage))).toBeGreaterThanOrEqual(0.85);
  });

  // The reference here is tuned to one false alarm in 30 service-weeks of this small corpus, and
  // knows the outage's ratio: it may open an 8x outage in 3 minutes that the detector must first tell
  // from a 10-minute burst. The 1.5x bound is held on the wide corpus (corpus/world.test.ts).
  it('keeps the median delay within 2.25x of a Poisson CUSUM that knows the true rates, at the same false-alarm rate', () => {
    const m = medianDelays(figures.cases);
    expect(figures.cases.filter((c) => c.oracleDelay === null)).toEqual([]);
    expect(m.detector / m.reference).toBeLessThanOrEqual(2.25);
  });

  it('finds a regional outage that the whole service barely shows', () => {
    const regional = figures.cases.filter((c) => c.shape === 'regional');
    expect(regional.every((c) => c.delay !== null)).toBe(true);
    // On large services the region is 3 % of the reports: its outage lifts the service by under 30 %.
    const quiet = regional.filter((c) => c.reportsPerMinute >= 0.5);
    expect(quiet.length).toBeGreaterThan(0);
    for (const c of quiet) expect(c.serviceDeclared).toBe(false);
  });
});
