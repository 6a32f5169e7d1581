import { createClientKeys } from './client-keys';

const dayMs = 24 * 3_600_000;
const t0 = Date.UTC(2026, 11, 1, 12);

describe('the keys that stand for a client', () => {
  const keys = createClientKeys('a-secret-of-enough-length');

  it('hashes one value alike within a period and differently in the next', () => {
    expect(keys.hash('person', '203.0.113.7', t0)).toBe(keys.hash('person', '203.0.113.7', t0 + 3_600_000));
    expect(keys.hash('person', '203.0.113.7', t0)).not.toBe(keys.hash('person', '203.0.113.7', t0 + dayMs));
    expect(keys.previousHash('person', '203.0.113.7', t0 + dayMs)).toBe(keys.hash('person', '203.0.113.7', t0));
  });

  it('never gives one hash for two purposes or two secrets', () => {
    expect(keys.hash('person', '203.0.113.7', t0)).not.toBe(keys.hash('rate', '203.0.113.7', t0));
    expect(createClientKeys('another-secret-entirely').hash('person', '203.0.113.7', t0)).not.toBe(keys.hash('person', '203.0.113.7', t0));
  });

  it('holds no address in what it returns', () => {
    expect(keys.hash('person', '203.0.113.7', t0)).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it.each([
    ['its own token', (id: string) => keys.sign(id), 'f00d'],
    ['a token with a forged signature', (id: string) => `${id}.${'x'.repeat(22)}`, null],
    ['a token of another secret', (id: string) => createClientKeys('another-secret-entirely').sign(id), null],
    ['no signature', (id: string) => id, null],
    ['a very long token', (id: string) => keys.sign(id.repeat(50)), null],
  ])('verifies %s', (_, make, expected) => {
    expect(keys.verify(make('f00d'))).toBe(expected);
  });
});
