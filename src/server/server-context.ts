// Everything the routes share, computed once at start-up: the dataset, the query engine, the layout and its JSON.
import type { GraphResponse, GraphViewEdge, GraphViewNode, OverviewResponse } from "../api/contract";
import { GRAPH_VIEW_RULES } from "../api/parameters";
import { computeCommunities, computeLayout, edgeTypeColor, extendLayout, type NodeDisplay } from "../layout";
import { checkInteger, createQueryEngine, runToEnd, SliceClock, toEvidenceObject, type QueryEngine } from "../query";
import type { Dataset, RightsGraph } from "../schema/types";
import { computeOverview } from "./overview";

/** A record's review status as the graph view carries it: only suggested and draft are written (see the contract). */
function viewStatus(status: unknown): { status?: "suggested" | "draft" } {
  return status === "suggested" || status === "draft" ? { status } : {};
}

export interface ServerContext {
  dataset: Dataset;
  engine: QueryEngine;
  /** Layout of the whole graph (positions, sizes, colours), computed once. */
  display: Map<string, NodeDisplay>;
  /** Node ids by degree, largest first (ties by id): the order in which big views are cut. */
  nodesByDegree: string[];
  /** Community of every node (0 the largest): what the explorer's overview of a large corpus shows (overview.ts). */
  communities: Map<string, number>;
  /** The overview without its cap (computed once; `overviewView` adds the cap asked). */
  overview: Omit<OverviewResponse, "sceneCap" | "large">;
  /** Cached JSON of `/api/graph` with the default limit (GRAPH_VIEW_RULES.limit.default). */
  defaultGraphView: string;
}

/** How many nodes `/api/graph` sends, the default when not given; a ParameterError naming limit when out of range. */
export function resolveGraphViewLimit(limit: unknown): number {
  return checkInteger("graph", "limit", limit ?? GRAPH_VIEW_RULES.limit.default, GRAPH_VIEW_RULES.limit);
}

/** Elements handled between two looks at the clock while a graph view is built. */
const VIEW_CLOCK_INTERVAL = 256;

type GraphViewSource = Pick<ServerContext, "dataset" | "display" | "nodesByDegree">;

/** A node as the web app draws it: its names, type, dates and the layout's position, size and colour. */
export function nodeView(
  context: Pick<ServerContext, "dataset" | "display"> & Partial<Pick<ServerContext, "communities">>,
  id: string,
): GraphViewNode {
  const a = context.dataset.graph.getNodeAttributes(id);
  const d = context.display.get(id)!;
  return {
    key: id,
    attributes: {
      label: a.label,
      shortLabel: a.shortLabel ?? a.label,
      type: a.type,
      aliases: a.aliases,
      description: a.description,
      ...(a.date ? { date: a.date } : {}),
      ...(typeof a.props.kind === "string" ? { kind: a.props.kind } : {}),
      x: d.x,
      y: d.y,
      size: d.size,
      color: d.color,
      ...(context.communities?.has(id) ? { community: context.communities.get(id)! } : {}),
      ...viewStatus(a.props.status),
    },
  };
}

/** An edge as the web app draws it, with its sentence and evidence. */
export function edgeView(graph: RightsGraph, key: string): GraphViewEdge {
  const a = graph.getEdgeAttributes(key);
  return {
    key,
    source: graph.source(key),
    target: graph.target(key),
    attributes: {
      type: a.type,
      label: a.label,
      sentence: a.sentence,
      ...(a.date ? { date: a.date } : {}),
      color: edgeTypeColor(a.type),
      ...viewStatus(a.props.status),
      evidence: toEvidenceObject(a.evidence),
    },
  };
}

/**
 * The graph as the web app draws it: graphology's serialisation with layout, cut to the `limit` nodes of largest
 * degree. Resumable work: it yields whenever `clock` is due, so a view of the whole of a large graph is built in
 * slices (`graphViewAsync`).
 */
function* graphViewSteps(
  context: GraphViewSource,
  limit: number,
  clock: SliceClock,
): Generator<void, GraphResponse, undefined> {
  const { graph } = context.dataset;
  let work = 0;
  const due = (): boolean => ++work % VIEW_CLOCK_INTERVAL === 0 && clock.due();
  const kept = new Set<string>();
  const nodes: GraphViewNode[] = [];
  for (const id of context.nodesByDegree.slice(0, limit)) {
    if (due()) yield* clock.pause();
    kept.add(id);
    nodes.push(nodeView(context, id));
  }
  const edges: GraphViewEdge[] = [];
  for (const { edge: key, source, target } of graph.edgeEntries()) {
    if (due()) yield* clock.pause();
    if (!kept.has(source) || !kept.has(target)) continue;
    edges.push(edgeView(graph, key));
  }
  return {
    options: { type: "directed", multi: true, allowSelfLoops: true },
    attributes: { name: graph.getAttribute("name") },
    nodes,
    edges,
    truncated: nodes.length < graph.order,
    counts: { nodes: graph.order, edges: graph.size, shownNodes: nodes.length, shownEdges: edges.length },
  };
}

/** `graphViewSteps` in one piece. */
export function graphView(context: GraphViewSource, limit: number): GraphResponse {
  return runToEnd(graphViewSteps(context, limit, new SliceClock(Infinity)));
}

/** `graphViewSteps` in slices, queued in the engine's scheduler with the other sliced queries. */
export function graphViewAsync(context: ServerContext, limit: number, sliceMs?: number): Promise<GraphResponse> {
  return context.engine.scheduler.run((clock) => graphViewSteps(context, limit, clock), sliceMs);
}

function byDegree(graph: RightsGraph): string[] {
  return graph.nodes().sort((a, b) => graph.degree(b) - graph.degree(a) || (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Builds the engine (unless given one already built) and the layout once; every request then reads them. Given the
 * layout of the graph it replaces (`previous`), the layout keeps the positions of the nodes it had (extendLayout).
 */
export function createServerContext(
  dataset: Dataset,
  engine: QueryEngine = createQueryEngine(dataset),
  previous?: ReadonlyMap<string, NodeDisplay>,
): ServerContext {
  const base = {
    dataset,
    engine,
    display: previous ? extendLayout(dataset.graph, previous) : computeLayout(dataset.graph),
    nodesByDegree: byDegree(dataset.graph),
  };
  const communities = computeCommunities(dataset.graph);
  return {
    ...base,
    communities,
    overview: computeOverview(base, communities),
    defaultGraphView: JSON.stringify(graphView(base, GRAPH_VIEW_RULES.limit.default)),
  };
}
