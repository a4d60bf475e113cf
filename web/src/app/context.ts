// What every panel receives: the store, the graph, the schema, the data cache and the canvas controls.
import type { EdgeTypeInfo, NodeTypeInfo, SchemaResponse } from "../api/index.js";
import type { DisplayGraph, Visibility } from "../graph/index.js";
import type { CanvasControls, Renderer } from "../renderer/index.js";
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
  /** Put a short message in the status line (read by screen readers). */
  announce(message: string): void;
}
