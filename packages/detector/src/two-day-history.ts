import type { ResolvedConfig } from './config';
import { pruneExcluded } from './exclusion';
import { learnWeek } from './learn-week';
import { packCounts, unpackCounts } from './packed-counts';
import { historyBlocks, type SeriesState } from './series-state';

// Bound once: inside a sandbox (jest's vm) every `Math.x` is a slow global lookup.
const { min } = Math;

// Per-bucket counts of the last two days, one packed block per hour. A block is learned into the
// time-of-week profile once it is about two days old, when any outage in it has long been marked.

export const blockBuckets = 60;

function blockAt(s: SeriesState, slot: number): number | null {
  if (s.historyBlock === null || !s.history[slot]) return null;
  return s.historyBlock - ((((s.historyBlock - slot) % historyBlocks) + historyBlocks) % historyBlocks);
}

/** Learns `block` into the week profile if history still holds it and it was not learned yet. Updates `s` (a draft). */
export function foldBlock(s: SeriesState, block: number, c: ResolvedConfig): void {
  if (block <= s.weekFolded) return;
  const slot = ((block % historyBlocks) + historyBlocks) % historyBlocks;
  if (blockAt(s, slot) !== block) return;
  learnWeek(s, block * blockBuckets, unpackCounts(s.history[slot]!, blockBuckets), c);
  s.weekFolded = block;
}

/** Packs the block that just ended (the last 60 recent buckets) into history. Updates `s` (a draft). */
export function writeHistoryBlock(s: SeriesState, block: number, c: ResolvedConfig): void {
  const slot = block % historyBlocks;
  const old = blockAt(s, slot);
  // Normally learned already, at the series' own minute of an earlier hour (see commitBucket).
  if (old !== null) foldBlock(s, old, c);
  const counts = new Array<number | null>(blockBuckets).fill(null);
  const n = s.recentCounts.length;
  for (let i = 0; i < min(n, blockBuckets); i++) {
    const x = s.recentCounts[n - 1 - i]!;
    counts[blockBuckets - 1 - i] = x < 0 ? null : x;
  }
  // Drafts share the history array with the state they came from: copy before writing.
  s.history = s.history.slice();
  s.history[slot] = packCounts(counts);
  s.historyBlock = block;
  pruneExcluded(s, (block - historyBlocks) * blockBuckets);
}

/** A minute of the hour (0..59) from the series key: series learn their old blocks at different minutes. */
export function foldMinuteOf(key: string): number {
  let h = 5381;
  for (let i = 0; i < key.length; i++) h = ((h * 33) ^ key.charCodeAt(i)) >>> 0;
  return h % blockBuckets;
}
