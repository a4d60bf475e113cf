// The query engine: search, name resolution, node look-up, neighbourhoods, paths and export views over one dataset.
import { setImmediate as nextTurn } from "node:timers/promises";
import type { Dataset, RightsGraph } from "../schema/types";
import { buildAdjacencyIndex, withOwnScratch, type AdjacencyIndex } from "./adjacency-index";
import { explainNoPathInSlices } from "./explain-no-path";
import { findNeighbors } from "./find-neighbors";
import { findPathsInSlices } from "./find-paths";
import { resolveNeighborsOptions, type NeighborsOptions } from "./neighbors-options";
import { nodeNotFound } from "./not-found";
import { compilePathFilter, type PathFilter } from "./path-filter";
import { resolvePathOptions, type PathOptions } from "./path-options";
import { pathSubgraph } from "./path-subgraph";
import { resolveName } from "./resolve-name";
import { createSearchIndex, type SearchIndex } from "./search-index";
import { runToEnd, SliceClock } from "./slice-clock";
import { subgraph } from "./subgraph";
import { suggestNodeIds } from "./suggest-node-ids";
import { toEdgeObject } from "./to-edge-object";
import { toNodeObject } from "./to-node-object";
import {
  LIST_SOURCES,
  type NeighborsResult,
  type NodeDetail,
  type PathEdgeObject,
  type PathResult,
  type ResolveResult,
  type SearchOptions,
  type SearchResult,
  type SubgraphFilter,
} from "./types";

/** Longest stretch a sliced path search works before letting the event loop run. */
export const DEFAULT_SLICE_MS = 10;

export interface QueryEngineOptions {
  /** Path defaults for this engine (e.g. a server's time budget); each query may still override them. */
  pathOptions?: Partial<PathOptions>;
}

export interface QueryEngine {
  readonly dataset: Dataset;
  /** The CSR index the traversals run on (also accepted by `shortestPathLength`). */
  readonly adjacency: AdjacencyIndex;
  /** Ranked nodes whose label or aliases match `q`; ParameterError names q, limit or type when one is bad. */
  search(q: string, options?: SearchOptions): SearchResult[];
  /** What a typed name or id stands for: found, ambiguous (with candidates) or none (with suggestions). */
  resolve(nameOrId: string): ResolveResult;
  /** The node and every incident edge (out-edges, then in-edges); NotFoundError with suggestions for an unknown id. */
  node(id: string): NodeDetail;
  /** The neighbourhood of a node within 1..3 steps; NotFoundError for an unknown id, ParameterError for bad options. */
  neighbors(id: string, options?: Partial<NeighborsOptions>): NeighborsResult;
  /** The k shortest simple paths between two nodes, or why there is none. */
  paths(from: string, to: string, options?: Partial<PathOptions>): PathResult;
  /**
   * The same answer as `paths`, computed in slices of about `sliceMs` (default 10 ms) with the event loop free in
   * between, so a search that takes its whole time budget, or the searches that explain a missing path, never
   * stall other work. Such queries run one at a time,
   * in the order asked; the time budget counts only time spent searching. Rejects with the errors `paths` throws.
   */
  pathsAsync(from: string, to: string, options?: Partial<PathOptions>, sliceMs?: number): Promise<PathResult>;
  /** A copy of the part of the graph the filter keeps, for export. */
  subgraph(filter?: SubgraphFilter): RightsGraph;
  /** A copy of the nodes and edges of the found paths, for export. */
  pathSubgraph(result: PathResult): RightsGraph;
}

/**
 * Builds the query engine of a dataset once: the CSR adjacency index and the search index are made here, so
 * queries only read. The dataset's graph must not change afterwards. Queries share scratch memory (the sliced
 * path searches have their own), so one engine must not be used from several threads.
 */
