// The partial paths of a cheapest-first search, as columns kept from one search to the next and grown in slices.
import type { AdjacencyView } from "../adjacency-index";
import type { SliceClock } from "../slice-clock";
import type { IndexPath } from "./bidirectional-search";
import { CostHeap } from "./cost-heap";

/** Partial paths a search's columns hold at first. */
const INITIAL_RECORDS = 1024;

/** Elements of each column copied between two looks at the clock while the columns grow. */
const COPY_CHUNK = 1 << 16;

/** The columns, one row per partial path, and the heap's items (never more than the rows). */
export interface Columns {
  capacity: number;
  node: Int32Array;
  /** The row of the path one step shorter; -1 for the start. */
  parent: Int32Array;
  depth: Uint8Array;
  /** Via nodes passed (bits; at most PATH_RULES.via.maxItems of them). */
  passed: Uint8Array;
  /** The step into the node, as a run of entries of the view walked from the start (the same two nodes). */
  runStart: Int32Array;
  runEnd: Int32Array;
  /** Cost so far, and that plus a lower bound of the rest. */
  cost: Float64Array;
  estimate: Float64Array;
  heapItems: Int32Array;
}

type ColumnName = Exclude<keyof Columns, "capacity">;

/** Each column's array type. */
const COLUMN_TYPES = {
  node: Int32Array,
  parent: Int32Array,
  depth: Uint8Array,
  passed: Uint8Array,
  runStart: Int32Array,
  runEnd: Int32Array,
  cost: Float64Array,
  estimate: Float64Array,
  heapItems: Int32Array,
} as const satisfies Record<ColumnName, unknown>;

const COLUMN_NAMES = Object.keys(COLUMN_TYPES) as ColumnName[];

function allocate(capacity: number): Columns {
  const columns = { capacity } as Record<string, unknown>;
  for (const name of COLUMN_NAMES) columns[name] = new COLUMN_TYPES[name](capacity);
  return columns as unknown as Columns;
}

/**
 * Columns by the scratch memory of the index a search runs on. Searches on one scratch never overlap (the scratch
 * holds a suspended search's state already), so they take turns with the same columns: a large search allocates
 * them once, where allocating hundreds of megabytes per search, and copying them whole as they doubled, held the
 * event loop and brought on full garbage collections of a large graph's heap.
 */
const kept = new WeakMap<object, Columns>();

/**
 * The partial paths of one search, each a row whose parent is the path one step shorter, with the heap that orders
 * them by estimate (ties: fewer steps, then row). Rows are never removed; `reserve` makes room before a node's
 * children are added, in slices.
 */
export class PathRecords {
  size = 0;
  readonly heap: CostHeap;
  private store: Columns;

  /**
   * Takes the columns kept for `scratch` (an index's scratch memory, see above), or new ones. `view` is the view
   * the search walks from the start: a step's edge is the first of its run.
   */
  constructor(
    private readonly scratch: object,
    private readonly view: AdjacencyView,
  ) {
    this.store = kept.get(scratch) ?? allocate(INITIAL_RECORDS);
    kept.set(scratch, this.store);
    this.heap = new CostHeap(this.store.estimate, this.store.depth, this.store.heapItems);
  }

  /** Every column at once, for a search's inner loop; replaced when `reserve` grows them. */
  get columns(): Readonly<Columns> {
    return this.store;
  }

  get node(): Int32Array {
    return this.store.node;
  }
  get parent(): Int32Array {
    return this.store.parent;
  }
  get depth(): Uint8Array {
    return this.store.depth;
  }
  get passed(): Uint8Array {
    return this.store.passed;
  }
  get runStart(): Int32Array {
    return this.store.runStart;
  }
  get runEnd(): Int32Array {
    return this.store.runEnd;
  }
  get cost(): Float64Array {
    return this.store.cost;
  }
  get estimate(): Float64Array {
    return this.store.estimate;
  }

  /** A new row; `reserve` must have made room for it. */
  add(): number {
    return this.size++;
  }

  /**
   * Makes room for `rows` rows in all, yielding whenever `clock` is due while the columns are made and copied: at
   * least double the room, but never more than `most` (the search's cap on rows) unless `rows` asks for it. Each
   * column is made in a slice of its own: made all at once, tens of megabytes each on a large graph, they brought
   * on garbage collections in the same slice.
   */
  *reserve(rows: number, most: number, clock: SliceClock): Generator<void, void, undefined> {
    const old = this.store;
    if (rows <= old.capacity) return;
    const doing = clock.doing;
    clock.enter("growing records");
    const capacity = Math.max(rows, Math.min(2 * old.capacity, most));
    // Starts as the old columns, each replaced in turn by its bigger copy.
    const grown: Columns = { ...old, capacity };
    for (const name of COLUMN_NAMES) {
      if (clock.due()) yield* clock.pause();
      const column = new COLUMN_TYPES[name](capacity);
      const used = name === "heapItems" ? this.heap.size : this.size;
      for (let start = 0; start < used; start += COPY_CHUNK) {
        if (start > 0 && clock.due()) yield* clock.pause();
        column.set(old[name].subarray(start, Math.min(used, start + COPY_CHUNK)), start);
      }
      (grown as Record<ColumnName, unknown>)[name] = column;
    }
    this.store = grown;
    kept.set(this.scratch, grown);
    this.heap.rebind(grown.estimate, grown.depth, grown.heapItems);
    clock.enter(doing);
  }

  /** Whether `w` is on the partial path ending at row `r`. */
  holds(r: number, w: number): boolean {
    const { node, parent } = this.store;
    for (let a = r; a >= 0; a = parent[a]!) if (node[a] === w) return true;
    return false;
  }

  /** The path ending at row `r`, in index form. */
  path(r: number): IndexPath {
    const { node, parent, runStart } = this.store;
    const nodes: number[] = [];
    const edges: number[] = [];
    for (let a = r; a >= 0; a = parent[a]!) {
      nodes.push(node[a]!);
      if (parent[a]! >= 0) edges.push(this.view.edges[runStart[a]!]!);
    }
    return { nodes: nodes.reverse(), edges: edges.reverse() };
  }
}
