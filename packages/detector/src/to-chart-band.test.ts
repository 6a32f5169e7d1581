import { toChartBand } from './to-chart-band';

const minute = 60_000;

describe('the normal band of a chart bucket', () => {
  it('adds expectations and adds half-widths as variances', () => {
    const baselines = new Map([0, 1, 2, 3].map((i) => [i * minute, { expected: 1, high: 4 }]));
    // 4 minutes of 1 expected, each ±3: 4 expected, ±sqrt(4 × 9) = ±6.
    expect(toChartBand(baselines, 0, 4)).toEqual({ baseline: 4, baselineHigh: 10 });
  });

  it('fills minutes it lacks at the average of those it has, and knows nothing of a bucket with none', () => {
    const half = new Map([
      [0, { expected: 2, high: null }],
      [minute, { expected: 2, high: null }],
    ]);
    expect(toChartBand(half, 0, 4)).toEqual({ baseline: 8, baselineHigh: Math.round((8 + 2 * Math.sqrt(8)) * 100) / 100 });
    expect(toChartBand(half, 10 * minute, 4)).toEqual({ baseline: null, baselineHigh: null });
  });
});
