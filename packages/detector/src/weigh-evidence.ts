import type { ResolvedConfig } from './config';
import { cusumIncrement } from './cusum-step';
import { dispersionModel, dispersionOver, type DispersionModel } from './dispersion';
import { envelopeAt } from './envelope';
import { expectedCount } from './expected-count';
import { nbLogTail } from './nb-tail';
import type { PhaseEvidence } from './next-phase';
import type { SeriesState } from './series-state';

// Bound once: inside a sandbox (jest's vm) every `Math.x` is a slow global lookup.
const { log, max, min, sqrt } = Math;

/** A bucket not committed yet: the current one (fraction < 1), or one still within closeDelayMs. */
export interface Provisional {
  index: number;
  count: number;
  /** Elapsed part of the bucket, 0..1; its expectation is scaled by it. */
  fraction: number;
}

export interface Evidence extends PhaseEvidence {
  /** Expected reports in the whole newest bucket, and the top of its normal band (+3 sd). */
  expected: number;
  expectedHigh: number;
  /** CUSUM (nats) including provisional buckets, and the bucket where the excess began. */
  cusum: number;
  excessStart: number | null;
}

// Scratch space for provisional buckets (newest first). Reused: the detector is single-threaded and
// this keeps a tick over thousands of series from allocating four arrays per series.
const liveMax = 8;
const liveCount = new Float64Array(liveMax);
const liveMean = new Float64Array(liveMax);
const liveWeight = new Float64Array(liveMax);
const liveIndex = new Float64Array(liveMax);
// The buckets since the excess began, newest first: counts, expectations, elapsed parts.
const sinceMax = 128;
const sinceX = new Float64Array(sinceMax);
const sinceM = new Float64Array(sinceMax);
const sinceF = new Float64Array(sinceMax);
const sinceI = new Float64Array(sinceMax);
// Backward sums of log-likelihood ratios, for the change point.
const sinceL = new Float64Array(sinceMax);
// An earlier start must be 20 times likelier than a later one to be chosen over it (as a log), the
// same odds an outage's end must show.
const logStartOdds = log(20);

// ln P(X ≥ count) for a window with `mean` expected over `weight` buckets, calibrated to the
// series' own tails (tailPower). Within half a standard deviation of the mean (or below it) the
// tail is above 0.3, which decides nothing: return 0 there and skip the exact computation, which
// most ticks of most series need not pay.
function logTail(count: number, mean: number, weight: number, m: DispersionModel, c: ResolvedConfig): number {
  if (!(count > mean && weight > 0)) return 0;
  const dispersion = dispersionOver(m, weight, c);
  if (count - mean < 0.5 * sqrt(mean + mean * mean * dispersion)) return 0;
  return nbLogTail(count, mean, dispersion) * m.tailPower;
}

/** Standard score of a window's count: places ordinary buckets on the score's lower range. */
function zOf(count: number, mean: number, weight: number, m: DispersionModel, c: ResolvedConfig): number {
  if (!(weight > 0 && mean > 0)) return -Infinity;
  return (count - mean) / sqrt(mean + mean * mean * dispersionOver(m, weight, c));
}

// ln of the standard normal upper tail at z, for z below 0.5 (Abramowitz and Stegun 7.1.26 for erfc).
function logNormalTail(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const erfc = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))) * Math.exp(-x * x);
  return log(z >= 0 ? erfc / 2 : 1 - erfc / 2);
}

function isExcess(count: number, mean: number, c: ResolvedConfig): boolean {
  return count >= c.excessRatio * mean && count - mean >= c.minExcessReports / 2;
}

/**
 * Scores recent counts against the baseline: windows of several lengths ending now, the CUSUM,
 * and, since the excess began, whether it is more than a benign burst could be.
 */