export function createQueryEngine(dataset: Dataset, options: QueryEngineOptions = {}): QueryEngine {
  const { graph, schema } = dataset;
  const adjacency = buildAdjacencyIndex(dataset);
  const searchIndex: SearchIndex = createSearchIndex(graph, schema);
  const pathDefaults = resolvePathOptions(options.pathOptions ?? {}, schema);
  const labelOf = (id: string): string => graph.getNodeAttribute(id, "label");
  const suggest = (missing: string): string[] => suggestNodeIds(adjacency.nodeIds, searchIndex, missing);

  const indexOf = (id: string): number => {
    const v = typeof id === "string" ? adjacency.nodeIndex.get(id) : undefined;
    if (v === undefined) throw nodeNotFound(String(id), suggest(String(id)));
    return v;
  };
  const edgeObject = (e: number) => toEdgeObject(graph, adjacency.edgeIds[e]!);
  const nodeObject = (v: number) => toNodeObject(graph, adjacency.nodeIds[v]!);
  const listedNode = (v: number) => toNodeObject(graph, adjacency.nodeIds[v]!, LIST_SOURCES);

  interface PreparedQuery {
    source: number;
    target: number;
    filter: PathFilter;
    resolved: PathOptions;
  }
  const prepare = (from: string, to: string, pathOptions: Partial<PathOptions> | undefined): PreparedQuery => {
    const resolved = resolvePathOptions(pathOptions, schema, pathDefaults);
    const source = indexOf(from);
    const target = indexOf(to);
    return { source, target, filter: compilePathFilter(adjacency, resolved), resolved };
  };
  /** Finds the paths, or explains why there are none, yielding whenever `clock` is due. */
  const solve = function* (
    index: AdjacencyIndex,
    { source, target, filter, resolved }: PreparedQuery,
    clock: SliceClock,
  ): Generator<void, PathResult, undefined> {
    const found =
      source === target
        ? { paths: [], truncated: false }
        : yield* findPathsInSlices(index, source, target, filter, resolved, clock);
    if (found.paths.length === 0) {
      const why = yield* explainNoPathInSlices(index, labelOf, source, target, resolved, filter, clock);
      return { type: "none", ...why, truncated: found.truncated };
    }
    return {
      type: "found",
      truncated: found.truncated,
      paths: found.paths.map((path) => ({
        length: path.edges.length,
        nodes: path.nodes.map(listedNode),
        edges: path.edges.map((signed): PathEdgeObject =>
          signed >= 0
            ? { ...edgeObject(signed), direction: "forward" }
            : { ...edgeObject(~signed), direction: "backward" },
        ),
      })),
    };
  };
  let queue: Promise<void> = Promise.resolve();
  /** The index the sliced searches run on, one at a time: its scratch holds a suspended search's state. */
  let slicedIndex: AdjacencyIndex | undefined;
  /**
   * Path work done since the event loop last turned: queued queries run back to back until it reaches a slice, so
   * path answers are not starved by other requests, yet quick queries in a row never hold the loop for long.
   */
  let stretch: { workMs: number } | null = null;
  const openStretch = (): { workMs: number } => {
    if (stretch === null) {
      const opened = { workMs: 0 };
      stretch = opened;
      setImmediate(() => {
        if (stretch === opened) stretch = null;
      });
    }
    return stretch;
  };

  return {
    dataset,
    adjacency,
    search: (q, searchOptions) => searchIndex.search(q, searchOptions),
    resolve: (nameOrId) => resolveName(graph, searchIndex, suggest, nameOrId),

    node(id) {
      const v = indexOf(id);
      const edges: number[] = [];
      for (let p = adjacency.out.offsets[v]!; p < adjacency.out.offsets[v + 1]!; p++)
        edges.push(adjacency.out.edges[p]!);
      for (let p = adjacency.in.offsets[v]!; p < adjacency.in.offsets[v + 1]!; p++) {
        const e = ~adjacency.in.edges[p]!;
        if (adjacency.edgeSource[e] !== v) edges.push(e);
      }
      return { node: nodeObject(v), edges: edges.map(edgeObject) };
    },

    neighbors(id, neighborsOptions) {
      const v = indexOf(id);
      const found = findNeighbors(adjacency, v, resolveNeighborsOptions(neighborsOptions, schema));
      return {
        nodes: found.nodes.map(listedNode),
        edges: found.edges.map(edgeObject),
        truncated: found.truncated,
        counts: found.counts,
      };
    },

    paths(from, to, pathOptions) {
      return runToEnd(solve(adjacency, prepare(from, to, pathOptions), new SliceClock(Infinity)));
    },

    pathsAsync(from, to, pathOptions, sliceMs = DEFAULT_SLICE_MS) {
      const run = async (): Promise<PathResult> => {
        // Past a slice of path work since the loop last turned, the next query waits for a turn: quick queries
        // (each within one slice) would otherwise run back to back, with their answers, for 40-170 ms at 10
        // connections on the large corpus.
        if (stretch !== null && stretch.workMs >= sliceMs) await nextTurn();
        slicedIndex ??= withOwnScratch(adjacency);
        const steps = solve(slicedIndex, prepare(from, to, pathOptions), new SliceClock(sliceMs));
        for (;;) {
          const started = performance.now();
          const step = steps.next();
          openStretch().workMs += performance.now() - started;
          if (step.done) return step.value;
          await nextTurn();
        }
      };
      // One at a time: a suspended search keeps its state in the sliced index's scratch memory.
      const result = queue.then(run, run);
      queue = result.then(
        () => undefined,
        () => undefined,
      );
      return result;
    },

    subgraph: (filter) => subgraph(graph, schema, filter),
    pathSubgraph: (result) => pathSubgraph(graph, result),
  };
}
