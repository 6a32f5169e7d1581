// The wide synthetic corpus (world.ts), tuning part: what the held-out series are judged by.
import { measureWorld, referenceDelays, type WorldFigures } from './measure-world';
import { tuneSeeds, worldSpec } from './world';

let figures: WorldFigures;

beforeAll(() => {
  figures = measureWorld(tuneSeeds, worldSpec);
}, 180_000);

describe('detection on the wide corpus', () => {
  it('declares at most 0.1 false outages per service-week, on heavy tails, shifts, holidays, bursts and news surges', () => {
    expect(figures.serviceWeeks).toBeGreaterThan(50);
    expect(figures.falsePerWeek).toBeLessThanOrEqual(0.1);
  });

  it('finds at least 95 % of outages, of every shape', () => {
    expect(figures.recall).toBeGreaterThanOrEqual(0.95);
    const shapes = new Set(figures.outages.map((o) => o.shape));
    expect(shapes.size).toBe(6);
  });

  it('keeps the median delay within 1.5x of a Poisson CUSUM that knows the true rates, at the same false-alarm rate', () => {
    const d = referenceDelays(tuneSeeds, worldSpec, figures);
    expect(d.pairs).toBeGreaterThan(20);
    expect(d.detector / d.reference).toBeLessThanOrEqual(1.5);
  });

  it('dates an outage from where its excess began, not before, and resolves it soon after the counts are back', () => {
    const dated = figures.outages.filter((o) => o.startError !== null);
    // Back-dated by at most a bucket and a half before the true first minute of excess (a ramp's
    // first minutes are indistinguishable from noise, so later is allowed).
    for (const o of dated) expect(o.startError!).toBeLessThanOrEqual(1.5 * o.bucketMinutes + 1);
    const lags = figures.outages
      .filter((o) => o.endLag !== null && o.bucketMinutes === 1)
      .map((o) => o.endLag!)
      .sort((a, b) => a - b);
    expect(lags[Math.floor(lags.length / 2)]!).toBeLessThanOrEqual(15);
  });
});
