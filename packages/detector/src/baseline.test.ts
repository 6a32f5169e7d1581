// The baseline as the replay sees it: what the detector expects, learned online from the series.

import { generateSeries } from '../test/generate-series';
import { negativeBinomial, seededRandom } from '../test/random';
import { replay } from './replay';

const minute = 60_000;
const start = Date.UTC(2024, 0, 1); // a Monday

function rowsOf(counts: readonly (number | null)[], from = start) {
  return counts.flatMap((value, i) => (value === null ? [] : [{ at: from + i * minute, value }]));
}

function meanRelativeError(expected: number[], truth: number[], from: number, to: number): number {
  let sum = 0;
  for (let i = from; i < to; i++) sum += Math.abs(expected[i]! / truth[i]! - 1);
  return sum / (to - from);
}

describe('baseline', () => {
  it('learns the daily and weekly curve within a week, and follows a trend', () => {
    const g = generateSeries({ seed: 4, start, minutes: 14 * 1440, reportsPerMinute: 20, trendPerWeek: 0.3, burstsPerWeek: 0, gapsPerWeek: 0 });
    const expected = replay(rowsOf(g.counts)).rows.map((r) => r.expected);
    // Second week: the night trough and evening peak (3x apart) and +30 % a week are tracked.
    expect(meanRelativeError(expected, g.baseline, 7 * 1440, 14 * 1440)).toBeLessThan(0.08);
    const peak = 7 * 1440 + 19 * 60;
    const trough = 7 * 1440 + 7 * 60;
    expect(expected[peak]! / expected[trough]!).toBeCloseTo(g.baseline[peak]! / g.baseline[trough]!, 0);
  });

  it.each([
    ['a 500-report burst', (i: number) => (i === 0 ? 500 : null)],
    ['a 25-minute intake gap of zeros', (i: number) => (i >= 0 && i < 25 ? 0 : null)],
    ['three hours of outage at 10x', (i: number) => (i >= 0 && i < 180 ? 300 : null)],
  ])('is barely moved by %s', (_name, override) => {
    const g = generateSeries({ seed: 5, start, minutes: 9 * 1440, reportsPerMinute: 30, burstsPerWeek: 0, gapsPerWeek: 0 });
    const at = 7 * 1440 + 14 * 60;
    const counts = g.counts.map((x, i) => override(i - at) ?? x);
    const clean = replay(rowsOf(g.counts)).rows;
    const hit = replay(rowsOf(counts)).rows;
    // The day after, at the same time: the outage, burst or gap has not been learned.
    const next = at + 1440 - 60;
    for (let i = next; i < next + 240; i += 30) expect(Math.abs(hit[i]!.expected / clean[i]!.expected - 1)).toBeLessThan(0.05);
  });

  it('starts from a prior and reaches a new service level within hours', () => {
    const rnd = seededRandom(9);
    const counts = Array.from({ length: 6 * 60 }, () => negativeBinomial(rnd, 8, 0.05));
    const out = replay(rowsOf(counts)).rows;
    expect(out[0]!.expected).toBeCloseTo(0.05, 3);
    expect(out[0]!.score).toBe(0);
    expect(out.slice(0, 150).every((r) => !r.alert)).toBe(true);
    expect(Math.abs(out[5 * 60]!.expected / 8 - 1)).toBeLessThan(0.1);
  });

  it('follows a daylight-saving change when the series has a time zone', () => {
    // Reports follow Berlin's clock: a peak at 20:00 local, 19:00 UTC in winter and 18:00 in summer.
    const from = Date.UTC(2024, 2, 17); // two weeks before the change on 31 March
    const minutes = 17 * 1440;
    const rnd = seededRandom(11);
    const truth: number[] = [];
    const counts: number[] = [];
    for (let i = 0; i < minutes; i++) {
      const at = from + i * minute;
      const offsetHours = at >= Date.UTC(2024, 2, 31, 1) ? 2 : 1;
      const localHour = (at / 3_600_000 + offsetHours) % 24;
      const rate = 20 * (1 + 0.7 * Math.cos((2 * Math.PI * (localHour - 20)) / 24));
      truth.push(rate);
      counts.push(negativeBinomial(rnd, rate, 0.02));
    }
    const rows = rowsOf(counts, from);
    const utc = replay(rows).rows.map((r) => r.expected);
    const local = replay(rows, {}, { timeZone: 'Europe/Berlin' }).rows.map((r) => r.expected);
    // The first two days after the change: keyed by local time, the curve is already in place.
    const after = Math.round((Date.UTC(2024, 2, 31, 1) - from) / minute);
    const errLocal = meanRelativeError(local, truth, after, after + 2 * 1440);
    const errUtc = meanRelativeError(utc, truth, after, after + 2 * 1440);
    expect(errLocal).toBeLessThan(0.08);
    expect(errLocal).toBeLessThan(errUtc * 0.7);
  });
});
