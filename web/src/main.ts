// Entry point of the web explorer: load schema, graph and sources, build the canvas, mount the panels, restore the
// permalink.
import {
  clearSelection,
  escape,
  hoverEdge,
  hoverNode,
  runPathQuery,
  selectEdge,
  selectNode,
  setCamera,
} from "./actions/index.js";
import { api, errorMessage } from "./api/index.js";
import type { SchemaResponse, SourceSummary, GraphResponse } from "./api/index.js";
import type { AppContext, CanvasControls } from "./app/context.js";
import { createDataCache } from "./app/data-cache.js";
import { h, replaceChildren } from "./dom/index.js";
import { buildGraph, computeVisibility } from "./graph/index.js";
import type { DisplayGraph } from "./graph/index.js";
import { mountDetails } from "./panels/details/index.js";
import { mountExport } from "./panels/export/index.js";
import { mountFilters } from "./panels/filters/index.js";
import { mountPathFinder } from "./panels/path-finder/index.js";
import { mountSearch } from "./panels/search/index.js";
import { sentence } from "./panels/shared/sentence.js";
import { mountSourceReader } from "./panels/source-reader/index.js";
import { decodePermalink, syncPermalink } from "./permalink/index.js";
import type { PermalinkState } from "./permalink/index.js";
import { computeView } from "./reducers/index.js";
import { createRenderer, curveParallelEdges } from "./renderer/index.js";
import type { Renderer } from "./renderer/index.js";
import { createStore, initialState } from "./state/index.js";
import type { AppState, Store } from "./state/index.js";

function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`web: element #${id} is missing from index.html`);
  return el as T;
}

/** Keep only the parts of a permalink that still name things in this graph. */
function validPermalink(graph: DisplayGraph, decoded: PermalinkState): { state: PermalinkState; problems: string[] } {
  const problems: string[] = [];
  const state = { ...decoded };
  if (state.selection) {
    const ok = state.selection.kind === "node" ? graph.hasNode(state.selection.id) : graph.hasEdge(state.selection.id);
    if (!ok) {
      problems.push(
        `The linked ${state.selection.kind === "node" ? "node" : "relation"} “${state.selection.id}” is not in this graph.`,
      );
      state.selection = null;
    }
  }
  if (state.reading && !graph.hasEdge(state.reading.edgeId)) state.reading = null;
  if (state.pathQuery && (!graph.hasNode(state.pathQuery.from) || !graph.hasNode(state.pathQuery.to))) {
    problems.push("The linked path names a node that is not in this graph.");
    state.pathQuery = null;
    state.activePath = null;
  }
  return { state, problems };
}

function showLoadError(container: HTMLElement, message: string, retry: () => void): void {
  replaceChildren(
    container,
    h(
      "div",
      { class: "canvas-message error", attrs: { role: "alert" } },
      h("p", { text: `Could not load the graph: ${message}` }),
      h("button", { class: "primary", text: "Try again", attrs: { type: "button" }, on: { click: retry } }),
    ),
  );
}

function canvasControls(renderer: Renderer): CanvasControls {
  const camera = renderer.getCamera();
  return {
    focusNode(id) {
      const data = renderer.getNodeDisplayData(id);
      if (!data) return;
      void camera.animate({ x: data.x, y: data.y, ratio: Math.min(camera.ratio, 0.7) }, { duration: 450 });
    },
    fitNodes(ids) {
      const points = ids.map((id) => renderer.getNodeDisplayData(id)).filter((d) => d !== undefined);
      if (points.length === 0) return;
      const xs = points.map((p) => p.x);
      const ys = points.map((p) => p.y);
      const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
      // Display coordinates are normalised so that ratio 1 shows the whole graph.
      const ratio = Math.min(1, Math.max(0.45, Math.max(maxX - minX, maxY - minY) * 1.6));
      void camera.animate({ x: (minX + maxX) / 2, y: (minY + maxY) / 2, ratio }, { duration: 450 });
    },
    resetView() {
      void camera.animatedReset({ duration: 400 });
    },
    zoom(factor) {
      if (factor > 1) void camera.animatedUnzoom({ duration: 250, factor });
      else void camera.animatedZoom({ duration: 250, factor: 1 / factor });
    },
  };
}

