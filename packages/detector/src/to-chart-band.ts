/** The detector's expectation for one minute, and the top of its normal band where it was live. */
export interface MinuteBaseline {
  expected: number;
  high: number | null;
}

const minuteMs = 60_000;
const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * The normal band of one chart bucket of `minutes` minutes from `start`, from the detector's
 * per-minute baselines: expectations add up; the band's half-widths add as variances do. Minutes
 * the detector has no value for are filled in at the average of the known ones; a bucket with none
 * stays unknown. Without any band, the top is two Poisson standard deviations above.
 */
export function toChartBand(
  baselines: ReadonlyMap<number, MinuteBaseline>,
  start: number,
  minutes: number,
): { baseline: number | null; baselineHigh: number | null } {
  const known: MinuteBaseline[] = [];
  for (let i = 0; i < minutes; i++) {
    const b = baselines.get(start + i * minuteMs);
    if (b) known.push(b);
  }
  if (known.length === 0) return { baseline: null, baselineHigh: null };
  const expected = (known.reduce((s, b) => s + b.expected, 0) * minutes) / known.length;
  const withHigh = known.filter((b) => b.high !== null);
  const variance = withHigh.length ? (withHigh.reduce((s, b) => s + ((b.high ?? b.expected) - b.expected) ** 2, 0) * minutes) / withHigh.length : 0;
  const high = withHigh.length ? expected + Math.sqrt(variance) : expected + 2 * Math.sqrt(expected);
  return { baseline: round2(expected), baselineHigh: round2(high) };
}
