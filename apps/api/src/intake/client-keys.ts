import { createHmac, timingSafeEqual } from 'node:crypto';

const hourMs = 3_600_000;

export interface ClientKeys {
  /**
   * Keyed hash of an address, network prefix or first-party id, with a key that changes every
   * rotation period: the same value hashes alike within a period and unlinkably across periods.
   * `purpose` separates uses, so a rate-limit key can never be matched with a stored hash.
   */
  hash(purpose: string, value: string, at: number): string;
  /** The hash of the same value in the period before `at`'s (to recognise a repeat across the boundary). */
  previousHash(purpose: string, value: string, at: number): string;
  /** `id.signature`: a first-party id the API issued, which nobody else can mint. */
  sign(id: string): string;
  /** The id of a token `sign` made, or null for anything else. */
  verify(token: string | undefined): string | null;
}

/**
 * Hashes and signatures for everything that identifies a client, derived from one secret that is
 * never stored with the data (see client-secret.ts). `rotationHours` (default 24) bounds how long
 * any two stored hashes of one person can be linked.
 */
export function createClientKeys(secret: string, rotationHours = 24): ClientKeys {
  const periodMs = rotationHours * hourMs;
  const periodKeys = new Map<number, Buffer>();
  const keyOf = (period: number): Buffer => {
    let key = periodKeys.get(period);
    if (!key) {
      key = createHmac('sha256', secret).update(`period:${period}`).digest();
      // Only the current and previous periods are ever asked for.
      if (periodKeys.size > 4) periodKeys.clear();
      periodKeys.set(period, key);
    }
    return key;
  };
  const hashIn = (period: number, purpose: string, value: string) =>
    createHmac('sha256', keyOf(period)).update(`${purpose}\u0000${value}`).digest('base64url').slice(0, 22);
  const signatureOf = (id: string) => createHmac('sha256', secret).update(`id:${id}`).digest('base64url').slice(0, 22);

  return {
    hash: (purpose, value, at) => hashIn(Math.floor(at / periodMs), purpose, value),
    previousHash: (purpose, value, at) => hashIn(Math.floor(at / periodMs) - 1, purpose, value),
    sign: (id) => `${id}.${signatureOf(id)}`,
    verify(token) {
      if (!token || token.length > 100) return null;
      const dot = token.lastIndexOf('.');
      if (dot <= 0) return null;
      const id = token.slice(0, dot);
      const given = Buffer.from(token.slice(dot + 1));
      const expected = Buffer.from(signatureOf(id));
      return given.length === expected.length && timingSafeEqual(given, expected) ? id : null;
    },
  };
}
