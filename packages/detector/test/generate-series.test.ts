import { generateRegional, generateSeries, outageMultiplier } from './generate-series';

const start = Date.UTC(2024, 0, 1);
const week = 7 * 1440;

function mean(xs: readonly (number | null)[]): number {
  const known = xs.filter((x): x is number => x !== null);
  return known.reduce((a, b) => a + b, 0) / known.length;
}

describe('generateSeries', () => {
  it('is deterministic for a seed and different across seeds', () => {
    const spec = { seed: 1, start, minutes: 1440, reportsPerMinute: 3 };
    expect(generateSeries(spec).counts).toEqual(generateSeries(spec).counts);
    expect(generateSeries({ ...spec, seed: 2 }).counts).not.toEqual(generateSeries(spec).counts);
  });

  it.each([0.05, 3, 200])('averages about %f reports a minute over a week', (rate) => {
    const g = generateSeries({ seed: 3, start, minutes: week, reportsPerMinute: rate, burstsPerWeek: 0, gapsPerWeek: 0 });
    expect(mean(g.counts) / rate).toBeGreaterThan(0.85);
    expect(mean(g.counts) / rate).toBeLessThan(1.15);
  });

  it('has a night trough, an evening peak and quieter weekends', () => {
    const g = generateSeries({ seed: 4, start, minutes: week, reportsPerMinute: 50, burstsPerWeek: 0, gapsPerWeek: 0, dayToDay: 0 });
    expect(g.baseline[19 * 60]! / g.baseline[7 * 60]!).toBeGreaterThan(2);
    expect(g.baseline[5 * 1440 + 19 * 60]! / g.baseline[19 * 60]!).toBeCloseTo(0.85, 2);
  });

  it('is overdispersed: variance well above the mean, as a negative binomial', () => {
    const g = generateSeries({
      seed: 5,
      start,
      minutes: week,
      reportsPerMinute: 30,
      burstsPerWeek: 0,
      gapsPerWeek: 0,
      dailyAmplitude: 0,
      dayToDay: 0,
      weekendFactor: 1,
    });
    const m = mean(g.counts);
    const variance = g.counts.reduce<number>((s, x) => s + (x! - m) ** 2, 0) / g.counts.length;
    // φ = 0.05: variance = m + 0.05 m² = 75 at m = 30, 2.5 times Poisson.
    expect(variance / m).toBeGreaterThan(2);
    expect(variance / m).toBeLessThan(3);
  });

  it('places bursts, gaps and outages, and returns them as the truth', () => {
    const g = generateSeries({
      seed: 6,
      start,
      minutes: 2 * week,
      reportsPerMinute: 3,
      gapsPerWeek: 2,
      outages: [{ shape: 'abrupt', startMinute: 1000, minutes: 60, ratio: 20 }],
    });
    expect(g.outages).toEqual([{ start: 1000, end: 1060, shape: 'abrupt', ratio: 20 }]);
    expect(g.bursts.length).toBeGreaterThanOrEqual(4);
    // Gaps alternate: zeros (intake counted nothing), then missing minutes (no data at all).
    expect(g.gaps.length).toBeGreaterThanOrEqual(2);
    expect(g.counts.slice(g.gaps[0]!.start, g.gaps[0]!.end).every((x) => x === 0)).toBe(true);
    expect(g.counts.slice(g.gaps[1]!.start, g.gaps[1]!.end).every((x) => x === null)).toBe(true);
    expect(mean(g.counts.slice(1000, 1060)) / mean(g.baseline.slice(1000, 1060))).toBeGreaterThan(15);
    for (const b of g.bursts) {
      expect(b.ratio).toBeGreaterThanOrEqual(2);
      expect(b.ratio).toBeLessThanOrEqual(5);
      expect(b.end - b.start).toBeLessThanOrEqual(10);
    }
  });

  it.each([
    // minute into the outage, multiplier of a 10x ramp over 30 minutes lasting 90
    [-1, 1],
    [0, 1.3],
    [14, 5.5],
    [29, 10],
    [89, 10],
    [90, 1],
  ])('a ramp outage %i minutes in multiplies the baseline by %f', (minute, multiplier) => {
    expect(outageMultiplier({ shape: 'ramp', startMinute: 0, minutes: 90, ratio: 10, rampMinutes: 30 }, minute)).toBeCloseTo(multiplier, 5);
  });

  it('makes a regional series part of its service', () => {
    const { region, service } = generateRegional({ seed: 7, start, minutes: 1440, reportsPerMinute: 100, burstsPerWeek: 0, gapsPerWeek: 0 }, 0.05);
    expect(mean(region.counts) / mean(service.counts)).toBeCloseTo(0.05, 1);
    service.counts.forEach((x, i) => expect(x!).toBeGreaterThanOrEqual(region.counts[i]!));
  });
});
