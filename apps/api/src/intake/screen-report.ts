import type { Redis } from 'ioredis';
import type { FilterReason, RedisKeys } from '@outage-radar/shared';

/** How many reports one source may add to what the detector sees, per service and window. */
export interface FloodRules {
  /** Reports counted from one network prefix (IPv4 /24, IPv6 /48); more are stored but discounted. */
  reportsPerPrefix: number;
  /** A user agent is judged by its share only once it has sent this many counted reports. */
  agentMinimum: number;
  /** Largest share (0..1) of the window's counted reports that one user agent may hold. */
  agentShare: number;
}

export const defaultFloodRules: FloodRules = { reportsPerPrefix: 5, agentMinimum: 30, agentShare: 0.8 };

export type Verdict = 'duplicate' | 'counted' | FilterReason;

// One atomic step per report, so that replicas and concurrent requests agree:
// 1. a repeat of the same person (any of the person keys still set) is refused;
// 2. the person keys are set for the window;
// 3. the report is counted against its network prefix: past the allowance it is discounted;
// 4. a user agent already holding more than its share of the counted reports is discounted.
const screen = `
local checks = tonumber(ARGV[1])
local sets = tonumber(ARGV[2])
for i = 1, checks do
  if redis.call('EXISTS', KEYS[i]) == 1 then return {'duplicate', 0} end
end
for i = 1, sets do redis.call('SET', KEYS[i], '1', 'EX', ARGV[3]) end
local flood = KEYS[checks + 1]
local fromPrefix = redis.call('HINCRBY', flood, ARGV[4], 1)
redis.call('EXPIRE', flood, 2 * tonumber(ARGV[3]))
if fromPrefix > tonumber(ARGV[6]) then return {'prefix-flood', fromPrefix} end
if ARGV[5] ~= '' then
  local counted = tonumber(redis.call('HGET', flood, 'counted') or '0')
  local fromAgent = tonumber(redis.call('HGET', flood, ARGV[5]) or '0')
  if fromAgent >= tonumber(ARGV[7]) and fromAgent + 1 > tonumber(ARGV[8]) * (counted + 1) then return {'agent-flood', fromPrefix} end
  redis.call('HINCRBY', flood, ARGV[5], 1)
end
redis.call('HINCRBY', flood, 'counted', 1)
return {'counted', fromPrefix}`;

export interface ScreenInput {
  slug: string;
  kind: 'problem' | 'working';
  /** Hashes that mark this person as having reported (a repeat if any is set); the first `newCount` are set. */
  personHashes: string[];
  newCount: number;
  /** Hashes of the network prefix and the user agent (null when the request has none). */
  prefixHash: string | null;
  agentHash: string | null;
  at: number;
  windowSeconds: number;
  rules: FloodRules;
}

export interface Screened {
  verdict: Verdict;
  /** Reports from the same network prefix for this service in this window, this one included. */
  fromPrefix: number;
  /** Gives the person's slot back (the report could not be queued, so they may try again at once). */
  release: () => Promise<void>;
}

/** Decides whether a report counts, is a repeat, or is stored but left out of what the detector sees. */
export async function screenReport(redis: Redis, keys: RedisKeys, input: ScreenInput): Promise<Screened> {
  const personKeys = input.personHashes.map((hash) => keys.recentReporter(input.slug, hash, input.kind));
  const window = Math.floor(input.at / (input.windowSeconds * 1000));
  const floodKey = keys.flood(input.slug, input.kind, window);
  const reply = (await redis.eval(
    screen,
    personKeys.length + 1,
    ...personKeys,
    floodKey,
    personKeys.length,
    input.newCount,
    input.windowSeconds,
    // Without an address there is no prefix: such reports share one allowance.
    `p:${input.prefixHash ?? 'none'}`,
    input.agentHash ? `a:${input.agentHash}` : '',
    input.rules.reportsPerPrefix,
    input.rules.agentMinimum,
    input.rules.agentShare,
  )) as [Verdict, number];
  const setKeys = personKeys.slice(0, input.newCount);
  return {
    verdict: reply[0],
    fromPrefix: Number(reply[1]),
    release: async () => {
      if (setKeys.length > 0) await redis.del(...setKeys);
    },
  };
}
