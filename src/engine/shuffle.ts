/**
 * A small seeded shuffle for the train/test split, kept local to the data layer so the
 * split for a given seed never changes when the training's random numbers do.
 * mulberry32: 32-bit state, good enough to shuffle rows, identical on every platform.
 */

export function mulberry32(seed: number): () => number {
  let a = (Math.trunc(seed) ^ 0x9e3779b9) >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 0 … n−1 in an order fixed by `seed` (Fisher–Yates). */
export function shuffledIndices(n: number, seed: number): number[] {
  const next = mulberry32(seed);
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  return order;
}