export function weighEvidence(s: SeriesState, provisional: readonly Provisional[], c: ResolvedConfig, serviceBack = false): Evidence {
  const last = s.last ?? -1;
  const model = dispersionModel(s, c);
  const dispersion1 = dispersionOver(model, 1, c);

  // Buckets newest first: provisional ones (usually just the current bucket), then committed ones.
  let live = 0;
  let cusum = s.cusum;
  let start = s.cusumStart;
  let expected = -1;
  for (let i = provisional.length - 1; i >= 0 && live < liveMax; i--) {
    const p = provisional[i]!;
    if (p.fraction <= 0) continue;
    liveCount[live] = p.count;
    liveWeight[live] = p.fraction;
    liveIndex[live] = p.index;
    live++;
  }
  // Oldest first for the CUSUM, which runs forward in time.
  for (let j = live - 1; j >= 0; j--) {
    const index = liveIndex[j]!;
    expected = s.last !== null && index === s.last + 1 ? s.nextExpected : expectedCount(s, index, c);
    liveMean[j] = expected * liveWeight[j]!;
    const next = cusum * (liveWeight[j]! < 1 ? 1 : c.cusumForget) + cusumIncrement(liveCount[j]!, expected, dispersion1, liveWeight[j]!, c);
    if (next <= 0) start = null;
    else if (cusum <= 0 || start === null) start = index;
    cusum = min(max(0, next), 1000);
  }
  if (expected < 0) expected = s.last !== null ? s.nextExpected : expectedCount(s, 0, c);

  // Once an outage has resolved its buckets are evidence of nothing new: a window still holding it
  // would keep the series "possible" for an hour after the counts came back.
  let after = s.outage === null ? endOfLastOutage(s) : -Infinity;
  let scan = scanWindows(s, live, start, after, model, c);
  const warm = s.learned >= c.warmupBuckets;
  // The strongest evidence of any window or the CUSUM, as a probability, with its multiplicity
  // (Šidák: the chance that any of the tests is this extreme): 1 - score.
  let logP = min(windowLogP(scan), -cusum * model.tailPower);
  // A surge that opened nothing and has passed: once the newest buckets are clearly back at the
  // baseline, the windows that still hold it (and the CUSUM, which forgets over 15 minutes) are
  // evidence of nothing new. Without this a service stayed "possible" for a quarter of an hour after
  // a surge that was over in minutes.
  let back = false;
  if (s.outage === null && warm && scoreOf(logP, c.windowBuckets.length + 1) >= c.suspectAt) {
    const from = backSince(s, live, dispersion1, c);
    if (from !== null) {
      back = true;
      after = max(after, from);
      scan = scanWindows(s, live, start, after, model, c);
      logP = windowLogP(scan);
    }
  }
  const { sinceBuckets, maxExcess, holding, relapse } = scan;
  let { flood } = scan;
  const score = warm ? scoreOf(logP, c.windowBuckets.length + 1) : 0;
  const ready = maxExcess >= c.minExcessReports && cusum > c.envelopeShare * envelopeAt(s, last, c);

  let sustained = false;
  let excessStart = start;
  // What follows decides whether an outage may open and where it began: only worth its cost when
  // the other conditions to open already hold (most ticks of most series it is not).
  if (start !== null && sinceBuckets > 0 && warm && ready && score >= c.openAt) {
    const reference = referenceRatio(s, provisional.length ? provisional[provisional.length - 1]!.index : last, c);
    // Where the excess began: the most likely change point for a rise to the surge's own size.
    const peak = burstStretch(sinceBuckets, c.burstBuckets);
    const peakRatio = peak.count / max(peak.mean, 1e-9);
    const from = changePoint(sinceBuckets, max(c.excessRatio, sqrt(peakRatio)), dispersion1);
    // The outage is dated more strictly than the excess is weighed: from the most likely start of a
    // step up to the surge's own size, so that a stray report or two just before a surge on a quiet
    // series does not date it early. A ramp is dated from where it was well under way.
    excessStart = sinceI[changePoint(from + 1, max(c.excessRatio, peakRatio), dispersion1)]!;
    let fromCount = 0;
    let fromMean = 0;
    let fromWeight = 0;
    for (let i = 0; i <= from; i++) {
      fromCount += sinceX[i]!;
      fromMean += sinceM[i]!;
      fromWeight += sinceF[i]!;
    }
    // Since the excess began: more reports than the baseline plus one burst (floodRatio for at most burstMs).
    const perBucket = fromWeight > 0 ? fromMean / fromWeight : 0;
    const allowance = (c.floodRatio - 1) * perBucket * min(c.burstBuckets, fromWeight);
    if (!flood && fromCount - fromMean >= c.minExcessReports && fromCount >= c.openRatio * reference * fromMean) {
      flood = logTail(fromCount, fromMean + allowance, fromWeight, model, c) <= c.logFloodP;
    }
    // Beyond a burst: leave out the burstMs stretch with the most excess (a burst could explain
    // it, wherever it fell) and what remains must still be an outage's excess, and the excess must
    // be there now. A young series has not seen its own daily cycle: an evening rise is not an outage.
    if (holding && s.learned >= c.floodOnlyBuckets) {
      const b = burstStretch(from + 1, c.burstBuckets);
      const restCount = fromCount - b.count;
      const restMean = fromMean - b.mean;
      const restWeight = fromWeight - b.weight;
      sustained =
        restWeight > 0 &&
        restCount >= c.openRatio * reference * restMean &&
        restCount - restMean >= c.minExcessReports &&
        logTail(restCount, restMean, restWeight, model, c) <= c.logSustainP;
    }
  }

  return {
    // Before warm-up the baseline is a guess: no opinion rather than a false alarm.
    score,
    warm,
    // Enough excess to tell from chance, and a surge larger than this series' usual large ones.
    ready,
    flood,
    sustained,
    holding,
    expected,
    expectedHigh: expected + 3 * sqrt(expected + expected * expected * dispersion1),
    cusum,
    excessStart,
    // Back either clearly (the newest buckets say so) or slowly (no window up to holdMs in excess any more).
    // Only an open outage asks (the test costs a pass over the last holdMs).
    // Never while the newest bucket or two are significantly in excess (a relapse). A region's
    // outage within a whole-service one also ends with it: a country with a few reports a minute
    // cannot prove its own end quickly. (A single ordinary report on a quiet series is no excess.)
    returned: !holding || (s.outage !== null && !relapse && (serviceBack || backSince(s, live, dispersion1, c) !== null)),
    relapse,
    back,
  };
}

