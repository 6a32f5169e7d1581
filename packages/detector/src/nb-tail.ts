// Negative binomial upper tail, computed exactly through the regularized incomplete beta
// function. Report counts are small and overdispersed, so a normal approximation would
// call a 0 → 3 jump at a quiet service "impossible" and a 200 → 230 wobble at a busy one "normal".

// Bound once: inside a sandbox (jest's vm) every `Math.x` is a slow global lookup.
const { PI, abs, ceil, exp, log, log1p, min, sin } = Math;

const lanczos = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
  9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0 (Lanczos, g = 7; relative error about 1e-15). */
export function logGamma(x: number): number {
  if (x < 0.5) return log(PI / sin(PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let sum = lanczos[0]!;
  for (let i = 1; i < 9; i++) sum += lanczos[i]! / (z + i);
  const t = z + 7.5;
  return 0.5 * log(2 * PI) + (z + 0.5) * log(t) - t + log(sum);
}

const tiny = 1e-300;

// Continued fraction for the incomplete beta function (modified Lentz), as in Numerical Recipes.
function betaFraction(x: number, a: number, b: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  // Converges in O(sqrt(max(a, b))) steps; 5000 covers counts far beyond any minute of reports.
  for (let m = 1; m <= 5000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (abs(del - 1) < 1e-12) break;
  }
  return h;
}

/** ln I_x(a, b), the log of the regularized incomplete beta function, for a, b > 0 and 0 ≤ x ≤ 1. */
export function logIncompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return -Infinity;
  if (x >= 1) return 0;
  const front = logGamma(a + b) - logGamma(a) - logGamma(b) + a * log(x) + b * log1p(-x);
  if (x < (a + 1) / (a + b + 2)) return front + log(betaFraction(x, a, b)) - log(a);
  // The other side of the mode: compute the complement, which is the small quantity there.
  const complement = exp(front + log(betaFraction(1 - x, b, a)) - log(b));
  return log1p(-min(complement, 1));
}

// ln P(a, x), the regularized lower incomplete gamma function: P(Y ≥ a) for Y ~ Poisson(x), a ≥ 1.
function logPoissonTail(a: number, x: number): number {
  const front = a * log(x) - x - logGamma(a);
  if (x < a + 1) {
    // Series: converges fast when x is below the mode.
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 5000; n++) {
      term *= x / (a + n);
      sum += term;
      if (term < sum * 1e-15) break;
    }
    return front + log(sum);
  }
  // Continued fraction for the upper function Q; P = 1 - Q.
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 5000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (abs(del - 1) < 1e-15) break;
  }
  return log1p(-min(exp(front) * h, 1));
}

/**
 * ln P(X ≥ k) for X negative binomial with the given mean and dispersion φ
 * (variance = mean + φ·mean²; φ → 0 is Poisson). Log scale, so 1e-300 and smaller stay exact.
 */
export function nbLogTail(k: number, mean: number, dispersion: number): number {
  if (k <= 0) return 0;
  if (mean <= 0) return -Infinity;
  // With a huge size the beta function loses digits (ln Γ of a huge number); the Poisson limit is exact there.
  if (dispersion < 1e-7) return logPoissonTail(ceil(k), mean);
  const size = 1 / dispersion;
  return logIncompleteBeta(mean / (size + mean), ceil(k), size);
}

/** P(X ≥ k) for X ~ NB(mean, dispersion φ); see nbLogTail. */
export function nbTail(k: number, mean: number, dispersion: number): number {
  return exp(nbLogTail(k, mean, dispersion));
}
