import { resolveConfig } from './config';
import { windowDispersion } from './dispersion';
import { expectedCount } from './expected-count';
import { isImplausibleZero, learnBucket } from './learn-bucket';
import { createSeriesState, type SeriesState } from './series-state';

const c = resolveConfig();
const index = Date.UTC(2024, 0, 8, 12) / 60_000;

/** A settled series: flat profiles, level 10 a minute, well past warm-up. */
function settled(level = 10): SeriesState {
  return { ...createSeriesState(c), level, learned: 100_000 };
}

describe('learnBucket', () => {
  const s = settled();
  const expected = expectedCount(s, index, c);
  const sd = Math.sqrt(expected + expected * expected * windowDispersion(s, 1, c));
  const alpha = 1 / (c.levelMemoryMs / c.bucketMs);

  it.each([
    // count, how far the level moves (in reports/min)
    [10, 0],
    [13, 3 * alpha],
    [7, -3 * alpha],
    // A burst of 500 moves it no more than three standard deviations would.
    [500, 3 * sd * alpha],
    [40, 3 * sd * alpha],
    // A zero where zero is all but impossible is lost intake: not learned at all.
    [0, 0],
    [null, 0],
  ])('a count of %p moves the level by %f', (count, move) => {
    const draft = { ...s, dispersion: { ...s.dispersion } };
    learnBucket(draft, index, count, expected, c);
    expect(draft.level - s.level).toBeCloseTo(move, 6);
  });

  it('does not touch the state it was not given', () => {
    const draft = { ...s, dispersion: { ...s.dispersion } };
    learnBucket(draft, index, 30, expected, c);
    expect(s.level).toBe(10);
    expect(draft.learned).toBe(s.learned + 1);
    expect(draft.dayProfile).not.toBe(s.dayProfile);
  });

  it('learns a new series as a running mean, starting from the prior', () => {
    const fresh = createSeriesState(c);
    for (let i = 0; i < 30; i++) learnBucket(fresh, index + i, 4, expectedCount(fresh, index + i, c), c);
    // Thirty minutes of 4 reports against a prior of 0.05 weighing 5 minutes.
    expect(fresh.level).toBeGreaterThan(3.2);
    expect(fresh.level).toBeLessThan(4.1);
  });

  it.each([
    // count, expected, dispersion, implausible
    [0, 10, 0.05, true],
    [0, 2, 0.05, false],
    [0, 200, 0.5, true],
    [0, 5, 1, false],
    [1, 200, 0.05, false],
  ])('a count of %i against %f expected (φ %f) is lost intake: %s', (count, expected, dispersion, implausible) => {
    expect(isImplausibleZero(count, expected, dispersion)).toBe(implausible);
  });
});
