// A binary min-heap of integer records keyed by a cost, for the cheapest-first path search.

/**
 * Record ids ordered by `key[id]` (smallest first), ties by `tie[id]` then by id, so that the order of equal costs
 * is fixed by the data and not by the heap's shape. The key and tie arrays belong to the caller and may be replaced
 * as they grow (`rebind`).
 */
export class CostHeap {
  size = 0;

  /** `items` holds the heap (its first `size` entries); it grows by itself when full, unless rebound first. */
  constructor(
    private key: Float64Array,
    private tie: Uint8Array,
    private items: Int32Array = new Int32Array(1024),
  ) {}

  /** Points the heap at grown copies of the key and tie arrays, and of its items. */
  rebind(key: Float64Array, tie: Uint8Array, items: Int32Array = this.items): void {
    this.key = key;
    this.tie = tie;
    this.items = items;
  }

  /** The smallest record, without removing it; -1 when empty. */
  peek(): number {
    return this.size === 0 ? -1 : this.items[0]!;
  }

  push(id: number): void {
    if (this.size === this.items.length) {
      const grown = new Int32Array(this.items.length * 2);
      grown.set(this.items);
      this.items = grown;
    }
    const items = this.items;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(id, items[parent]!)) break;
      items[i] = items[parent]!;
      i = parent;
    }
    items[i] = id;
  }

  pop(): number {
    const items = this.items;
    const top = items[0]!;
    const last = items[--this.size]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= this.size) break;
      if (child + 1 < this.size && this.before(items[child + 1]!, items[child]!)) child++;
      if (!this.before(items[child]!, last)) break;
      items[i] = items[child]!;
      i = child;
    }
    if (this.size > 0) items[i] = last;
    return top;
  }

  private before(a: number, b: number): boolean {
    const ka = this.key[a]!;
    const kb = this.key[b]!;
    if (ka !== kb) return ka < kb;
    const ta = this.tie[a]!;
    const tb = this.tie[b]!;
    return ta !== tb ? ta < tb : a < b;
  }
}