interface WindowScan {
  /** Buckets since the excess began, kept (newest first) in the since* buffers. */
  sinceBuckets: number;
  /** The smallest calibrated log tail of any window, and the largest standard score of the ordinary ones. */
  minLogTail: number;
  bodyZ: number;
  maxExcess: number;
  flood: boolean;
  holding: boolean;
  relapse: boolean;
}

/**
 * One pass back in time from the newest bucket (live ones first): the fixed windows, plus the
 * stretch since the excess began (`since*`). Buckets before `after` are left out.
 */
function scanWindows(s: SeriesState, live: number, start: number | null, after: number, model: DispersionModel, c: ResolvedConfig): WindowScan {
  const n = s.recentCounts.length;
  const last = s.last ?? -1;
  const longest = c.windowBuckets[c.windowBuckets.length - 1]!;
  let count = 0;
  let mean = 0;
  let weight = 0;
  let sinceBuckets = 0;
  let minLogTail = 0;
  let maxExcess = 0;
  let flood = false;
  let holding = false;
  let relapse = false;
  // The largest standard score of the windows that are ordinary (their tail left at 0).
  let bodyZ = -Infinity;
  let w = 0;
  for (let j = 0; j < n + live; j++) {
    const index = j < live ? liveIndex[j]! : last - (j - live);
    if (j >= longest && (start === null || index < start)) break;
    if (index < after) break;
    // Count, expectation and elapsed part of this bucket; a bucket with no data (-1) adds nothing.
    const k = n - 1 - (j - live);
    const raw = j < live ? liveCount[j]! : s.recentCounts[k]!;
    const x = raw >= 0 ? raw : 0;
    const m = j < live ? liveMean[j]! : raw >= 0 ? s.recentExpected[k]! : 0;
    const f = j < live ? liveWeight[j]! : raw >= 0 ? 1 : 0;
    if (start !== null && index >= start) {
      if (sinceBuckets < sinceMax) {
        sinceX[sinceBuckets] = x;
        sinceM[sinceBuckets] = m;
        sinceF[sinceBuckets] = f;
        sinceI[sinceBuckets] = index;
        sinceBuckets++;
      }
    }
    if (j >= longest) continue;
    count += x;
    mean += m;
    weight += f;
    if (j + 1 !== c.windowBuckets[w]) continue;
    w++;
    const lp = logTail(count, mean, weight, model, c);
    if (lp < minLogTail) minLogTail = lp;
    else if (lp === 0 && minLogTail === 0) bodyZ = max(bodyZ, zOf(count, mean, weight, model, c));
    if (count - mean > maxExcess) maxExcess = count - mean;
    // The last bucket or two alone: a flood beyond what any burst reaches.
    if (j < 2 && count - mean >= c.minExcessReports && !flood) flood = logTail(count, c.floodRatio * mean, weight, model, c) <= c.logFloodP;
    // Holding: excess in any window up to holdMs (and the shortest, for coarse buckets). The short
    // ones see an outage's first minute, the longer ones keep a quiet series' outage from flickering.
    if ((j + 1 <= c.holdBuckets || w === 1) && !holding) holding = lp <= c.logHoldP && isExcess(count, mean, c);
    // A relapse is seen in the newest bucket or two, not in windows that still hold the outage's tail.
    if (j < 2 && !relapse) relapse = lp <= c.logHoldP && isExcess(count, mean, c);
  }

  return { sinceBuckets, minLogTail, bodyZ, maxExcess, flood, holding, relapse };
}

