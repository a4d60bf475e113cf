// Seeded random numbers for the benchmark corpus and query pairs: the same seed always gives the same stream.

/**
 * A small, fast 32-bit generator (mulberry32) with the draws the generator needs. Not for anything secret.
 * Every draw advances one stream, so the order of calls is part of what the seed reproduces.
 */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A number in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** One element of a non-empty list, uniformly. */
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }
}

/**
 * Draws indices 0..n-1 with probability proportional to 1 / (i + 1)^exponent: index 0 is the biggest hub, and
 * degrees follow a power law. O(log n) per draw by binary search over cumulative weights.
 */
export class ZipfSampler {
  private readonly cumulative: Float64Array;

  constructor(
    readonly size: number,
    exponent: number,
  ) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`ZipfSampler: size must be >= 1, got ${size}`);
    this.cumulative = new Float64Array(size);
    let total = 0;
    for (let i = 0; i < size; i++) {
      total += 1 / Math.pow(i + 1, exponent);
      this.cumulative[i] = total;
    }
  }

  /** An index drawn from the power law. */
  draw(random: SeededRandom): number {
    const target = random.next() * this.cumulative[this.size - 1]!;
    let lo = 0;
    let hi = this.size - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid]! <= target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
