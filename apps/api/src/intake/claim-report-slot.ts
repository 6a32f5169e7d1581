import type { Redis } from 'ioredis';
import type { RedisKeys } from '@outage-radar/shared';

/**
 * One counted report per person, service and answer kind per window: true when this one may be
 * counted, false when the same person already reported the same thing within the window.
 */
export async function claimReportSlot(
  redis: Redis,
  keys: RedisKeys,
  claim: { slug: string; clientHash: string | null; kind: 'problem' | 'working'; windowSeconds: number },
): Promise<boolean> {
  if (!claim.clientHash) return true;
  const set = await redis.set(keys.recentReporter(claim.slug, claim.clientHash, claim.kind), '1', 'EX', claim.windowSeconds, 'NX');
  return set === 'OK';
}

/** Gives the slot back when the report could not be queued, so the person may try again at once. */
export async function releaseReportSlot(
  redis: Redis,
  keys: RedisKeys,
  claim: { slug: string; clientHash: string | null; kind: 'problem' | 'working' },
): Promise<void> {
  if (claim.clientHash) await redis.del(keys.recentReporter(claim.slug, claim.clientHash, claim.kind));
}
