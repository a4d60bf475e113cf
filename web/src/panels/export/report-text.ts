// The words of the report image: a title saying what the view shows (a path, a node, a relation, the graph), a line
// of counts and filters, the legend of what is in view, and a caption naming the sources and the date. Pure.
import { pathWalk } from "../../api/index.js";
import type { AppContext } from "../../app/context.js";
import { formatDate, formatMonth } from "../../graph/index.js";
import type { Visibility } from "../../graph/index.js";
// The line styles alone, not the renderer's index: that one loads sigma, which needs WebGL, and this module is pure.
import { lineStyleOf } from "../../renderer/line-styles.js";
import type { AppState } from "../../state/index.js";
import type { LegendEntry, ReportImage } from "./report-image.js";

/** What the words are made from: the context's graph and types, the state, what is in view, and the day. */
export type ReportInput = Pick<AppContext, "graph" | "nodeTypes" | "edgeTypes"> & {
  state: AppState;
  visibility: Visibility;
  /** The day the image is made, "YYYY-MM-DD". */
  today: string;
};

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

function title({ graph, state }: ReportInput, sources: string[]): string {
  const path =
    state.activePath !== null && state.pathResult.status === "found"
      ? state.pathResult.response.paths[state.activePath]
      : undefined;
  if (path && path.nodes.length > 1) {
    return `How ${path.nodes[0]!.label} is connected to ${path.nodes.at(-1)!.label}`;
  }
  if (state.selection?.kind === "node" && graph.hasNode(state.selection.id)) {
    return `${graph.getNodeAttribute(state.selection.id, "fullLabel")} and its relations`;
  }
  if (state.selection?.kind === "edge" && graph.hasEdge(state.selection.id)) {
    return graph.getEdgeAttribute(state.selection.id, "sentence");
  }
  return sources.length === 1 ? sources[0]! : "RightsGraph";
}

function subtitle({ graph, state, visibility }: ReportInput): string {
  const parts: string[] = [];
  const path =
    state.activePath !== null && state.pathResult.status === "found"
      ? state.pathResult.response.paths[state.activePath]
      : undefined;
  if (path && state.pathResult.status === "found") {
    const walk = pathWalk(
      path.nodes.map((n) => n.label),
      path.steps.map((s) => s.direction),
    );
    parts.push(`Path ${state.activePath! + 1} of ${state.pathResult.response.paths.length}: ${walk}`);
  }
  const { filters } = state;
  // Suggested records count while the switch shows them: hidden, they are no part of the graph the image is of.
  const counted = (a: { status?: string }): boolean => filters.showSuggestions || a.status !== "suggested";
  const totalNodes = graph.filterNodes((_n, a) => counted(a)).length;
  const totalEdges = graph.filterEdges((_e, a) => counted(a)).length;
  parts.push(
    `${visibility.nodes.size} of ${plural(totalNodes, "node", "nodes")} and ${visibility.edges.size} of ${plural(totalEdges, "relation", "relations")} shown`,
  );
  if (filters.showSuggestions) {
    const suggested =
      [...visibility.nodes].filter((n) => graph.getNodeAttribute(n, "status") === "suggested").length +
      [...visibility.edges].filter((e) => graph.getEdgeAttribute(e, "status") === "suggested").length;
    if (suggested > 0) parts.push(`${plural(suggested, "suggested record", "suggested records")} not yet reviewed`);
  }
  if (filters.dateFrom || filters.dateTo) {
    const from = filters.dateFrom ? formatMonth(filters.dateFrom) : "the start";
    const to = filters.dateTo ? formatMonth(filters.dateTo) : "the end";
    parts.push(from === to ? `dated ${from}` : `dated ${from} to ${to}`);
  }
  if (filters.hideUndated) parts.push("undated claims hidden");
  const folded = graph.filterNodes((_n, a) => Boolean(a.bibliography)).length;
  if (folded > 0 && !filters.showBibliography) parts.push(`bibliography folded (${plural(folded, "node", "nodes")})`);
  return `${parts.join("; ")}.`;
}

/** Node types, then relation families, that have something in view, in the legend's order. */
function legend({ graph, visibility, nodeTypes, edgeTypes }: ReportInput): LegendEntry[] {
  const entries: LegendEntry[] = [];
  const types = new Set<string>();
  for (const node of visibility.nodes) types.add(graph.getNodeAttribute(node, "nodeType"));
  for (const [name, info] of nodeTypes) {
    if (types.has(name)) entries.push({ label: info.plural || info.label, color: info.color, shape: "dot" });
  }
  const relTypes = new Set<string>();
  for (const edge of visibility.edges) relTypes.add(graph.getEdgeAttribute(edge, "relType"));
  const seen = new Set<string>();
  for (const info of edgeTypes.values()) {
    if (!relTypes.has(info.name) || seen.has(info.family)) continue;
    seen.add(info.family);
    entries.push({ label: info.familyLabel, color: info.color, shape: lineStyleOf(info.family) });
  }
  return entries;
}

/** The source documents of the claims in view, named with their dates. */
function sourceNames({ graph, visibility }: ReportInput): string[] {
  const documents = new Set<string>();
  for (const edge of visibility.edges) documents.add(graph.getEdgeAttribute(edge, "evidence").sourceDoc);
  return [...documents]
    .filter((id) => id && graph.hasNode(id))
    .map((id) => graph.getNodeAttribute(id, "fullLabel"))
    .sort();
}

/** Everything the report image says besides the graph itself. */
export function describeReport(input: ReportInput): ReportImage {
  const sources = sourceNames(input);
  const named = sources.length > 0 ? `Source${sources.length === 1 ? "" : "s"}: ${sources.join("; ")}.` : "";
  return {
    title: title(input, sources),
    subtitle: subtitle(input),
    legend: legend(input),
    caption:
      `${named} Every relation drawn is quoted from its source in RightsGraph. Image made ${formatDate(input.today)}.`.trim(),
  };
}
