import { commitBucket } from './commit-bucket';
import { breakHour } from './dispersion';
import { foldMinuteOf } from './two-day-history';
import type { ResolvedConfig } from './config';
import { nextPhase } from './next-phase';
import { closeOutage, openOutage } from './outage-lifecycle';
import { toOutage } from './to-outage';
import { createSeriesState, draftOf, historyBlocks, type SeriesState } from './series-state';
import type { SeriesObservation, SeriesReading } from './observation';
import type { Transition } from './outage';
import { weighEvidence, type Provisional } from './weigh-evidence';
import { toServiceStatus } from './to-service-status';

// Bound once: inside a sandbox (jest's vm) every `Math.x` is a slow global lookup.
const { floor, max, min } = Math;

export interface SeriesTick {
  state: SeriesState;
  transition: Transition | null;
  reading: SeriesReading;
}

type Bucket = SeriesObservation['buckets'][number];

function bucketAt(buckets: readonly Bucket[], index: number, bucketMs: number): Bucket | undefined {
  for (const b of buckets) if (floor(b.start / bucketMs) === index) return b;
  return undefined;
}

/** One series (stored under `key`) through one tick: commit closed buckets, weigh the evidence, move the phase. */
export function tickSeries(
  key: string,
  state: SeriesState | undefined,
  obs: SeriesObservation,
  at: number,
  c: ResolvedConfig,
  /** For a region: the whole service's outage that overlapped this one's has ended (see tick). */
  serviceBack = false,
): SeriesTick {
  const base = state ?? createSeriesState(c, obs.timeZone ?? null, foldMinuteOf(key));
  if (base.bucketMs !== c.bucketMs) throw new RangeError(`series ${key} was built with ${base.bucketMs} ms buckets, config has ${c.bucketMs}`);
  const closed = floor((at - c.closeDelayMs) / c.bucketMs) - 1;
  const current = floor(at / c.bucketMs);

  let s = base;
  const committed: SeriesReading['committed'] = [];
  const first = firstToCommit(base, obs.buckets, closed, c);
  if (first !== null) {
    s = draftOf(base);
    if (s.last !== null && first > s.last + 1) forgetRecent(s);
    for (let index = first; index <= closed; index++) {
      const b = bucketAt(obs.buckets, index, c.bucketMs);
      const count = b ? b.count : 0;
      commitBucket(s, index, count, b?.problems, c);
      committed.push({ start: index * c.bucketMs, count, expected: s.recentExpected[s.recentExpected.length - 1]! });
    }
  }

  const provisional: Provisional[] = [];
  for (let index = max(closed + 1, (s.last ?? closed) + 1); index <= current; index++) {
    const b = bucketAt(obs.buckets, index, c.bucketMs);
    provisional.push({ index, count: b?.count ?? 0, fraction: min(1, (at - index * c.bucketMs) / c.bucketMs) });
  }
  const evidence = weighEvidence(s, provisional, c, serviceBack);
  const phase = nextPhase(s.phase, evidence, at, c);

  let transition: Transition | null = null;
  const opening = !s.outage && phase.phase === 'outage';
  const resolving = s.outage !== null && phase.phase === 'resolved';
  const updating = s.outage !== null && !resolving && (phase.phase !== s.phase.phase || first !== null);
  if (opening || resolving || updating) {
    if (s === base) s = draftOf(base);
    const meta = { key, service: obs.service, region: obs.region ?? null };
    const extra = provisionalExtra(provisional, obs.buckets, c.bucketMs);
    s.phase = phase;
    if (opening) {
      const start = min(evidence.excessStart ?? current, current);
      // Buckets this tick committed since the excess began: their problem counts are still at hand.
      const problems = first === null ? {} : sumProblems(obs.buckets, max(first, start), closed, c.bucketMs);
      const o = openOutage(s, `${key}@${start * c.bucketMs}`, start, at, problems);
      transition = { kind: 'opened', outage: toOutage(o, meta, 'outage', null, null, extra) };
    } else if (resolving) {
      const o = s.outage!;
      const endedAt = closeOutage(s);
      transition = { kind: 'resolved', outage: toOutage({ ...o, updatedAt: at }, meta, 'resolved', endedAt, at, extra) };
    } else if (s.outage) {
      s.outage.updatedAt = at;
      transition = { kind: 'updated', outage: toOutage(s.outage, meta, phase.phase === 'recovering' ? 'recovering' : 'outage', null, null, extra) };
    }
  } else if (phase !== s.phase) {
    // Only the phase moved (or the time of the last high score): no need to copy the history.
    if (s === base) s = { ...base, phase };
    else s.phase = phase;
  }

  return {
    state: s,
    transition,
    reading: {
      series: key,
      service: obs.service,
      region: obs.region ?? null,
      phase: s.phase.phase,
      status: toServiceStatus(s.phase.phase),
      score: evidence.score,
      expected: evidence.expected,
      expectedHigh: evidence.expectedHigh,
      committed,
    },
  };
}

/** First bucket to commit, or null. A new series starts at its first observed bucket, not at the epoch. */
function firstToCommit(s: SeriesState, buckets: readonly Bucket[], closed: number, c: ResolvedConfig): number | null {
  if (s.last === null) {
    let first: number | null = null;
    for (const b of buckets) {
      const index = floor(b.start / c.bucketMs);
      if (index <= closed && (first === null || index < first)) first = index;
    }
    return first;
  }
  if (closed <= s.last) return null;
  // After more than two days without a tick, the buckets in between are no data: start near the present.
  const longest = c.recentBuckets + historyBlocks * 60;
  return closed - s.last > longest ? closed - c.recentBuckets + 1 : s.last + 1;
}

/** A jump of more than two days: what the draft held about recent buckets no longer lines up. */
function forgetRecent(s: SeriesState): void {
  s.recentCounts = [];
  s.recentExpected = [];
  s.history = new Array<string>(historyBlocks).fill('');
  s.historyBlock = null;
  s.cusum = 0;
  s.cusumStart = null;
  breakHour(s);
}

/** Problem counts of the observed buckets from index `from` to `to`, inclusive. */
function sumProblems(buckets: readonly Bucket[], from: number, to: number, bucketMs: number): Record<string, number> {
  const problems: Record<string, number> = {};
  for (const b of buckets) {
    const index = floor(b.start / bucketMs);
    if (index < from || index > to) continue;
    for (const [k, n] of Object.entries(b.problems ?? {})) problems[k] = (problems[k] ?? 0) + n;
  }
  return problems;
}

function provisionalExtra(provisional: readonly Provisional[], buckets: readonly Bucket[], bucketMs: number) {
  let reports = 0;
  for (const p of provisional) reports += p.count;
  const from = provisional.length ? provisional[0]!.index : 0;
  const problems = provisional.length ? sumProblems(buckets, from, provisional[provisional.length - 1]!.index, bucketMs) : {};
  return { reports, problems };
}
