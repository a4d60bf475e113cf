// Filters: the legend (node types, doubling as a filter), relation types, the timeline and hide-or-dim; with counts.
import {
  resetFilters,
  setDateRange,
  setFilterMode,
  setShowSuggestions,
  toggleEdgeType,
  toggleNodeType,
} from "../../actions/index.js";
import type { AppContext } from "../../app/context.js";
import { h, replaceChildren } from "../../dom/index.js";
import { countByEdgeType, countByNodeType, formatMonth, timelineMonths } from "../../graph/index.js";
import type { AppState } from "../../state/index.js";

interface TypeRow {
  name: string;
  button: HTMLButtonElement;
  count: HTMLElement;
}

function typeButton(name: string, label: string, color: string, shape: "dot" | "line", onClick: () => void): TypeRow {
  const swatch = h("span", { class: shape === "dot" ? "swatch" : "edge-swatch", attrs: { "aria-hidden": "true" } });
  swatch.style.backgroundColor = color;
  const count = h("span", { class: "type-count" });
  const button = h(
    "button",
    { class: "type-toggle", attrs: { type: "button", "aria-pressed": "true", "data-type": name } },
    swatch,
    h("span", { class: "type-label", text: label }),
    count,
  );
  button.addEventListener("click", onClick);
  return { name, button, count };
}