/** The windows' evidence as a log probability: the smallest tail, or for ordinary windows a normal tail of their standard score. */
function windowLogP(scan: WindowScan): number {
  if (scan.minLogTail < 0) return scan.minLogTail;
  return scan.bodyZ > -Infinity ? min(0, logNormalTail(min(scan.bodyZ, 0.5))) : 0;
}

/**
 * How much higher than the baseline an outage's effect size is measured against: the slow level
 * when the level has dipped (coming back to normal after a holiday is twice the dipped level, and
 * no outage), and the expectation an hour either side when it is higher (the audience's clock moved
 * with daylight saving, or its day started early: the daily curve is shifted, not broken).
 */
function referenceRatio(s: SeriesState, index: number, c: ResolvedConfig): number {
  const slow = (s.levelSlow ?? s.level) / s.level;
  const here = expectedCount(s, index, c);
  const hour = max(1, Math.round(3_600_000 / c.bucketMs));
  const shifted = max(expectedCount(s, index - hour, c), expectedCount(s, index + hour, c)) / here;
  return max(1, slow, shifted);
}

/** The run of `length` consecutive buckets since the excess began with the most excess reports. */
function burstStretch(buckets: number, length: number): { count: number; mean: number; weight: number } {
  let count = 0;
  let mean = 0;
  let weight = 0;
  for (let i = 0; i < buckets && i < length; i++) {
    count += sinceX[i]!;
    mean += sinceM[i]!;
    weight += sinceF[i]!;
  }
  let best = { count, mean, weight };
  for (let i = length; i < buckets; i++) {
    count += sinceX[i]! - sinceX[i - length]!;
    mean += sinceM[i]! - sinceM[i - length]!;
    weight += sinceF[i]! - sinceF[i - length]!;
    if (count - mean > best.count - best.mean) best = { count, mean, weight };
  }
  return best;
}

// Log-likelihood ratio (nats) of a count under `ratio` times its expectation against the expectation.
function rise(x: number, m: number, ratio: number, dispersion: number): number {
  if (m <= 0) return 0;
  const r = 1 / dispersion;
  const m1 = ratio * m;
  return x * log((m1 * (r + m)) / (m * (r + m1))) + r * log((r + m) / (r + m1));
}

