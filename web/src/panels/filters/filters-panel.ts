// Filters: the legend (node types, doubling as a filter), relation types grouped in their families (colour and line
// style), each with "Only" beside it, the bibliography switch, sources, the suggestions switch and hide-or-dim; with
// counts. The dates are the timeline's (panels/timeline).
import {
  onlyEdgeType,
  onlyNodeType,
  resetFilters,
  setFilterMode,
  setHideUnlinked,
  setShowBibliography,
  setShowSuggestions,
  toggleEdgeType,
  toggleNodeType,
  toggleSource,
} from "../../actions/index.js";
import type { AppContext } from "../../app/context.js";
import { h, replaceChildren } from "../../dom/index.js";
import {
  bibliographySummary,
  countByEdgeType,
  countByNodeType,
  countBySource,
  foldedCount,
} from "../../graph/index.js";
import type { BibliographySummary, DisplayGraph } from "../../graph/index.js";
import { lineStyleOf } from "../../renderer/index.js";
import type { LineStyle } from "../../renderer/index.js";
import type { AppState } from "../../state/index.js";

interface TypeRow {
  name: string;
  /** The switch and its "Only" button, side by side in the list. */
  row: HTMLElement;
  button: HTMLButtonElement;
  count: HTMLElement;
}

interface RowLook {
  name: string;
  label: string;
  color: string;
  shape: "dot" | LineStyle | "none";
  onClick: () => void;
  /** "Only this": switch every other one off. */
  onOnly?: () => void;
}

function typeButton({ name, label, color, shape, onClick, onOnly }: RowLook): TypeRow {
  const swatch = shape === "none" ? null : lineSwatch(shape, color);
  const count = h("span", { class: "type-count" });
  const button = h(
    "button",
    { class: "type-toggle", attrs: { type: "button", "aria-pressed": "true", "data-type": name } },
    swatch,
    h("span", { class: "type-label", text: label }),
    count,
  );
  button.addEventListener("click", onClick);
  const only = onOnly
    ? h("button", {
        class: "only-button",
        text: "Only",
        attrs: { type: "button", "aria-label": `Only ${label}`, title: `Show only ${label}`, "data-only": name },
        on: { click: onOnly },
      })
    : null;
  return { name, row: h("li", { class: "type-row" }, button, only), button, count };
}

/** A node type's dot, or a relation's line drawn as the canvas draws it (solid, dashed or dotted, in its colour). */
function lineSwatch(shape: "dot" | LineStyle, color: string): HTMLElement {
  const swatch = h("span", {
    class: shape === "dot" ? "swatch" : `edge-swatch line-${shape}`,
    attrs: { "aria-hidden": "true" },
  });
  if (shape === "dot") swatch.style.backgroundColor = color;
  else swatch.style.setProperty("--swatch", color);
  return swatch;
}

/** "13 folded into the DPRK brief (2020): 6 cited articles, 5 news outlets, 2 journalists." */
export function bibliographyNote(summary: BibliographySummary, graph: DisplayGraph): string {
  const parts = [
    [summary.articles, "cited article", "cited articles"],
    [summary.outlets, "news outlet", "news outlets"],
    [summary.journalists, "journalist", "journalists"],
  ] as const;
  const counts = parts.filter(([n]) => n > 0).map(([n, one, many]) => `${n} ${n === 1 ? one : many}`);
  const into = summary.citedBy.map((id) => (graph.hasNode(id) ? graph.getNodeAttribute(id, "label") : id));
  const where = into.length > 0 ? ` into ${into.join(", ")}, which cites them` : "";
  return `${foldedCount(summary)} folded${where}: ${counts.join(", ")}.`;
}

function showCount(row: TypeRow, shown: boolean, c: { shown: number; total: number } | undefined): void {
  const { shown: n, total } = c ?? { shown: 0, total: 0 };
  row.button.setAttribute("aria-pressed", String(shown));
  row.count.textContent = n === total ? String(total) : `${n}/${total}`;
}

