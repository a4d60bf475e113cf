// The bar over the canvas for view changes: "Undo" and "Redo" always, the "Lasso" switch (a drag draws a freehand
// outline that picks nodes), and, while nodes are picked, what can be done with them: hide them, show only them,
// export them (GraphML or JSON through POST /api/query/export, the rows as CSV), or let them go.
import { withInclude } from "../api/index.js";
import type { QueryExportUrlRequest } from "../api/index.js";
import type { AppContext } from "../app/context.js";
import { h, replaceChildren } from "../dom/index.js";
import { rowsToCsv, tableRows } from "../panels/table/table-rows.js";
import { clearPicked, hideNodes, showHidden, showOnly } from "./transitions.js";
import type { PickTool } from "./gestures.js";
import type { ViewHistory } from "./view-history.js";

/** The subgraph of the picked nodes, as the query export writes it: the nodes and every claim between two of them. */
export const PICKED_SUBGRAPH_QUERY =
  "MATCH (n) WHERE n.id IN $ids OPTIONAL MATCH (n)-[r]-(m) WHERE m.id IN $ids RETURN n, r, m";

function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = h("a", { attrs: { href: url, download: name } });
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function mountSceneBar(root: HTMLElement, ctx: AppContext, history: ViewHistory, tool: PickTool): HTMLElement {
  const { store, graph } = ctx;
  const button = (text: string, onClick: () => void, label = text): HTMLButtonElement =>
    h("button", {
      class: "small-button",
      text,
      attrs: { type: "button", "aria-label": label, title: label },
      on: { click: onClick },
    });
  const undo = button("↶ Undo", () => history.undo(), "Undo");
  const redo = button("↷ Redo", () => history.redo(), "Redo");
  const showAll = button("Show hidden", () => store.dispatch(showHidden()), "Show hidden nodes");
  const lasso = h("button", {
    class: "small-button lasso-button",
    text: "Lasso",
    attrs: {
      type: "button",
      "aria-pressed": "false",
      title: "Drag to draw around the nodes to select (shift-drag draws a box); press again to pan by dragging",
    },
    on: {
      click: () => {
        tool.lasso = !tool.lasso;
        lasso.setAttribute("aria-pressed", String(tool.lasso));
        root.classList.toggle("lasso-on", tool.lasso);
      },
    },
  });
  const count = h("span", { class: "scene-count", attrs: { "aria-live": "polite" } });
  const actions = h("div", { class: "scene-actions", attrs: { role: "group", "aria-label": "Selected nodes" } });
  const message = h("p", { class: "scene-message", attrs: { role: "status" } });
  const bar = h(
    "div",
    { class: "scene-bar" },
    h(
      "div",
      { class: "scene-tools", attrs: { role: "toolbar", "aria-label": "View changes" } },
      undo,
      redo,
      lasso,
      showAll,
    ),
    actions,
    message,
  );
  root.append(bar);

  async function exportPicked(format: "graphml" | "json"): Promise<void> {
    const { picked: ids } = store.get();
    // The claims between the picked nodes as the canvas shows them: suggested ones only while the switch is on.
    const url: QueryExportUrlRequest = { format };
    try {
      const response = await fetch(withInclude("/api/query/export", url), {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: PICKED_SUBGRAPH_QUERY, params: { ids } }),
      });
      if (!response.ok) throw new Error(`the server answered ${response.status}`);
      download(await response.blob(), `rightsgraph-selection.${format}`);
      ctx.announce(`Exported ${ids.length} selected nodes as ${format === "json" ? "JSON" : "GraphML"}.`);
    } catch (error) {
      ctx.announce(`Could not export the selection: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  function pickedCsv(): void {
    const picked = new Set(store.get().picked);
    // Every claim between two picked nodes, as the GraphML export has them: those the overview sums up too.
    const { edges: shown, summed } = ctx.visibility();
    const edges = new Set([...shown, ...summed]);
    for (const edge of edges) if (!graph.extremities(edge).every((end) => picked.has(end))) edges.delete(edge);
    const label = (_kind: string, type: string): string => ctx.nodeTypes.get(type)?.label ?? type;
    const rows = tableRows(graph, { nodes: picked, edges, summed: new Set() }, "nodes", label);
    download(new Blob([rowsToCsv("nodes", rows)], { type: "text/csv;charset=utf-8" }), "rightsgraph-selection.csv");
  }

  function draw(): void {
    const { picked, scene } = store.get();
    undo.disabled = !history.canUndo();
    redo.disabled = !history.canRedo();
    showAll.hidden = scene.hidden.length === 0;
    showAll.textContent = `Show ${scene.hidden.length.toLocaleString("en")} hidden`;
    bar.classList.toggle("picking", picked.length > 0);
    if (picked.length === 0) {
      replaceChildren(actions);
      return;
    }
    count.textContent = `${picked.length} selected`;
    replaceChildren(
      actions,
      count,
      button("Hide", () => store.dispatch(hideNodes(picked)), "Hide selection"),
      button("Show only", () => store.dispatch(showOnly(picked, ctx.visibility().nodes)), "Show only selection"),
      button("GraphML", () => void exportPicked("graphml"), "Export selection as GraphML"),
      button("JSON", () => void exportPicked("json"), "Export selection as JSON"),
      button("CSV", pickedCsv, "Download selection as CSV"),
      button("✕", () => store.dispatch(clearPicked()), "Clear selection"),
    );
  }
  store.subscribe((state, previous) => {
    if (state.picked !== previous.picked || state.scene !== previous.scene) draw();
  });
  history.onChange(draw);
  draw();
  return message;
}
