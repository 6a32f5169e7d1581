export interface FrameSummary {
  frames: number;
  /** Intervals between painted frames, ms. */
  p50: number;
  p95: number;
  max: number;
  /** Intervals long enough for a person to see the map stutter. */
  over50: number;
}

/** Frame-interval statistics from requestAnimationFrame timestamps (ms), rounded to 0.1 ms. */
export function summarizeFrames(timestamps: readonly number[]): FrameSummary {
  const intervals = timestamps
    .slice(1)
    .map((t, i) => t - timestamps[i]!)
    .sort((a, b) => a - b);
  const at = (q: number) => (intervals.length ? intervals[Math.min(intervals.length - 1, Math.floor(q * intervals.length))]! : 0);
  const round = (x: number) => Math.round(x * 10) / 10;
  return {
    frames: timestamps.length,
    p50: round(at(0.5)),
    p95: round(at(0.95)),
    max: round(intervals.at(-1) ?? 0),
    over50: intervals.filter((x) => x > 50).length,
  };
}
