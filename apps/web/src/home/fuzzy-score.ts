/**
 * Smallest optimal-string-alignment distance between `query` and any substring of `target`
 * (Sellers' algorithm with adjacent transpositions): how many typos the query needs to appear in it.
 */
export function substringDistance(query: string, target: string): number {
  const q = Array.from(query);
  const t = Array.from(target);
  let prevPrev: number[] = new Array<number>(t.length + 1).fill(0);
  let prev: number[] = new Array<number>(t.length + 1).fill(0); // row 0: a match may start anywhere
  for (let i = 1; i <= q.length; i++) {
    const row = new Array<number>(t.length + 1);
    row[0] = i;
    for (let j = 1; j <= t.length; j++) {
      const cost = q[i - 1] === t[j - 1] ? 0 : 1;
      let best = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && q[i - 1] === t[j - 2] && q[i - 2] === t[j - 1]) best = Math.min(best, prevPrev[j - 2]! + 1);
      row[j] = best;
    }
    prevPrev = prev;
    prev = row;
  }
  return Math.min(...prev);
}

/** Typos tolerated for a query of this many characters: none for very short ones. */
export function toleratedTypos(length: number): number {
  if (length <= 3) return 0;
  if (length <= 5) return 1;
  if (length <= 9) return 2;
  return 3;
}

/** 0 (no match) .. 1 (equal). Both arguments must already be normalized. */
export function fuzzyScore(query: string, target: string): number {
  if (!query || !target) return 0;
  if (target === query) return 1;
  if (target.startsWith(query)) return 0.9 + 0.05 * (query.length / target.length);
  const length = Array.from(query).length;
  // One letter says little: only names that start with it.
  if (length < 2) return 0;
  if (target.includes(query)) return 0.8;
  const allowed = toleratedTypos(length);
  if (allowed === 0) return 0;
  const distance = substringDistance(query, target);
  return distance <= allowed ? 0.7 - (0.3 * distance) / (allowed + 1) : 0;
}
