/**
 * A small seeded random number generator, so the same seed always gives the same synthetic
 * content and two benchmark runs build exactly the same files.
 */

/** mulberry32: 32-bit state, good enough spread for picking words; not for anything secret. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mixes several numbers into one seed, so blueprint 7 of run seed 1 has its own stream. */
export function mixSeed(...parts: number[]): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    h = Math.imul(h ^ (part >>> 0), 0x01000193);
    h ^= h >>> 13;
  }
  return h >>> 0;
}

export class Random {
  private readonly next: () => number;

  constructor(seed: number) {
    this.next = mulberry32(seed);
  }

  /** A number in [0, 1). */
  float(): number {
    return this.next();
  }

  /** A whole number from min to max, both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /**
   * Picks with a Zipf-like bias towards the start of the list, as real prose reuses a few
   * words often and most words rarely. `skew` 0 is uniform; 1 is roughly Zipf.
   */
  zipf<T>(items: readonly T[], skew = 0.8): T {
    const u = this.next();
    const index = Math.floor(items.length * Math.pow(u, 1 + skew * 2));
    return items[Math.min(index, items.length - 1)];
  }

  /** `count` different items, in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    const out: T[] = [];
    while (out.length < count && pool.length > 0) out.push(pool.splice(Math.floor(this.next() * pool.length), 1)[0]);
    return out;
  }

  /** Picks by weight: `[['a', 9], ['b', 1]]` gives "a" nine times in ten. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T {
    const total = choices.reduce((sum, [, w]) => sum + w, 0);
    let u = this.next() * total;
    for (const [value, weight] of choices) {
      u -= weight;
      if (u < 0) return value;
    }
    return choices[choices.length - 1][0];
  }
}
