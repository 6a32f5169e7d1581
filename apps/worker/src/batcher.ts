/**
 * Collects items handed in one at a time (one per queue job) and writes them together: a batch is
 * written when it holds `maxSize` items or `maxWaitMs` after its first item. `write` returns one
 * outcome per item (null for success, or the item's error), so one bad item fails only its own job.
 */
export function createBatcher<T>(write: (items: T[]) => Promise<(Error | null)[]>, options: { maxSize: number; maxWaitMs: number }) {
  let pending: { item: T; resolve: () => void; reject: (err: unknown) => void }[] = [];
  let timer: NodeJS.Timeout | null = null;
  const inFlight = new Set<Promise<void>>();

  function flush(): void {
    if (timer) clearTimeout(timer);
    timer = null;
    const batch = pending;
    pending = [];
    if (batch.length === 0) return;
    const done = write(batch.map((p) => p.item)).then(
      (outcomes) => batch.forEach((p, i) => (outcomes[i] ? p.reject(outcomes[i]) : p.resolve())),
      (err: unknown) => batch.forEach((p) => p.reject(err)),
    );
    inFlight.add(done);
    void done.finally(() => inFlight.delete(done));
  }

  return {
    add(item: T): Promise<void> {
      return new Promise<void>((resolve, reject) => {
        pending.push({ item, resolve, reject });
        if (pending.length >= options.maxSize) flush();
        else timer ??= setTimeout(flush, options.maxWaitMs);
      });
    },
    /** Writes what is waiting and resolves when every batch has been written. */
    async drain(): Promise<void> {
      flush();
      await Promise.allSettled([...inFlight]);
    },
  };
}