export function mountFilters(root: HTMLElement, ctx: AppContext): void {
  const { graph, store } = ctx;
  const summary = h("p", { class: "counts", id: "view-counts", attrs: { "aria-live": "polite" } });

  // Node types present in the graph, in the schema's order.
  const presentNodeTypes = new Set<string>();
  graph.forEachNode((_n, a) => presentNodeTypes.add(a.nodeType));
  const nodeRows = ctx.schema.nodeTypes
    .filter((t) => presentNodeTypes.has(t.name))
    .map((t) => typeButton(t.name, t.plural || t.label, t.color, "dot", () => store.dispatch(toggleNodeType(t.name))));
  for (const type of presentNodeTypes) {
    if (!ctx.nodeTypes.has(type))
      nodeRows.push(typeButton(type, type, "#888", "dot", () => store.dispatch(toggleNodeType(type))));
  }

  const presentEdgeTypes = new Set<string>();
  graph.forEachEdge((_e, a) => presentEdgeTypes.add(a.relType));
  const edgeRows = ctx.schema.edgeTypes
    .filter((t) => presentEdgeTypes.has(t.name))
    .map((t) => typeButton(t.name, t.label, t.color, "line", () => store.dispatch(toggleEdgeType(t.name))));
  for (const type of presentEdgeTypes) {
    if (!ctx.edgeTypes.has(type))
      edgeRows.push(typeButton(type, type, "#999", "line", () => store.dispatch(toggleEdgeType(type))));
  }

  // Timeline over the dated nodes and edges, in months.
  const dates: (string | undefined)[] = [];
  graph.forEachNode((_n, a) => dates.push(a.date));
  graph.forEachEdge((_e, a) => dates.push(a.date));
  const months = timelineMonths(dates);
  const last = Math.max(0, months.length - 1);
  const startInput = h("input", {
    id: "date-start",
    class: "range",
    attrs: { type: "range", min: 0, max: last, step: 1, value: 0, "aria-label": "Start of date range" },
  });
  const endInput = h("input", {
    id: "date-end",
    class: "range",
    attrs: { type: "range", min: 0, max: last, step: 1, value: last, "aria-label": "End of date range" },
  });
  const rangeText = h("output", { class: "range-text", attrs: { for: "date-start date-end" } });
  const onRange = (moved: "start" | "end"): void => {
    let a = Number(startInput.value);
    let b = Number(endInput.value);
    if (a > b) {
      if (moved === "start") b = a;
      else a = b;
    }
    store.dispatch(setDateRange(a <= 0 ? null : months[a]!, b >= last ? null : months[b]!));
  };
  startInput.addEventListener("input", () => onRange("start"));
  endInput.addEventListener("input", () => onRange("end"));

  const modeName = "filter-mode";
  const modeHide = h("input", { id: "mode-hide", attrs: { type: "radio", name: modeName, value: "hide" } });
  const modeDim = h("input", { id: "mode-dim", attrs: { type: "radio", name: modeName, value: "dim" } });
  modeHide.addEventListener("change", () => modeHide.checked && store.dispatch(setFilterMode("hide")));
  // Suggestions come only from a server started with --suggestions: the switch shows when there are some.
  const suggested =
    graph.filterNodes((_, a) => a.status === "suggested").length +
    graph.filterEdges((_, a) => a.status === "suggested").length;
  const showSuggestions = h("input", { id: "show-suggestions", attrs: { type: "checkbox" } });
  showSuggestions.addEventListener("change", () => store.dispatch(setShowSuggestions(showSuggestions.checked)));
  modeDim.addEventListener("change", () => modeDim.checked && store.dispatch(setFilterMode("dim")));

  const resetButton = h("button", {
    class: "small-button",
    text: "Show everything",
    attrs: { type: "button" },
    on: { click: () => store.dispatch(resetFilters()) },
  });

  const section = h(
    "section",
    { class: "panel filters", attrs: { "aria-labelledby": "filters-label" } },
    h(
      "div",
      { class: "panel-head" },
      h("h2", { class: "panel-title", id: "filters-label", text: "Legend and filters" }),
      resetButton,
    ),
    summary,
    h("h3", { class: "subhead", id: "node-types-label", text: "Node types" }),
    h("p", { class: "hint", text: "Click a type to hide or show it." }),
    h(
      "ul",
      { class: "type-list", attrs: { "aria-labelledby": "node-types-label" } },
      ...nodeRows.map((r) => h("li", {}, r.button)),
    ),
    h(
      "details",
      { class: "edge-types" },
      h("summary", { text: "Relation types" }),
      h(
        "ul",
        { class: "type-list", attrs: { "aria-label": "Relation types" } },
        ...edgeRows.map((r) => h("li", {}, r.button)),
      ),
    ),
    h("h3", { class: "subhead", text: "Dates" }),
    months.length > 1
      ? h(
          "div",
          { class: "timeline" },
          h("label", { class: "range-label", attrs: { for: "date-start" }, text: "Start" }),
          startInput,
          h("label", { class: "range-label", attrs: { for: "date-end" }, text: "End" }),
          endInput,
          rangeText,
          h("p", { class: "hint", text: "Undated nodes and relations stay in view." }),
        )
      : h("p", { class: "muted", text: "Nothing in this graph is dated." }),
    h(
      "fieldset",
      { class: "mode" },
      h("legend", { text: "Filtered elements" }),
      h("label", {}, modeHide, " hide"),
      h("label", {}, modeDim, " dim"),
    ),
    ...(suggested > 0
      ? [
          h(
            "label",
            { class: "suggestions-toggle" },
            showSuggestions,
            ` show suggestions (${suggested} records not yet reviewed)`,
          ),
        ]
      : []),
  );
  root.append(section);

  function render(state: AppState): void {
    const vis = ctx.visibility();
    const nodeCounts = countByNodeType(graph, vis.nodes);
    const edgeCounts = countByEdgeType(graph, vis.edges);
    for (const row of nodeRows) {
      const shown = !state.filters.hiddenNodeTypes.includes(row.name);
      const c = nodeCounts.get(row.name) ?? { shown: 0, total: 0 };
      row.button.setAttribute("aria-pressed", String(shown));
      row.count.textContent = c.shown === c.total ? String(c.total) : `${c.shown}/${c.total}`;
    }
    for (const row of edgeRows) {
      const shown = !state.filters.hiddenEdgeTypes.includes(row.name);
      const c = edgeCounts.get(row.name) ?? { shown: 0, total: 0 };
      row.button.setAttribute("aria-pressed", String(shown));
      row.count.textContent = c.shown === c.total ? String(c.total) : `${c.shown}/${c.total}`;
    }
    replaceChildren(
      summary,
      h("span", { attrs: { "data-count": "nodes" }, text: `${vis.nodes.size} of ${graph.order} nodes` }),
      " and ",
      h("span", { attrs: { "data-count": "edges" }, text: `${vis.edges.size} of ${graph.size} edges` }),
      state.filters.mode === "dim" && (vis.nodes.size < graph.order || vis.edges.size < graph.size)
        ? " in focus"
        : " shown",
    );
    if (months.length > 1) {
      const a = state.filters.dateFrom ? Math.max(0, months.indexOf(state.filters.dateFrom)) : 0;
      const bIndex = state.filters.dateTo ? months.indexOf(state.filters.dateTo) : last;
      const b = bIndex < 0 ? last : bIndex;
      startInput.value = String(a);
      endInput.value = String(b);
      startInput.setAttribute("aria-valuetext", formatMonth(months[a]!));
      endInput.setAttribute("aria-valuetext", formatMonth(months[b]!));
      rangeText.textContent = `${formatMonth(months[a]!)} – ${formatMonth(months[b]!)}`;
    }
    modeHide.checked = state.filters.mode === "hide";
    modeDim.checked = state.filters.mode === "dim";
    showSuggestions.checked = state.filters.showSuggestions;
  }

  render(store.get());
  store.subscribe((state, previous) => {
    if (state.filters !== previous.filters) render(state);
  });
}
