// Entry point of the web explorer: find the page, load schema, graph and sources, build the display graph, start.
import { api, errorMessage, takeTokenFromUrl } from "./api/index.js";
import type { GraphResponse, OverviewResponse, SchemaResponse, SourceSummary } from "./api/index.js";
import { findPage } from "./app/page.js";
import type { ExplorerPage } from "./app/page.js";
import { startExplorer } from "./app/start-explorer.js";
import { h, replaceChildren } from "./dom/index.js";
import { buildGraph } from "./graph/index.js";
import type { DisplayGraph } from "./graph/index.js";
import { curveParallelEdges } from "./renderer/index.js";
import { capFromAddress, loadFirstScene } from "./scene/large-corpus.js";
import type { LargeCorpus } from "./scene/large-corpus.js";

function showLoadError(page: ExplorerPage, message: string, retry: () => void): void {
  replaceChildren(
    page.canvas,
    h(
      "div",
      { class: "canvas-message error", attrs: { role: "alert" } },
      h("p", { text: `Could not load the graph: ${message}` }),
      h("button", { class: "primary", text: "Try again", attrs: { type: "button" }, on: { click: retry } }),
    ),
  );
}

async function boot(page: ExplorerPage): Promise<void> {
  const retry = (): void => void boot(page);
  replaceChildren(page.canvas, h("p", { class: "canvas-message loading", text: "Loading the graph…" }));
  page.status.textContent = "Loading the graph…";

  let loaded: [SchemaResponse, OverviewResponse, SourceSummary[]];
  let data: GraphResponse | null = null;
  try {
    // Without the source list the explorer still works; only the source reader has less to show.
    const cap = capFromAddress();
    loaded = await Promise.all([
      api.schema(),
      api.overview(cap ? { cap } : {}),
      api.sources().catch((): SourceSummary[] => []),
    ]);
    // A corpus larger than a scene opens on its overview (scene/large-corpus.ts); a smaller one is drawn whole.
    if (!loaded[1].large) data = await api.graph();
  } catch (error) {
    page.status.textContent = `Could not load the graph: ${errorMessage(error)}`;
    showLoadError(page, errorMessage(error), retry);
    return;
  }
  const [schema, overview, sources] = loaded;

  let graph: DisplayGraph;
  let large: LargeCorpus | undefined;
  try {
    if (data) {
      graph = buildGraph(data, schema);
      curveParallelEdges(graph);
    } else {
      // The groups are packed to the canvas's shape; the panels mounted later take little of its height.
      const { width, height } = page.canvas.getBoundingClientRect();
      ({ graph, corpus: large } = await loadFirstScene(overview, schema, width > 0 && height > 0 ? width / height : 1));
    }
  } catch (error) {
    showLoadError(page, `the graph data is malformed (${errorMessage(error)})`, retry);
    return;
  }
  if (graph.order === 0) {
    replaceChildren(page.canvas, h("p", { class: "canvas-message", text: "The graph is empty: no nodes to show." }));
    page.status.textContent = "The graph is empty.";
    return;
  }

  try {
    startExplorer(page, graph, schema, sources, large);
  } catch (error) {
    const message = `the canvas could not start (${errorMessage(error)}). Does this browser support WebGL?`;
    showLoadError(page, message, () => window.location.reload());
  }
}

// Before anything reads the address: an edit token in its fragment leaves it for session storage.
takeTokenFromUrl();
void boot(findPage());
