// Base64 over plain byte arrays, without Buffer or atob, so the detector runs anywhere and
// its state stays a JSON string that Redis stores as is.

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const lookup = new Uint8Array(128);
for (let i = 0; i < alphabet.length; i++) lookup[alphabet.charCodeAt(i)] = i;

const codes = new Uint8Array(128).map((_, i) => alphabet.charCodeAt(i & 63));

/** Encodes the first `length` bytes, zero-padded to whole 3-byte groups (no "=": lengths are known to the reader). */
export function encodeBytes(bytes: ArrayLike<number>, length = bytes.length): string {
  const chars = new Array<number>(Math.ceil(length / 3) * 4);
  for (let i = 0, o = 0; i < length; i += 3, o += 4) {
    const n = ((bytes[i] ?? 0) << 16) | ((i + 1 < length ? bytes[i + 1]! : 0) << 8) | (i + 2 < length ? bytes[i + 2]! : 0);
    chars[o] = codes[(n >> 18) & 63]!;
    chars[o + 1] = codes[(n >> 12) & 63]!;
    chars[o + 2] = codes[(n >> 6) & 63]!;
    chars[o + 3] = codes[n & 63]!;
  }
  return String.fromCharCode(...chars);
}

/** Decodes a string made by encodeBytes. */
export function decodeBytes(text: string): Uint8Array {
  const out = new Uint8Array((text.length / 4) * 3);
  for (let g = 0, o = 0; g < text.length; g += 4, o += 3) {
    const n = decodeGroup(text, g);
    out[o] = n >> 16;
    out[o + 1] = (n >> 8) & 255;
    out[o + 2] = n & 255;
  }
  return out;
}

/** The 24 bits of the 4-character group starting at char index g. */
export function decodeGroup(text: string, g: number): number {
  return (
    (lookup[text.charCodeAt(g)]! << 18) | (lookup[text.charCodeAt(g + 1)]! << 12) | (lookup[text.charCodeAt(g + 2)]! << 6) | lookup[text.charCodeAt(g + 3)]!
  );
}

export function encodeGroup(n: number): string {
  return alphabet[(n >> 18) & 63]! + alphabet[(n >> 12) & 63]! + alphabet[(n >> 6) & 63]! + alphabet[n & 63]!;
}
