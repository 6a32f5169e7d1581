// Seeded random draws for the synthetic series: the same seed gives the same series on any machine.

import { logGamma } from '../src/nb-tail';

// Bound once: inside a sandbox (jest's vm) every `Math.x` is a slow global lookup.
const { PI, abs, cos, exp, floor, imul, log, max, pow, sqrt } = Math;

export type Random = () => number;

/** mulberry32: small, fast, good enough for simulation. Uniform in [0, 1). */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = imul(t ^ (t >>> 15), t | 1);
    t ^= t + imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function normal(rnd: Random): number {
  const u = max(rnd(), 1e-12);
  return sqrt(-2 * log(u)) * cos(2 * PI * rnd());
}

/** Gamma(shape, 1) by Marsaglia and Tsang. */
export function gamma(rnd: Random, shape: number): number {
  if (shape < 1) return gamma(rnd, shape + 1) * pow(max(rnd(), 1e-300), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(rnd);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rnd();
    if (u < 1 - 0.0331 * x ** 4 || log(u) < 0.5 * x * x + d * (1 - v + log(v))) return d * v;
  }
}

/** Poisson(mean): multiplication for small means, Hörmann's PTRS rejection for large ones. */
export function poisson(rnd: Random, mean: number): number {
  if (mean <= 0) return 0;
  if (mean < 30) {
    const limit = exp(-mean);
    let k = 0;
    let p = rnd();
    while (p > limit) {
      k++;
      p *= rnd();
    }
    return k;
  }
  const slam = sqrt(mean);
  const loglam = log(mean);
  const b = 0.931 + 2.53 * slam;
  const a = -0.059 + 0.02483 * b;
  const invAlpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = rnd() - 0.5;
    const v = rnd();
    const us = 0.5 - abs(u);
    const k = floor(((2 * a) / us + b) * u + mean + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (log(v) + log(invAlpha) - log(a / (us * us) + b) <= -mean + k * loglam - logGamma(k + 1)) return k;
  }
}

/** Negative binomial as a gamma–Poisson mixture: variance = mean + dispersion × mean². */
export function negativeBinomial(rnd: Random, mean: number, dispersion: number): number {
  if (dispersion <= 0) return poisson(rnd, mean);
  return poisson(rnd, mean * gamma(rnd, 1 / dispersion) * dispersion);
}

export function uniformInt(rnd: Random, lo: number, hi: number): number {
  return lo + floor(rnd() * (hi - lo + 1));
}

export function uniform(rnd: Random, lo: number, hi: number): number {
  return lo + rnd() * (hi - lo);
}
