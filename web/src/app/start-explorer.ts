// Starting the explorer on a loaded graph: the state restored from the URL, the canvas, the panels, then what the
// permalink asks of the camera and the server.
import { runPathQuery } from "../actions/index.js";
import type { SchemaResponse, SourceSummary } from "../api/index.js";
import { replaceChildren } from "../dom/index.js";
import type { DisplayGraph } from "../graph/index.js";
import { mountDetails } from "../panels/details/index.js";
import { mountExport } from "../panels/export/index.js";
import { mountFilters } from "../panels/filters/index.js";
import { mountPathFinder } from "../panels/path-finder/index.js";
import { mountQueryPanel } from "../panels/query/index.js";
import { mountSearch } from "../panels/search/index.js";
import { createEditSession, startEditing } from "../panels/annotate/index.js";
import { mountSourceReader } from "../panels/source-reader/index.js";
import { mountTable } from "../panels/table/index.js";
import { mountTimeline } from "../panels/timeline/index.js";
import { decodePermalink, restorePermalink, syncPermalink, validPermalink } from "../permalink/index.js";
import {
  blankLayerCounts,
  cameraControls,
  createCanvas,
  fitChosenPath,
  followShown,
  HIDDEN_EDGE_TYPE,
  mountCameraButtons,
  reducerCalls,
  trackCamera,
} from "../renderer/index.js";
import { mountScene, openOverview } from "../scene/index.js";
import { mountLargeCorpus } from "../scene/large-corpus.js";
import type { LargeCorpus } from "../scene/large-corpus.js";
import { createStore, initialState } from "../state/index.js";
import { bindCanvasEvents } from "./canvas-events.js";
import { describeCanvas } from "./canvas-summary.js";
import type { AppContext } from "./context.js";
import { mountCopyLink } from "./copy-link.js";
import { createDataCache } from "./data-cache.js";
import { followPermalink } from "./follow-permalink.js";
import { followResults } from "./follow-results.js";
import { followSuggestions } from "./follow-suggestions.js";
import { bindKeys } from "./keyboard.js";
import { foldLeftColumn, foldSourceReader } from "./narrow-layout.js";
import { followLiveUpdates } from "./live-updates.js";
import type { ExplorerPage } from "./page.js";
import { createResultsArea } from "./results-area.js";
import { mountSplitter } from "./splitter.js";

export function startExplorer(
  page: ExplorerPage,
  graph: DisplayGraph,
  schema: SchemaResponse,
  sources: SourceSummary[],
  /** A corpus too large to draw whole (its overview, where its groups go): the graph holds its first scene. */
  large?: LargeCorpus,
): void {
  replaceChildren(page.canvas);
  const { state: link, problems } = validPermalink(graph, decodePermalink(window.location.hash));
  const store = createStore(restorePermalink(link)(initialState()));
  // A large corpus's scene lists its members, so that what double-clicks and undo take away can leave it.
  if (large) store.dispatch(openOverview(graph.nodes()));

  const canvas = createCanvas(page.canvas, graph, store);
  page.canvas.setAttribute("data-ready", "true");
  const camera = cameraControls(canvas.renderer);
  // A link's camera is what its sender saw; without one the first view fits what is shown.
  if (link.camera) camera.setView(link.camera);
  else camera.fitShown();

  const ctx: AppContext = {
    store,
    graph,
    schema,
    nodeTypes: new Map(schema.nodeTypes.map((t) => [t.name, t])),
    edgeTypes: new Map(schema.edgeTypes.map((t) => [t.name, t])),
    data: createDataCache(graph, sources),
    renderer: canvas.renderer,
    canvas: camera,
    results: createResultsArea(page.results),
    visibility: canvas.visibility,
    overlays: [],
    announce: (message) => {
      page.status.textContent = message;
    },
  };

  // Every answer asks the server for suggested records exactly while the switch shows them.
  followSuggestions(store);
  // These follow the view, so they subscribe right after the canvas and before the panels.
  fitChosenPath(store, canvas, camera.fitNodes, Boolean(link.camera && link.pathQuery));
  followShown(store, canvas, camera);
  describeCanvas(page.canvasSummary, graph, store, canvas);
  bindCanvasEvents(ctx, page);
  trackCamera(canvas.renderer, store);
  const scene = mountScene(ctx, page.canvas.parentElement ?? page.canvas);
  if (large) mountLargeCorpus(ctx, scene, large, page.canvas.parentElement ?? page.canvas);
  // For scripts and the browser tests: read-only looks at the state and at where sigma draws a node.
  Object.assign(window, {
    rightsgraph: {
      state: () => store.get(),
      node: (id: string) =>
        graph.hasNode(id)
          ? {
              ...graph.getNodeAttributes(id),
              viewport: canvas.renderer.graphToViewport(graph.getNodeAttributes(id)),
              // The circle's radius on the canvas, in pixels, as sigma draws it now.
              radius: canvas.renderer.scaleSize(canvas.renderer.getNodeDisplayData(id)?.size ?? 0),
            }
          : null,
      visible: () => [...canvas.visibility().nodes],
      drawnEdges: () => graph.filterEdges((id) => canvas.renderer.getEdgeDisplayData(id)?.hidden === false),
      // Hidden relations left in a drawing program (which draws them, empty, every frame).
      hiddenEdgesDrawn: () =>
        graph.filterEdges((id) => {
          const data = canvas.renderer.getEdgeDisplayData(id);
          return data?.hidden === true && data.type !== HIDDEN_EDGE_TYPE;
        }).length,
      camera: () => canvas.renderer.getCamera().getState(),
      // The node and edge reducer calls so far: how much of the graph a change made sigma look at again.
      reducerCalls: () => reducerCalls(canvas.renderer),
      // For each WebGL canvas, the clears sent and those left out because it was blank (renderer/idle-blank-layers.ts).
      blankLayers: () => blankLayerCounts(canvas.renderer),
    },
  });

  const searchInput = mountSearch(page.search, ctx);
  mountFilters(page.left, ctx);
  mountExport(page.left, ctx);
  mountTimeline(page.timeline, ctx);
  const filtersTab = ctx.results.addTab("filters", "Filters", { narrowOnly: true });
  mountDetails(ctx.results.addTab("details", "Details"), ctx);
  mountPathFinder(ctx.results.addTab("paths", "Paths"), ctx);
  mountTable(ctx.results.addTab("table", "Table"), ctx);
  mountQueryPanel(ctx.results.addTab("query", "Query"), ctx);
  const sourceTab = ctx.results.addTab("source", "Source", { narrowOnly: true });
  const editing = createEditSession(sources);
  mountSourceReader(ctx.results.dock, ctx, editing);
  foldLeftColumn(page.left, ctx.results, filtersTab);
  foldSourceReader(ctx.results, sourceTab, store);
  mountSplitter(page.splitter, page.layout, page.results);
  followResults(ctx);
  mountCameraButtons(page.canvasTools, camera);
  mountCopyLink(page.headerTools, ctx);
  syncPermalink(store, (decoded) => followPermalink(ctx, decoded));
  bindKeys(store, searchInput, page.hoverHint);

  // What the link asks beyond the state: a camera on its selected node, and the answer to its path question.
  if (link.selection?.kind === "node" && !link.camera) camera.focusNode(link.selection.id);
  if (link.pathQuery) void runPathQuery(store, link.pathQuery, link.activePath);
  ctx.announce(problems[0] ?? `${graph.order} nodes and ${graph.size} edges loaded.`);
  followLiveUpdates(ctx);
  void startEditing(ctx, editing);
  window.addEventListener("pagehide", () => canvas.renderer.kill());
}
