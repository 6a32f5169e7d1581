import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * True when the request carries `Authorization: Bearer <token>` for the configured admin token.
 * Both sides are hashed first, so the comparison takes the same time whatever the length or the
 * first wrong character.
 */
export function hasAdminToken(req: Request, adminToken: string | undefined): boolean {
  if (!adminToken) return false;
  const header = req.get('authorization') ?? '';
  const given = header.startsWith('Bearer ') ? header.slice(7) : '';
  return timingSafeEqual(digest(given), digest(adminToken));
}
