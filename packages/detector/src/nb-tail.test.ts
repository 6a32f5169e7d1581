import { logGamma, nbLogTail, nbTail } from './nb-tail';

// Reference: sum the probability mass function directly (fine for small counts).
function bruteTail(k: number, mean: number, dispersion: number): number {
  const r = 1 / dispersion;
  const p = r / (r + mean);
  let below = 0;
  for (let x = 0; x < k; x++) {
    below += Math.exp(logGamma(x + r) - logGamma(r) - logGamma(x + 1) + r * Math.log(p) + x * Math.log1p(-p));
  }
  return 1 - below;
}

// Sum the upper terms, so tiny tails keep their digits.
function poissonTail(k: number, mean: number): number {
  let term = Math.exp(-mean + k * Math.log(mean) - logGamma(k + 1));
  let above = 0;
  for (let x = k; term > above * 1e-17 || x < mean; x++) {
    above += term;
    term *= mean / (x + 1);
  }
  return above;
}

describe('logGamma', () => {
  it.each([
    [1, 0],
    [2, 0],
    [5, Math.log(24)],
    [0.5, Math.log(Math.sqrt(Math.PI))],
    [101, 363.73937555556347],
  ])('ln Γ(%f) = %f', (x, want) => {
    expect(logGamma(x)).toBeCloseTo(want, 10);
  });
});

describe('nbTail', () => {
  it.each([
    // k, mean, dispersion
    [1, 0.05, 0.1],
    [3, 0.5, 0.2],
    [5, 3, 0.05],
    [10, 3, 0.05],
    [20, 3, 0.5],
    [2, 4, 0.1],
    [40, 30, 0.02],
    [0, 3, 0.1],
  ])('P(X ≥ %i) under NB(mean %f, φ %f) matches the summed mass function', (k, mean, dispersion) => {
    expect(nbTail(k, mean, dispersion)).toBeCloseTo(bruteTail(k, mean, dispersion), 10);
  });

  it.each([
    [15, 3],
    [60, 3],
    [3, 0.05],
    [260, 200],
  ])('is the Poisson tail P(X ≥ %i | %f) as φ → 0', (k, mean) => {
    const want = poissonTail(k, mean);
    expect(nbTail(k, mean, 1e-9) / want).toBeCloseTo(1, 8);
    expect(nbTail(k, mean, 1e-5) / want).toBeCloseTo(1, 1);
  });

  it.each([
    // A quiet service's jump is far less surprising once overdispersion is allowed for.
    [12, 3, 0.2, 10],
    [300, 200, 0.05, 1e6],
  ])('is heavier with dispersion: P(X ≥ %i | mean %f) at φ %f is %f times the Poisson tail', (k, mean, phi, factor) => {
    expect(nbTail(k, mean, phi)).toBeGreaterThan(poissonTail(k, mean) * factor);
  });

  it('stays finite in log scale far into the tail', () => {
    const logP = nbLogTail(5000, 3, 0.05);
    expect(Number.isFinite(logP)).toBe(true);
    expect(logP).toBeLessThan(-1000);
  });

  it('is monotone in k', () => {
    let last = 0;
    for (let k = 0; k < 200; k++) {
      const lp = nbLogTail(k, 20, 0.05);
      expect(lp).toBeLessThanOrEqual(last + 1e-12);
      last = lp;
    }
  });
});
