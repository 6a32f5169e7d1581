/**
 * A token bucket: starts with `burst` tokens and gains `perSecond` a second, up to `burst` again.
 * `take()` spends one token, or answers false when there is none.
 */
export function createTokenBucket(options: { burst: number; perSecond: number; now?: () => number }) {
  const now = options.now ?? Date.now;
  let tokens = options.burst;
  let refilledAt = now();
  return {
    take(): boolean {
      const at = now();
      tokens = Math.min(options.burst, tokens + ((at - refilledAt) / 1000) * options.perSecond);
      refilledAt = at;
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}