/**
 * Where a rise to `ratio` times the baseline most plausibly began, as a position in the since*
 * buffers (newest first): the newest start whose log-likelihood (the backward sum of
 * log-likelihood ratios) is within `startOdds` of the most likely one. Buckets below the break-even
 * count (about 1.4x at ratio 2, 2.3x at ratio 4.5) pull it later, so a mild drift before a surge does
 * not date the outage; and a stray high bucket a few minutes before a surge on a quiet series,
 * which makes an earlier start about as likely as the true one, does not either: the start goes
 * back only as far as the evidence requires.
 */
function changePoint(buckets: number, ratio: number, dispersion: number): number {
  let sum = 0;
  let best = -Infinity;
  for (let i = 0; i < buckets; i++) {
    sum += sinceF[i]! > 0 ? rise(sinceX[i]!, sinceM[i]!, ratio, dispersion) : 0;
    sinceL[i] = sum;
    if (sum > best) best = sum;
  }
  for (let i = 0; i < buckets; i++) if (sinceL[i]! >= best - logStartOdds) return i;
  return 0;
}

// Odds (as a log) at which the newest buckets say the counts are back at the baseline rather than
// still raised: at least twice the baseline, or half the outage's own average level if that is more.
const returnRatio = 2;
const logReturnOdds = log(20);
// Against a raised level of more than 10x, a bucket at 3x would count as back.
const maxReturnRatio = 10;

/**
 * Whether the newest buckets, one or more of the last holdMs, are 20 times likelier at the
 * baseline than at the raised level, and if so the oldest of them (else null): the end of an outage
 * is seen within a bucket on a busy series. Without an outage the raised level is twice the baseline. On a quiet one a bucket without reports proves little against twice the baseline, but
 * a lot against what the outage had, so the raised level is half the outage's average (up to 10x
 * the baseline, beyond which a bucket at 3x would count as back), or one report a bucket.
 */
function backSince(s: SeriesState, live: number, dispersion: number, c: ResolvedConfig): number | null {
  const o = s.outage;
  // Half of what the outage averaged a bucket while it was in excess: the level "still raised" is
  // tested against. Not over the quiet buckets since, which are what is being tested: each of them
  // would lower the bar and make the end harder to prove the longer it lasts.
  const buckets = o && s.last !== null ? min(s.last, o.lastExcessBucket) - o.startedAt / s.bucketMs + 1 : 0;
  const half = o && buckets > 0 ? o.reports / buckets / 2 : 0;
  const relative = o && o.expectedReports > 0 ? min(maxReturnRatio, max(returnRatio, o.reports / o.expectedReports / 2)) : returnRatio;
  let sum = 0;
  const n = s.recentCounts.length;
  for (let j = 0; j < c.holdBuckets && j < n + live; j++) {
    const k = n - 1 - (j - live);
    // The bucket still filling says little yet (its first seconds hold few reports whatever happens).
    if (j < live && liveWeight[j]! < 1) continue;
    const x = j < live ? liveCount[j]! : s.recentCounts[k]!;
    const m = j < live ? liveMean[j]! : s.recentExpected[k]!;
    if (x < 0 || m <= 0) continue;
    const index = j < live ? liveIndex[j]! : (s.last ?? 0) - (j - live);
    // On a quiet series the raised level is at least one report a bucket (when the outage had
    // two): three buckets without reports after an outage of 4 a minute are an end, whatever the ratio.
    const raised = max(relative * m, half);
    const step = rise(x, m, raised / m, dispersion);
    sum += step;
    if (-sum >= logReturnOdds) return index;
  }
  return null;
}

/** 1 - (chance that any of `tests` tests is at least this extreme): spread over 0..1, monotone in the evidence. */
function scoreOf(logP: number, tests: number): number {
  const p = Math.exp(logP);
  // (1 - p)^tests, through log1p so that p = 1e-12 still reads 0.999999999994 and not 1.
  return p >= 1 ? 0 : Math.exp(tests * Math.log1p(-p));
}

/** The bucket after the most recent resolved outage (its exclusion's end), or -Infinity. */
function endOfLastOutage(s: SeriesState): number {
  let end = -Infinity;
  for (const [, e] of s.excluded) if (e !== null && e > end) end = e;
  return end;
}
