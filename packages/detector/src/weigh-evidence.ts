import type { ResolvedConfig } from './config';
import { cusumIncrement } from './cusum-step';
import { dispersionModel, dispersionOver, type DispersionModel } from './dispersion';
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

const ln10 = log(10);

// Scratch space for provisional buckets (newest first). Reused: the detector is single-threaded and
// this keeps a tick over thousands of series from allocating four arrays per series.
const liveMax = 8;
const liveCount = new Float64Array(liveMax);
const liveMean = new Float64Array(liveMax);
const liveWeight = new Float64Array(liveMax);
const liveIndex = new Float64Array(liveMax);

// ln P(X ≥ count) for a window with `mean` expected over `weight` buckets. Within half a standard
// deviation of the mean the tail is above 1/6, which the score's multiplicity factor turns into 0
// anyway: return 0 there and skip the exact computation, which most ticks of most series need not pay.
function logTail(count: number, mean: number, weight: number, m: DispersionModel, c: ResolvedConfig): number {
  if (!(count > mean && weight > 0)) return 0;
  const dispersion = dispersionOver(m, weight, c);
  if (count - mean < 0.5 * sqrt(mean + mean * mean * dispersion)) return 0;
  return nbLogTail(count, mean, dispersion);
}

function isExcess(count: number, mean: number, c: ResolvedConfig): boolean {
  return count >= c.excessRatio * mean && count - mean >= c.minExcessReports / 2;
}

/**
 * Scores recent counts against the baseline: windows of several lengths ending now, the CUSUM,
 * and, since the excess began, whether it is more than a benign burst could be.
 */
export function weighEvidence(s: SeriesState, provisional: readonly Provisional[], c: ResolvedConfig): Evidence {
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
    const next = cusum + cusumIncrement(liveCount[j]!, expected, dispersion1, liveWeight[j]!, c);
    if (next <= 0) start = null;
    else if (cusum <= 0 || start === null) start = index;
    cusum = min(max(0, next), 1000);
  }
  if (expected < 0) expected = s.last !== null ? s.nextExpected : expectedCount(s, 0, c);

  // One pass back in time: fixed windows, plus the stretches since the excess began (`since*`)
  // and since a burst starting with it would have ended (`after*`).
  const n = s.recentCounts.length;
  const longest = c.windowBuckets[c.windowBuckets.length - 1]!;
  const afterFrom = start === null ? Infinity : start + c.burstBuckets;
  let count = 0;
  let mean = 0;
  let weight = 0;
  let sinceCount = 0;
  let sinceMean = 0;
  let sinceWeight = 0;
  let afterCount = 0;
  let afterMean = 0;
  let afterWeight = 0;
  let minLogTail = 0;
  let maxExcess = 0;
  let flood = false;
  let holding = false;
  let w = 0;
  for (let j = 0; j < n + live; j++) {
    const index = j < live ? liveIndex[j]! : last - (j - live);
    if (j >= longest && (start === null || index < start)) break;
    // Count, expectation and elapsed part of this bucket; a bucket with no data (-1) adds nothing.
    const k = n - 1 - (j - live);
    const raw = j < live ? liveCount[j]! : s.recentCounts[k]!;
    const x = raw >= 0 ? raw : 0;
    const m = j < live ? liveMean[j]! : raw >= 0 ? s.recentExpected[k]! : 0;
    const f = j < live ? liveWeight[j]! : raw >= 0 ? 1 : 0;
    if (start !== null && index >= start) {
      sinceCount += x;
      sinceMean += m;
      sinceWeight += f;
      if (index >= afterFrom) {
        afterCount += x;
        afterMean += m;
        afterWeight += f;
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
    if (count - mean > maxExcess) maxExcess = count - mean;
    // The last bucket or two alone: a flood beyond what any burst reaches.
    if (j < 2 && count - mean >= c.minExcessReports && !flood) flood = logTail(count, c.burstRatio * mean, weight, model, c) <= c.logFloodP;
    // Holding: excess in any window up to holdMs (and the shortest, for coarse buckets). The short
    // ones see an outage's first minute, the longer ones keep a quiet series' outage from flickering.
    if ((j + 1 <= c.holdBuckets || w === 1) && !holding) holding = lp <= c.logHoldP && isExcess(count, mean, c);
  }

  let sustained = false;
  if (start !== null) {
    // Since the excess began: more reports than the baseline plus one burst (burstRatio for at most burstMs).
    const perBucket = sinceWeight > 0 ? sinceMean / sinceWeight : 0;
    const allowance = (c.burstRatio - 1) * perBucket * min(c.burstBuckets, sinceWeight);
    if (!flood && sinceCount - sinceMean >= c.minExcessReports) flood = logTail(sinceCount, sinceMean + allowance, sinceWeight, model, c) <= c.logFloodP;
    // After the first burstMs of it: still significantly above the baseline, so not a burst that
    // ended. A young series has not seen its own daily cycle: an evening rise is not an outage.
    sustained =
      s.learned >= c.floodOnlyBuckets &&
      afterWeight > 0 &&
      isExcess(afterCount, afterMean, c) &&
      logTail(afterCount, afterMean, afterWeight, model, c) <= c.logSustainP;
  }

  const logP = min(minLogTail, -cusum) + log(c.windowBuckets.length + 1);
  const warm = s.learned >= c.warmupBuckets;
  return {
    // Before warm-up the baseline is a guess: no opinion rather than a false alarm.
    score: warm ? min(1, max(0, -logP / ln10 / c.scoreDecades)) : 0,
    warm,
    ready: maxExcess >= c.minExcessReports,
    flood,
    sustained,
    holding,
    expected,
    expectedHigh: expected + 3 * sqrt(expected + expected * expected * dispersion1),
    cusum,
    excessStart: start,
  };
}
