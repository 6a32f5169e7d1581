/**
 * Wraps `compute` so that it runs at most once at a time: callers while it runs, and for `ttlMs`
 * after it started, share its promise. A failure is not kept, so the next caller tries again.
 */
export function singleFlight<T>(compute: () => Promise<T>, ttlMs: number, now: () => number = Date.now): () => Promise<T> {
  let latest: { startedAt: number; promise: Promise<T>; settled: boolean } | null = null;
  return () => {
    if (latest && (!latest.settled || now() - latest.startedAt < ttlMs)) return latest.promise;
    // Called at once (not on a later tick); a synchronous throw becomes a rejection like any other.
    const entry = { startedAt: now(), promise: (async () => compute())(), settled: false };
    entry.promise.then(
      () => {
        entry.settled = true;
      },
      () => {
        entry.settled = true;
        if (latest === entry) latest = null;
      },
    );
    latest = entry;
    return entry.promise;
  };
}
