// What every panel receives: the store, the graph, the schema, the data cache and the canvas controls.
import type { EdgeTypeInfo, NodeTypeInfo, SchemaResponse } from "../api/index.js";
import type { DisplayGraph, Visibility } from "../graph/index.js";
import type { CanvasControls, CanvasOverlay, Renderer } from "../renderer/index.js";
import type { Store } from "../state/index.js";
import type { DataCache } from "./data-cache.js";
import type { ResultsArea } from "./results-area.js";

export interface AppContext {
  store: Store;
  graph: DisplayGraph;
  schema: SchemaResponse;
  nodeTypes: Map<string, NodeTypeInfo>;
  edgeTypes: Map<string, EdgeTypeInfo>;
  data: DataCache;
  renderer: Renderer;
  canvas: CanvasControls;
  /** The tabs answers are shown in (details, paths, table, query results) and the source reader's dock. */
  results: ResultsArea;
  /** The nodes and edges that pass the current filters. */
  visibility(): Visibility;
  /**
   * On a large corpus (its scene lists its members), bring these nodes into the scene, loading them first: what
   * search, paths and links do with a node not drawn yet. Answers the ids brought in. Absent when all is loaded.
   */
  bringIn?: (ids: string[]) => Promise<string[]>;
  /** What the page draws over or under the canvas besides sigma: the PNG of the view draws it too. */
  overlays: CanvasOverlay[];
  /** Put a short message in the status line (read by screen readers). */
  announce(message: string): void;
}
