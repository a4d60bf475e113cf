// A power-law sampler for the benchmark corpus: a few hubs, many nodes of low degree, as in UN human-rights data.
import type { SeededRandom } from "../common";

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
