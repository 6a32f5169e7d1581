import { createTokenBucket } from './token-bucket';

describe('createTokenBucket', () => {
  let clock = 0;
  const now = () => clock;
  const takes = (bucket: ReturnType<typeof createTokenBucket>, n: number) => Array.from({ length: n }, () => bucket.take()).filter(Boolean).length;

  it('allows a burst, then refuses', () => {
    const bucket = createTokenBucket({ burst: 10, perSecond: 5, now });
    expect(takes(bucket, 25)).toBe(10);
  });

  it.each([
    [200, 1],
    [1000, 5],
    [60_000, 10],
  ])('after %i ms refills %i tokens (never more than the burst)', (ms, tokens) => {
    const bucket = createTokenBucket({ burst: 10, perSecond: 5, now });
    takes(bucket, 10);
    clock += ms;
    expect(takes(bucket, 20)).toBe(tokens);
  });

  it('keeps partial tokens between calls', () => {
    const bucket = createTokenBucket({ burst: 1, perSecond: 5, now });
    bucket.take();
    clock += 100;
    expect(bucket.take()).toBe(false);
    clock += 100;
    expect(bucket.take()).toBe(true);
  });
});
