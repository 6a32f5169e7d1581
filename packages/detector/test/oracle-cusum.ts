// The reference the detector is held to: Page's CUSUM for Poisson counts that knows the true
// baseline rate of every minute and the outage's ratio. No real detector knows either, so
// matching its delay at the same false-alarm rate is the bar.

// Bound once: inside a sandbox (jest's vm) every `Math.x` is a slow global lookup.
const { log, max } = Math;

/** Minute indexes where the CUSUM with threshold h alarms (restarting from 0 after each alarm). */
export function oracleAlarms(
  counts: readonly (number | null)[],
  baseline: readonly number[],
  ratio: number,
  h: number,
  from = 0,
  to = counts.length,
): number[] {
  const logRatio = log(ratio);
  const alarms: number[] = [];
  let s = 0;
  for (let i = from; i < to; i++) {
    const x = counts[i];
    if (x === null || x === undefined) continue;
    s = max(0, s + x * logRatio - (ratio - 1) * baseline[i]!);
    if (s >= h) {
      alarms.push(i);
      s = 0;
    }
  }
  return alarms;
}

/** Smallest threshold (to 0.1 %) giving at most `allowed` alarms over the given outage-free runs. */
export function tuneThreshold(
  runs: readonly { counts: readonly (number | null)[]; baseline: readonly number[]; from: number }[],
  ratio: number,
  allowed: number,
): number {
  const alarms = (h: number) => runs.reduce((n, r) => n + oracleAlarms(r.counts, r.baseline, ratio, h, r.from).length, 0);
  let lo = 0;
  let hi = 1;
  while (alarms(hi) > allowed) {
    hi *= 2;
    if (hi > 1e9) throw new Error('no threshold keeps the reference CUSUM quiet: is its baseline right?');
  }
  // At a high ratio the statistic may never leave 0 on outage-free data: any tiny threshold will do.
  for (let step = 0; step < 60 && hi - lo > hi * 0.001; step++) {
    const mid = (lo + hi) / 2;
    if (alarms(mid) > allowed) lo = mid;
    else hi = mid;
  }
  return hi;
}