function mountCanvasTools(root: HTMLElement, canvas: CanvasControls): void {
  const tool = (text: string, label: string, onClick: () => void): HTMLButtonElement =>
    h("button", {
      class: "tool",
      text,
      attrs: { type: "button", "aria-label": label, title: label },
      on: { click: onClick },
    });
  root.append(
    tool("+", "Zoom in", () => canvas.zoom(1 / 1.5)),
    tool("−", "Zoom out", () => canvas.zoom(1.5)),
    tool("⤢", "Reset view", () => canvas.resetView()),
  );
}

function applyPermalink(store: Store, ctx: AppContext, decoded: PermalinkState): void {
  const { state, problems } = validPermalink(ctx.graph, decoded);
  const current = store.get();
  store.dispatch((s): AppState => ({
    ...s,
    selection: state.selection,
    reading: state.reading,
    filters: state.filters,
    camera: state.camera ?? s.camera,
  }));
  if (state.camera) ctx.renderer.getCamera().setState(state.camera);
  const q = state.pathQuery;
  const sameQuery = JSON.stringify(q) === JSON.stringify(current.pathQuery);
  if (q && !sameQuery) void runPathQuery(store, q, state.activePath);
  else if (!q && current.pathQuery)
    store.dispatch((s): AppState => ({ ...s, pathQuery: null, pathResult: { status: "idle" }, activePath: null }));
  else if (q) store.dispatch((s): AppState => ({ ...s, activePath: state.activePath }));
  for (const problem of problems) ctx.announce(problem);
}

function start(graph: DisplayGraph, schema: SchemaResponse, sources: SourceSummary[]): void {
  const status = byId("status");
  const container = byId("graph");
  replaceChildren(container);
  const announce = (message: string): void => {
    status.textContent = message;
  };

  const { state: restored, problems } = validPermalink(graph, decodePermalink(window.location.hash));
  const store = createStore({ ...initialState(), ...restored, pathQuery: null, activePath: null });

  let visibility = computeVisibility(graph, store.get().filters);
  let view = computeView(graph, store.get(), visibility);
  const renderer = createRenderer(container, graph, () => view);
  container.setAttribute("data-ready", "true");
  const canvas = canvasControls(renderer);
  const camera = renderer.getCamera();
  if (restored.camera) camera.setState(restored.camera);

  const ctx: AppContext = {
    store,
    graph,
    schema,
    nodeTypes: new Map(schema.nodeTypes.map((t) => [t.name, t])),
    edgeTypes: new Map(schema.edgeTypes.map((t) => [t.name, t])),
    data: createDataCache(graph, sources),
    renderer,
    canvas,
    visibility: () => visibility,
    announce,
  };

  // The canvas in words, for screen readers (and tests): what it highlights now.
  const summary = byId("canvas-summary");
  const labelOf = (id: string): string => (graph.hasNode(id) ? graph.getNodeAttribute(id, "label") : id);
  const describeCanvas = (state: AppState): void => {
    const path =
      state.activePath !== null && state.pathResult.status === "found"
        ? state.pathResult.response.paths[state.activePath]
        : undefined;
    if (path) {
      summary.textContent = `The canvas highlights path ${state.activePath! + 1}: ${path.nodes.map((n) => n.label).join(" → ")}.`;
    } else if (view.selectedNode) {
      summary.textContent = `The canvas highlights ${labelOf(view.selectedNode)} and ${view.focusNodes.size - 1} neighbours.`;
    } else if (view.selectedEdge) {
      const a = graph.getEdgeAttributes(view.selectedEdge);
      summary.textContent = `The canvas highlights the relation: ${labelOf(graph.source(view.selectedEdge))} ${a.label} ${labelOf(graph.target(view.selectedEdge))}.`;
    } else {
      summary.textContent = `The canvas shows ${visibility.nodes.size} of ${graph.order} nodes and ${visibility.edges.size} of ${graph.size} edges.`;
    }
  };
  describeCanvas(store.get());

  let keepRestoredCamera = Boolean(restored.camera && restored.pathQuery);
  store.subscribe((state, previous) => {
    if (state.filters !== previous.filters) visibility = computeVisibility(graph, state.filters);
    if (
      state.filters !== previous.filters ||
      state.selection !== previous.selection ||
      state.hoveredNode !== previous.hoveredNode ||
      state.hoveredEdge !== previous.hoveredEdge ||
      state.pathResult !== previous.pathResult ||
      state.activePath !== previous.activePath
    ) {
      view = computeView(graph, state, visibility);
      renderer.refresh({ skipIndexation: true });
      if (view.path && (state.activePath !== previous.activePath || state.pathResult !== previous.pathResult)) {
        // A permalink's own camera wins over fitting the restored path.
        if (keepRestoredCamera) keepRestoredCamera = false;
        else canvas.fitNodes([...view.path.nodes]);
      }
      if (state.hoveredNode === previous.hoveredNode && state.hoveredEdge === previous.hoveredEdge)
        describeCanvas(state);
    }
  });

  // Canvas interactions.
  const hint = byId("hover-hint");
  renderer.on("enterNode", ({ node }) => {
    store.dispatch(hoverNode(node));
    container.classList.add("pointing");
  });
  renderer.on("leaveNode", () => {
    store.dispatch(hoverNode(null));
    container.classList.remove("pointing");
  });
  renderer.on("clickNode", ({ node }) => store.dispatch(selectNode(node)));
  renderer.on("enterEdge", ({ edge }) => {
    store.dispatch(hoverEdge(edge));
    container.classList.add("pointing");
    const a = graph.getEdgeAttributes(edge);
    hint.textContent = sentence(
      { type: a.relType, label: a.label, source: graph.source(edge), target: graph.target(edge) },
      labelOf,
      ctx.edgeTypes.get(a.relType),
    );
    hint.classList.add("visible");
  });
  renderer.on("leaveEdge", () => {
    store.dispatch(hoverEdge(null));
    container.classList.remove("pointing");
    hint.classList.remove("visible");
  });
  renderer.on("clickEdge", ({ edge }) => store.dispatch(selectEdge(edge)));
  renderer.on("clickStage", () => store.dispatch(clearSelection()));

  let cameraTimer: number | undefined;
  camera.on("updated", () => {
    window.clearTimeout(cameraTimer);
    cameraTimer = window.setTimeout(() => store.dispatch(setCamera({ ...camera.getState() })), 300);
  });

  // Panels.
  const searchInput = mountSearch(byId("search"), ctx);
  const left = byId("sidebar-left");
  const right = byId("sidebar-right");
  mountFilters(left, ctx);
  mountPathFinder(left, ctx);
  mountExport(left, ctx);
  mountDetails(right, ctx);
  mountSourceReader(right, ctx);
  mountCanvasTools(byId("canvas-tools"), canvas);

  syncPermalink(store, (decoded) => applyPermalink(store, ctx, decoded));

  document.addEventListener("keydown", (event) => {
    const target = event.target as HTMLElement | null;
    const typing =
      target && (target.tagName === "INPUT" || target.tagName === "SELECT" || target.tagName === "TEXTAREA");
    if (event.key === "Escape" && !event.defaultPrevented) {
      store.dispatch(escape());
      hint.classList.remove("visible");
    } else if (event.key === "/" && !typing) {
      event.preventDefault();
      searchInput.focus();
    }
  });

  const selection = store.get().selection;
  if (selection?.kind === "node" && !restored.camera) canvas.focusNode(selection.id);
  if (restored.pathQuery && graph.hasNode(restored.pathQuery.from) && graph.hasNode(restored.pathQuery.to)) {
    void runPathQuery(store, restored.pathQuery, restored.activePath);
  }
  announce(problems[0] ?? `${graph.order} nodes and ${graph.size} edges loaded.`);
  window.addEventListener("pagehide", () => renderer.kill());
}

