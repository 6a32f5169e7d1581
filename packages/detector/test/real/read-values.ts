// Reads a series kept as blocks of values, each headed by the timestamp of its first value
// ("# 2015-02-26 21:42:53" then whitespace-separated counts), the rows evenly spaced. Blocks may
// overlap; a value seen twice at one timestamp must agree, or the file is refused.
import { parseTimestamp } from '../../src/index';

export interface TimedValue {
  at: number;
  value: number;
}

export function readValueBlocks(text: string, stepMs: number): TimedValue[] {
  const byTime = new Map<number, number>();
  let at: number | null = null;
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (!trimmed) continue;
    if (trimmed.startsWith('#')) {
      at = parseTimestamp(trimmed.slice(1).trim());
      if (at === null) throw new Error(`unreadable block header: ${trimmed}`);
      continue;
    }
    if (at === null) throw new Error('values before the first block header');
    for (const word of trimmed.split(/\s+/)) {
      if (!/^\d+$/.test(word)) throw new Error(`not a count: ${word}`);
      const seen = byTime.get(at);
      if (seen !== undefined && seen !== Number(word)) throw new Error(`blocks disagree at ${new Date(at).toISOString()}: ${seen} and ${word}`);
      byTime.set(at, Number(word));
      at += stepMs;
    }
  }
  return [...byTime].sort((a, b) => a[0] - b[0]).map(([t, value]) => ({ at: t, value }));
}
