import { singleFlight } from './single-flight';

/** A computation the test finishes by hand, counting how often it was started. */
function controlled() {
  const runs: { resolve: (value: number) => void; reject: (err: Error) => void }[] = [];
  const compute = () =>
    new Promise<number>((resolve, reject) => {
      runs.push({ resolve, reject });
    });
  return { compute, runs };
}

describe('singleFlight', () => {
  let clock = 0;
  const now = () => clock;
  beforeEach(() => {
    clock = 1_000_000;
  });

  it('shares one running computation among concurrent callers', async () => {
    const { compute, runs } = controlled();
    const get = singleFlight(compute, 1000, now);
    const answers = [get(), get(), get()];
    expect(runs).toHaveLength(1);
    runs[0]?.resolve(42);
    expect(await Promise.all(answers)).toEqual([42, 42, 42]);
  });

  it('keeps a result for ttlMs after it started, then computes again', async () => {
    const { compute, runs } = controlled();
    const get = singleFlight(compute, 1000, now);
    const first = get();
    runs[0]?.resolve(1);
    await first;
    clock += 999;
    expect(await get()).toBe(1);
    expect(runs).toHaveLength(1);
    clock += 1;
    const second = get();
    expect(runs).toHaveLength(2);
    runs[1]?.resolve(2);
    expect(await second).toBe(2);
  });

  it('does not start a second computation while a slow one outlives ttlMs', () => {
    const { compute, runs } = controlled();
    const get = singleFlight(compute, 1000, now);
    void get();
    clock += 5000;
    void get();
    expect(runs).toHaveLength(1);
  });

  it('keeps no failure: the callers it failed for see it, the next caller tries again', async () => {
    const { compute, runs } = controlled();
    const get = singleFlight(compute, 1000, now);
    const failed = get();
    runs[0]?.reject(new Error('database away'));
    await expect(failed).rejects.toThrow('database away');
    const retried = get();
    expect(runs).toHaveLength(2);
    runs[1]?.resolve(7);
    expect(await retried).toBe(7);
  });

  it('turns a synchronous throw into a rejection', async () => {
    const get = singleFlight(
      () => {
        throw new Error('boom');
      },
      1000,
      now,
    );
    await expect(get()).rejects.toThrow('boom');
  });
});
