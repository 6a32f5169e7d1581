import { createHmac } from 'node:crypto';

/** Keyed hash of the client address: lets abuse rules recognise a repeat reporter without keeping the address. */
export function hashClient(salt: string, ip: string | undefined): string | null {
  if (!ip) return null;
  return createHmac('sha256', salt).update(ip).digest('base64url').slice(0, 22);
}
