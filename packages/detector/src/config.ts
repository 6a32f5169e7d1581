const minuteMs = 60_000;

/**
 * Everything the detector can be tuned with. Times in ms, rates in reports per minute.
 * The defaults are the ones the README's figures were measured with.
 */
export interface DetectorConfig {
  /** Length of one bucket of counts (one minute in the worker; the backtest infers it). */
  bucketMs: number;
  /** A bucket is committed to history only this long after it ends, so late reports still count. */
  closeDelayMs: number;
  /** Windows scored at every tick, ending now (the partial bucket included). */
  windowsMs: number[];
  /** Buckets are learned from this long after they close, once an outage had time to claim them. */
  learnLagMs: number;
  /** Memory of the level (trend) factor, and the fewest reports it averages over. */
  levelMemoryMs: number;
  levelMemoryReports: number;
  /**
   * Memory of the slow level: an outage must also be openRatio above it, so that a return to normal
   * after a dip (a holiday, a quiet weekend, a partial intake gap) is not an outage.
   */
  levelSlowMs: number;
  /** Memory of the time-of-day profile, longer for quiet series so each slot averages dayMemoryReports. */
  dayMemoryDays: number;
  dayMemoryReports: number;
  /** Memory of the time-of-week profile. */
  weekMemoryWeeks: number;
  /** Profile slot length; the profile is interpolated between slot centres. */
  slotMs: number;
  /** Expected rate of a series with no history, and how many minutes of data it weighs. */
  priorReportsPerMinute: number;
  priorWeightMinutes: number;
  /** Baseline uncertainty of a new series (as dispersion), halved after this much history. */
  newSeriesDispersion: number;
  newSeriesHalfLifeMs: number;
  /** Lower bound of the modelled dispersion at the window scale (baseline error never vanishes). */
  minDispersion: number;
  /** CUSUM: the excess it is tuned to find (ratio to the baseline, and at least this many extra reports per minute). */
  cusumRatio: number;
  cusumMinExcessPerMinute: number;
  /** The CUSUM forgets with this time constant (e^(-bucket/memory) a bucket). */
  cusumMemoryMs: number;
  /**
   * An outage opens only once its CUSUM is above the envelopeRank-th largest excursion of the last
   * envelopeMs: a series whose surges are often large (news, bots, a viral service) must surge more
   * than it usually does. At most about envelopeRank surges per envelopeMs can open on a series
   * that never breaks, whatever its tails look like.
   */
  envelopeRank: number;
  envelopeMs: number;
  /** The share of that excursion an outage's CUSUM must reach (1 = all of it). */
  envelopeShare: number;
  /** Phase thresholds on the score. */
  suspectAt: number;
  openAt: number;
  /** No outage before this much history, nor with fewer excess reports than this in the deciding window. */
  warmupMs: number;
  /** Before this much history only a flood opens an outage: the daily cycle has not been seen yet. */
  floodOnlyMs: number;
  minExcessReports: number;
  /** Benign bursts (a viral post) reach up to burstRatio × baseline for up to burstMs. */
  burstRatio: number;
  burstMs: number;
  /** p-values for: a flood beyond any burst, an excess outlasting a burst, an excess still present. */
  floodP: number;
  sustainP: number;
  holdP: number;
  /** An open outage holds while any window up to this long is in excess. */
  holdMs: number;
  /** Smallest ratio to the baseline that counts as an excess when holding an outage. */
  excessRatio: number;
  /**
   * Effect size an outage must have to open: this multiple of the baseline since the excess began
   * (and since a burst would have ended), besides minExcessReports. Tiny wobbles of huge services
   * are significant and still not outages.
   */
  openRatio: number;
  /** Suspected falls back to normal after this long without a high score. */
  quietMs: number;
  /** Recovering resolves after this long without excess; resolved returns to normal after cooldownMs. */
  resolveAfterMs: number;
  cooldownMs: number;
  /** Past this, an outage's buckets are learned again: a lasting new level becomes the baseline. */
  maxExcludeMs: number;
  /** Expected counts are floored at this rate, so a silent night still has a finite ratio. */
  minReportsPerMinute: number;
}