export function mountFilters(root: HTMLElement, ctx: AppContext): void {
  const { graph, store } = ctx;
  const summary = h("p", { class: "counts", id: "view-counts", attrs: { "aria-live": "polite" } });

  // Node and relation types present in the graph, in the schema's order, then any the schema lacks.
  const presentNodeTypes = new Set<string>();
  graph.forEachNode((_n, a) => presentNodeTypes.add(a.nodeType));
  const nodeTypeNames = [
    ...ctx.schema.nodeTypes.filter((t) => presentNodeTypes.has(t.name)).map((t) => t.name),
    ...[...presentNodeTypes].filter((t) => !ctx.nodeTypes.has(t)),
  ];
  const nodeRows = nodeTypeNames.map((name) => {
    const info = ctx.nodeTypes.get(name);
    return typeButton({
      name,
      label: info ? info.plural || info.label : name,
      color: info?.color ?? "#888",
      shape: "dot",
      onClick: () => store.dispatch(toggleNodeType(name)),
      onOnly: () => store.dispatch(onlyNodeType(name, nodeTypeNames)),
    });
  });

  const presentEdgeTypes = new Set<string>();
  graph.forEachEdge((_e, a) => presentEdgeTypes.add(a.relType));
  const edgeTypeNames = [
    ...ctx.schema.edgeTypes.filter((t) => presentEdgeTypes.has(t.name)).map((t) => t.name),
    ...[...presentEdgeTypes].filter((t) => !ctx.edgeTypes.has(t)),
  ];
  const edgeRows = edgeTypeNames.map((name) => {
    const info = ctx.edgeTypes.get(name);
    return typeButton({
      name,
      label: info?.label ?? name,
      color: info?.color ?? "#999",
      shape: lineStyleOf(info?.family ?? "other"),
      onClick: () => store.dispatch(toggleEdgeType(name)),
      onOnly: () => store.dispatch(onlyEdgeType(name, edgeTypeNames)),
    });
  });
  // The legend of relations: one group per family, in the order the families first appear in the schema.
  const families = new Map<string, { label: string; rows: TypeRow[] }>();
  for (const row of edgeRows) {
    const info = ctx.edgeTypes.get(row.name);
    const family = info?.family ?? "other";
    const group = families.get(family) ?? { label: info?.familyLabel ?? "Other relations", rows: [] };
    group.rows.push(row);
    families.set(family, group);
  }
  const familyLists = [...families].map(([family, { label, rows }]) =>
    h(
      "li",
      { class: "edge-family", attrs: { "data-family": family } },
      h("h4", { class: "family-title", id: `family-${family}`, text: label }),
      h("ul", { class: "type-list", attrs: { "aria-labelledby": `family-${family}` } }, ...rows.map((r) => r.row)),
    ),
  );

  const folded = bibliographySummary(graph);
  const showBibliography = h("input", { id: "show-bibliography", attrs: { type: "checkbox" } });
  showBibliography.addEventListener("change", () => store.dispatch(setShowBibliography(showBibliography.checked)));
  const bibliography =
    foldedCount(folded) > 0
      ? h(
          "div",
          { class: "bibliography" },
          h("label", { class: "check" }, showBibliography, " Show bibliography"),
          h("p", { class: "hint", id: "bibliography-note", text: bibliographyNote(folded, graph) }),
        )
      : null;
  showBibliography.setAttribute("aria-describedby", "bibliography-note");

  // Sources: the document each claim's evidence comes from, named by its node's label.
  const sourceNames = [...new Set(graph.mapEdges((_e, a) => a.evidence.sourceDoc))].filter(Boolean).sort();
  const sourceRows = sourceNames.map((doc) =>
    typeButton({
      name: doc,
      label: graph.hasNode(doc) ? graph.getNodeAttribute(doc, "label") : doc,
      color: "",
      shape: "none",
      onClick: () => store.dispatch(toggleSource(doc)),
    }),
  );

  const unlinked = h("input", { id: "hide-unlinked", attrs: { type: "checkbox" } });
  unlinked.addEventListener("change", () => store.dispatch(setHideUnlinked(unlinked.checked)));

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
    bibliography,
    h("h3", { class: "subhead", id: "node-types-label", text: "Node types" }),
    h("p", { class: "hint", text: "Click a type to hide or show it; “Only” keeps it alone." }),
    h("ul", { class: "type-list", attrs: { "aria-labelledby": "node-types-label" } }, ...nodeRows.map((r) => r.row)),
    h("h3", { class: "subhead", id: "relation-types-label", text: "Relation types" }),
    h("ul", { class: "edge-families", attrs: { "aria-labelledby": "relation-types-label" } }, ...familyLists),
    h("label", { class: "check" }, unlinked, " Hide nodes without a relation shown"),
    sourceRows.length > 0 &&
      h(
        "details",
        { class: "sources" },
        h("summary", { text: "Sources" }),
        h("ul", { class: "type-list", attrs: { "aria-label": "Sources" } }, ...sourceRows.map((r) => r.row)),
      ),
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
    const sourceCounts = countBySource(graph, vis.edges);
    for (const row of nodeRows)
      showCount(row, !state.filters.hiddenNodeTypes.includes(row.name), nodeCounts.get(row.name));
    for (const row of edgeRows)
      showCount(row, !state.filters.hiddenEdgeTypes.includes(row.name), edgeCounts.get(row.name));
    for (const row of sourceRows)
      showCount(row, !state.filters.hiddenSources.includes(row.name), sourceCounts.get(row.name));
    unlinked.checked = state.filters.hideUnlinked;
    replaceChildren(
      summary,
      h("span", { attrs: { "data-count": "nodes" }, text: `${vis.nodes.size} of ${graph.order} nodes` }),
      " and ",
      h("span", { attrs: { "data-count": "edges" }, text: `${vis.edges.size} of ${graph.size} edges` }),
      state.filters.mode === "dim" && (vis.nodes.size < graph.order || vis.edges.size < graph.size)
        ? " in focus"
        : " shown",
    );
    modeHide.checked = state.filters.mode === "hide";
    modeDim.checked = state.filters.mode === "dim";
    showSuggestions.checked = state.filters.showSuggestions;
    showBibliography.checked = state.filters.showBibliography;
  }

  render(store.get());
  // A large corpus's scene grows and shrinks (groups opened, neighbours brought in, Undo): the counts follow it.
  store.subscribe((state, previous) => {
    if (state.filters !== previous.filters || state.scene !== previous.scene) render(state);
  });
}
