// The ranges' random numbers (spec §11): mulberry32 on a 32-bit state, and the
// Latin hypercube that spreads each ranged input over N equal-probability strata.

/** mulberry32: each call returns the next u in [0, 1). `a` starts at the seed. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The stratum points q of a Latin hypercube: for each of `dimensions` in order, a
 * permutation π of 0…N−1 (Fisher–Yates from the identity, k = N−1 down to 1,
 * j = ⌊u·(k+1)⌋), then for n = 0…N−1 a fresh draw v and q = (π[n] + v) ÷ N.
 * One generator serves every dimension, so the order is part of the result.
 */
export function latinHypercube(dimensions: number, samples: number, seed: number): Float64Array[] {
  const next = mulberry32(seed);
  const out: Float64Array[] = [];
  for (let d = 0; d < dimensions; d++) {
    const perm = Array.from({ length: samples }, (_, i) => i);
    for (let k = samples - 1; k >= 1; k--) {
      const j = Math.floor(next() * (k + 1));
      const swap = perm[k]!;
      perm[k] = perm[j]!;
      perm[j] = swap;
    }
    const q = new Float64Array(samples);
    for (let n = 0; n < samples; n++) q[n] = (perm[n]! + next()) / samples;
    out.push(q);
  }
  return out;
}

/**
 * P_p of values sorted ascending (spec §11): v_⌊h⌋ + (h − ⌊h⌋)(v_⌊h⌋+1 − v_⌊h⌋),
 * h = (K − 1)·p; so P50 of an even count is the mean of the middle two. Null when K = 0.
 */
export function percentile(sorted: ArrayLike<number>, p: number): number | null {
  const k = sorted.length;
  if (k === 0) return null;
  const h = (k - 1) * p;
  const i = Math.floor(h);
  const lo = sorted[i]!;
  return i + 1 < k ? lo + (h - i) * (sorted[i + 1]! - lo) : lo;
}
