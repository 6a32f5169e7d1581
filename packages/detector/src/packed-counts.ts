import { decodeBytes, encodeBytes } from './base64-bytes';

// Bound once: inside a sandbox (jest's vm) every `Math.x` is a slow global lookup.
const { floor, max, round } = Math;

// One hour of per-bucket counts as base64 LEB128 varints of count + 1 (0 marks a bucket with
// no data): a quiet service spends one byte a minute, two days of minutes fit in about 4 KB.

// Reused between calls (the detector is single-threaded): an hour of counts needs at most 8 bytes each.
let scratch = new Uint8Array(60 * 8);

/** Packs counts; null (no data) is kept apart from 0 (no reports). */
export function packCounts(counts: readonly (number | null)[]): string {
  if (scratch.length < counts.length * 8) scratch = new Uint8Array(counts.length * 8);
  let n = 0;
  for (const count of counts) {
    let v = count === null ? 0 : max(0, round(count)) + 1;
    while (v >= 128) {
      scratch[n++] = (v & 127) | 128;
      v = floor(v / 128);
    }
    scratch[n++] = v;
  }
  return encodeBytes(scratch, n);
}

/** Unpacks n counts from packCounts output; missing or empty text reads as n buckets with no data. */
export function unpackCounts(text: string, n: number): (number | null)[] {
  const bytes = decodeBytes(text);
  const out: (number | null)[] = [];
  let pos = 0;
  for (let i = 0; i < n; i++) {
    let v = 0;
    let mul = 1;
    while (pos < bytes.length) {
      const b = bytes[pos++]!;
      v += (b & 127) * mul;
      mul *= 128;
      if (b < 128) break;
    }
    out.push(v === 0 ? null : v - 1);
  }
  return out;
}
