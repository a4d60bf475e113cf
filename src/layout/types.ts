// The layout layer's types: how a node is drawn (position, size, colour) and the options that shape the layout.

/** How one node is drawn: derived from the graph by `computeLayout`, never stored in graph-data/. */
export interface NodeDisplay {
  x: number;
  y: number;
  size: number;
  /** `#rrggbb`. */
  color: string;
}

/** Options of `computeLayout`; see `DEFAULT_LAYOUT_OPTIONS` for what each one does by default. */
export interface LayoutOptions {
  /** Seed of the initial positions: the same graph and seed always give the same layout. */
  seed: number;
  /** ForceAtlas2 iterations for a small graph; large graphs get fewer (see `workBudget`). */
  iterations: number;
  /** Fewest ForceAtlas2 iterations, however large the graph. */
  minIterations: number;
  /**
   * Upper bound on the ForceAtlas2 run's work, in node-pair interactions (iterations x repulsion pairs, plus
   * edges), so 10^5 nodes stays bounded; `minIterations` wins over it.
   */
  workBudget: number;
  /** Most noverlap passes (each pass is about linear in the number of nodes); 0 skips noverlap. */
  noverlapIterations: number;
  /** Graphs with more nodes skip noverlap: its pair set grows with crowding and overflows near 10^5 nodes. */
  noverlapMaxNodes: number;
  /** Size of a node without edges. */
  minSize: number;
  /** Size grows by `sizeScale * sqrt(degree)`. */
  sizeScale: number;
  /** Hubs never grow beyond this. */
  maxSize: number;
}