async function boot(): Promise<void> {
  const container = byId("graph");
  const status = byId("status");
  replaceChildren(container, h("p", { class: "canvas-message loading", text: "Loading the graph…" }));
  status.textContent = "Loading the graph…";
  let loaded: [SchemaResponse, GraphResponse, SourceSummary[]];
  try {
    loaded = await Promise.all([api.schema(), api.graph(), api.sources().catch((): SourceSummary[] => [])]);
  } catch (error) {
    const message = errorMessage(error);
    status.textContent = `Could not load the graph: ${message}`;
    showLoadError(container, message, () => void boot());
    return;
  }
  const [schema, data, sources] = loaded;
  let graph: DisplayGraph;
  try {
    graph = buildGraph(data, schema);
    curveParallelEdges(graph);
  } catch (error) {
    showLoadError(container, `the graph data is malformed (${errorMessage(error)})`, () => void boot());
    return;
  }
  if (graph.order === 0) {
    replaceChildren(container, h("p", { class: "canvas-message", text: "The graph is empty: no nodes to show." }));
    status.textContent = "The graph is empty.";
    return;
  }
  try {
    start(graph, schema, sources);
  } catch (error) {
    showLoadError(
      container,
      `the canvas could not start (${errorMessage(error)}). Does this browser support WebGL?`,
      () => window.location.reload(),
    );
  }
}

void boot();
