import { decodeGroup, encodeBytes, encodeGroup } from './base64-bytes';

// Bound once: inside a sandbox (jest's vm) every `Math.x` is a slow global lookup.
const { ceil, exp, floor, log, max, min, round } = Math;

// A profile is a list of positive multipliers (time-of-day shape, time-of-week ratio) stored as
// 16-bit logarithms in base64: 2 bytes a slot, and one slot can be read or rewritten without
// decoding the rest, which keeps a tick over thousands of series cheap.

// Steps of 1/4096 in ln: 0.024 % apart, finer than any single EWMA step; range e^±8.
const scale = 4096;
const zero = 32768;

function toCode(value: number): number {
  const code = round(log(max(value, 1e-300)) * scale) + zero;
  return min(65535, max(0, code));
}

/** Packs positive multipliers, one per slot. */
export function packProfile(values: ArrayLike<number>): string {
  const bytes = new Uint8Array(ceil((values.length * 2) / 3) * 3);
  for (let i = 0; i < values.length; i++) {
    const code = toCode(values[i]!);
    bytes[2 * i] = code >> 8;
    bytes[2 * i + 1] = code & 255;
  }
  return encodeBytes(bytes);
}

function byteAt(text: string, j: number): number {
  const n = decodeGroup(text, floor(j / 3) * 4);
  return (n >> (8 * (2 - (j % 3)))) & 255;
}

/** Slot i of a packed profile. */
export function readSlot(text: string, i: number): number {
  const code = (byteAt(text, 2 * i) << 8) | byteAt(text, 2 * i + 1);
  return exp((code - zero) / scale);
}

/** A copy of the packed profile with slot i set to value (only the 4 or 8 characters around it change). */
export function writeSlot(text: string, i: number, value: number): string {
  const code = toCode(value);
  const first = floor((2 * i) / 3);
  const last = floor((2 * i + 1) / 3);
  let out = text.slice(0, first * 4);
  for (let g = first; g <= last; g++) {
    let n = decodeGroup(text, g * 4);
    for (let j = g * 3; j < g * 3 + 3; j++) {
      const shift = 8 * (2 - (j % 3));
      if (j === 2 * i) n = (n & ~(255 << shift)) | ((code >> 8) << shift);
      if (j === 2 * i + 1) n = (n & ~(255 << shift)) | ((code & 255) << shift);
    }
    out += encodeGroup(n);
  }
  return out + text.slice((last + 1) * 4);
}