export const defaultConfig: DetectorConfig = {
  bucketMs: minuteMs,
  closeDelayMs: 10_000,
  windowsMs: [1, 2, 5, 15, 60].map((m) => m * minuteMs),
  learnLagMs: 30 * minuteMs,
  levelMemoryMs: 6 * 60 * minuteMs,
  levelMemoryReports: 400,
  levelSlowMs: 3 * 24 * 60 * minuteMs,
  dayMemoryDays: 7,
  dayMemoryReports: 60,
  weekMemoryWeeks: 4,
  slotMs: 15 * minuteMs,
  priorReportsPerMinute: 0.05,
  priorWeightMinutes: 5,
  newSeriesDispersion: 0.5,
  newSeriesHalfLifeMs: 12 * 60 * minuteMs,
  minDispersion: 0.004,
  cusumRatio: 3,
  cusumMinExcessPerMinute: 0.5,
  cusumMemoryMs: 15 * minuteMs,
  envelopeRank: 3,
  envelopeShare: 1,
  envelopeMs: 28 * 24 * 60 * minuteMs,
  // score = (1 - p)^6 over the six tests: 0.999 is p ≈ 1.7e-4 for the strongest, 0.99999 is p ≈ 1.7e-6.
  suspectAt: 0.999,
  openAt: 0.99999,
  warmupMs: 120 * minuteMs,
  floodOnlyMs: 24 * 60 * minuteMs,
  minExcessReports: 5,
  burstRatio: 5,
  burstMs: 10 * minuteMs,
  floodP: 1e-3,
  sustainP: 1e-3,
  holdP: 1e-3,
  holdMs: 15 * minuteMs,
  excessRatio: 1.5,
  openRatio: 2,
  quietMs: 3 * minuteMs,
  resolveAfterMs: minuteMs,
  cooldownMs: 30 * minuteMs,
  maxExcludeMs: 24 * 60 * minuteMs,
  minReportsPerMinute: 0.001,
};

/** The config with its durations turned into bucket counts, computed once per tick. */
export interface ResolvedConfig extends DetectorConfig {
  bucketMinutes: number;
  windowBuckets: number[];
  lagBuckets: number;
  recentBuckets: number;
  slotsPerDay: number;
  slotBuckets: number;
  bucketsPerDay: number;
  bucketsPerWeek: number;
  burstBuckets: number;
  /** The most one burst can raise one bucket: burstRatio, diluted in buckets longer than a burst. */
  floodRatio: number;
  warmupBuckets: number;
  floodOnlyBuckets: number;
  holdBuckets: number;
  maxExcludeBuckets: number;
  envelopeBuckets: number;
  logFloodP: number;
  logSustainP: number;
  logHoldP: number;
  /** Factor the CUSUM keeps of itself from one bucket to the next. */
  cusumForget: number;
}

const dayMs = 24 * 60 * minuteMs;

/** Fills in defaults and derives bucket counts; throws on a config that cannot work. */
export function resolveConfig(overrides: Partial<DetectorConfig> = {}): ResolvedConfig {
  const c = { ...defaultConfig, ...overrides };
  if (!(c.bucketMs > 0)) throw new RangeError(`bucketMs must be positive, got ${c.bucketMs}`);
  const buckets = (ms: number) => Math.max(1, Math.round(ms / c.bucketMs));
  // A slot is at least one bucket and divides the day evenly (hourly data gets 24 slots, daily data 1).
  const slotsPerDay = Math.max(1, Math.floor(dayMs / Math.max(c.slotMs, c.bucketMs)));
  const recentBuckets = 60;
  return {
    ...c,
    bucketMinutes: c.bucketMs / minuteMs,
    windowBuckets: [...new Set(c.windowsMs.map(buckets))].filter((k) => k <= recentBuckets).sort((a, b) => a - b),
    lagBuckets: Math.min(buckets(c.learnLagMs), recentBuckets - 1),
    recentBuckets,
    slotsPerDay,
    slotBuckets: Math.max(1, dayMs / slotsPerDay / c.bucketMs),
    bucketsPerDay: Math.max(1, dayMs / c.bucketMs),
    bucketsPerWeek: Math.max(1, (7 * dayMs) / c.bucketMs),
    // A burst straddles one more coarse bucket than its length fills.
    burstBuckets: c.bucketMs < c.burstMs && c.bucketMs > minuteMs ? Math.ceil(c.burstMs / c.bucketMs) + 1 : buckets(c.burstMs),
    floodRatio: Math.max(c.openRatio, 1 + (c.burstRatio - 1) * Math.min(1, c.burstMs / c.bucketMs)),
    warmupBuckets: buckets(c.warmupMs),
    floodOnlyBuckets: buckets(c.floodOnlyMs),
    holdBuckets: buckets(c.holdMs),
    maxExcludeBuckets: buckets(c.maxExcludeMs),
    envelopeBuckets: buckets(c.envelopeMs),
    logFloodP: Math.log(c.floodP),
    logSustainP: Math.log(c.sustainP),
    logHoldP: Math.log(c.holdP),
    cusumForget: Math.exp(-c.bucketMs / c.cusumMemoryMs),
  };
}
