// The query engine: search, name resolution, node look-up, neighbourhoods, paths and export views over one dataset.
import { ParameterError } from "../errors";
import type { Dataset, RightsGraph } from "../schema/types";
import { buildAdjacencyIndex, withOwnScratch, type AdjacencyIndex } from "./adjacency-index";
import { findNeighbors } from "./find-neighbors";
import type { OptionsInput } from "./check-parameter";
import { resolveNeighborsOptions, type NeighborsOptions } from "./neighbors-options";
import {
  buildPathCosts,
  compilePathFilter,
  pathSubgraph,
  resolvePathOptions,
  solvePathQuery,
  passable,
  type PathFilter,
  type PathOptions,
  type PathSearch,
} from "./paths";
import { resolveName, resolveNode, type NameIndex } from "./resolve-name";
import { createSearchIndex, type SearchIndex } from "./search-index";
import { ElementTexts } from "./element-texts";
import {
  createCypherGraph,
  cypherSteps,
  runCypher,
  type CypherGraph,
  type CypherOptions,
  type CypherResult,
  type PreparedCypher,
} from "./cypher";
import { mapInSlices, runToEnd, SliceClock } from "./slice-clock";
import { createSliceScheduler, type SliceScheduler } from "./slice-scheduler";
import { subgraph } from "./subgraph";
import { suggestNodeIds } from "./suggest-node-ids";
import { toEdgeObject } from "./to-edge-object";
import { toNodeObject } from "./to-node-object";
import {
  LIST_SOURCES,
  type NeighborsResult,
  type NodeDetail,
  type PathResult,
  type ResolveResult,
  type SearchOptions,
  type SearchResult,
  type SubgraphFilter,
} from "./types";

export interface QueryEngineOptions {
  /** Path defaults for this engine (e.g. a server's time budget); each query may still override them. */
  pathOptions?: Partial<PathOptions>;
}

export interface QueryEngine {
  readonly dataset: Dataset;
  /** The CSR index the traversals run on (also accepted by `shortestPathLength`). */
  readonly adjacency: AdjacencyIndex;
  /** The queue the sliced queries (`pathsAsync`, `neighborsAsync`) run in, one at a time; other work may join it. */
  readonly scheduler: SliceScheduler;
  /**
   * The JSON texts of the node and edge objects `node` (the node: "node", its edges: "edge") and the neighbourhoods
   * ("listed-node", "edge") answer with, kept per element: a server copies an answer's nodes and edges from there
   * instead of writing each again.
   */
  readonly texts: ElementTexts;
  /** Ranked nodes whose label or aliases match `q`; ParameterError names q, limit or type when one is bad. */
  search(q: string, options?: SearchOptions): SearchResult[];
  /** What a typed name or id stands for: found, ambiguous (with candidates) or none (with suggestions). */
  resolve(nameOrId: string): ResolveResult;
  /**
   * The id of the node a name or id stands for (as `resolve` reads it); AmbiguousNameError with the candidates or
   * NotFoundError with suggestions otherwise, naming `parameter` (default "id").
   */
  nodeId(nameOrId: string, parameter?: string): string;
  /**
   * The node and every incident edge (out-edges, then in-edges); `id` may be a name. NotFoundError with suggestions
   * for an unknown one, AmbiguousNameError for a name of several nodes (as for every query below).
   */
  node(id: string): NodeDetail;
  /** The neighbourhood of a node (by id or name); ParameterError for bad options. */
  neighbors(id: string, options?: OptionsInput<NeighborsOptions>): NeighborsResult;
  /**
   * The same answer as `neighbors`, computed in slices in `scheduler` like `pathsAsync`: a hub's neighbourhood at the
   * largest limits never stalls other work. Rejects with the errors `neighbors` throws.
   */
  neighborsAsync(id: string, options?: OptionsInput<NeighborsOptions>, sliceMs?: number): Promise<NeighborsResult>;
  /**
   * The k best simple paths between two nodes (ids or names; via and avoid too), in the ranking asked for, or why
   * there is none.
   */
  paths(from: string, to: string, options?: OptionsInput<PathOptions>): PathResult;
  /**
   * The same answer as `paths`, computed in slices of about `sliceMs` (default DEFAULT_SLICE_MS) with the event loop free in
   * between, so a search that takes its whole time budget, or the searches that explain a missing path, never
   * stall other work. Such queries run one at a time in `scheduler`, in the order asked; the time budget counts
   * only time spent searching. Rejects with the errors `paths` throws.
   */
  pathsAsync(from: string, to: string, options?: OptionsInput<PathOptions>, sliceMs?: number): Promise<PathResult>;
  /**
   * The Cypher engine's view of the dataset (attributes by integer id, nodes by type, the names a query may use),
   * built on first use, O(n + m), and kept: a server builds it at start-up so that no request pays for it.
   */
  cypherGraph(): CypherGraph;
  /**
   * Runs a read-only Cypher query to the end in one piece. Throws CypherSyntaxError, CypherUnsupportedError,
   * ParameterError (params, timeBudgetMs, maxRows) or CypherTypeError.
   */
  cypher(
    query: string | PreparedCypher,
    params?: Record<string, unknown>,
    options?: OptionsInput<CypherOptions>,
  ): CypherResult;
  /**
   * The same answer as `cypher`, worked out in slices in `scheduler` like `pathsAsync`: a query that spends its
   * whole time budget never stalls other requests. Rejects with the errors `cypher` throws.
   */
  cypherAsync(
    query: string | PreparedCypher,
    params?: Record<string, unknown>,
    options?: OptionsInput<CypherOptions>,
    sliceMs?: number,
  ): Promise<CypherResult>;
  /** A copy of the part of the graph the filter keeps, for export. */
  subgraph(filter?: SubgraphFilter): RightsGraph;
  /** A copy of the nodes and edges of the found paths, for export. */
  pathSubgraph(result: PathResult): RightsGraph;
}

/**
 * Builds the query engine of a dataset once: the CSR adjacency index and the search index are made here, so
 * queries only read. The dataset's graph must not change afterwards. Queries share scratch memory (the sliced
 * queries have their own), so one engine must not be used from several threads.
 */
export function createQueryEngine(dataset: Dataset, options: QueryEngineOptions = {}): QueryEngine {
  const { graph, schema } = dataset;
  const adjacency = buildAdjacencyIndex(dataset);
  // Built at the first search or look-up of a name: a query that names its nodes by id (a path from a permalink, a
  // Cypher query, the property tests' thousands of small engines) never needs it.
  let built: SearchIndex | undefined;
  const index = (): SearchIndex => (built ??= createSearchIndex(graph, schema));
  const searchIndex: SearchIndex = {
    search: (q, searchOptions) => index().search(q, searchOptions),
    exactMatches: (text) => index().exactMatches(text),
  };
  const pathDefaults = resolvePathOptions(options.pathOptions ?? {}, schema);
  const labelOf = (id: string): string => graph.getNodeAttribute(id, "label");
  const suggest = (missing: string): string[] => suggestNodeIds(adjacency.nodeIds, searchIndex, missing);
  const names: NameIndex = { graph, schema, search: searchIndex, suggest };
  const costs = buildPathCosts(dataset, adjacency);

  const nodeId = (nameOrId: string, parameter = "id"): string => resolveNode(names, nameOrId, parameter);
  const indexOf = (nameOrId: string, parameter = "id"): number => adjacency.nodeIndex.get(nodeId(nameOrId, parameter))!;
  const edgeObject = (e: number) => toEdgeObject(graph, adjacency.edgeIds[e]!);
  const nodeObject = (v: number) => toNodeObject(graph, adjacency.nodeIds[v]!);
  const listedNode = (v: number) => toNodeObject(graph, adjacency.nodeIds[v]!, LIST_SOURCES);
  // The forms of the objects `node` and the neighbourhoods answer with, as a server writes them (texts).
  const texts = new ElementTexts((form, id) =>
    form === "edge" ? toEdgeObject(graph, id) : toNodeObject(graph, id, form === "node" ? Infinity : LIST_SOURCES),
  );

  /** The search a path query asks for, on `index` with `clock`; ParameterError or NotFoundError when it is bad. */
  const pathSearch = (
    index: AdjacencyIndex,
    clock: SliceClock,
    from: string,
    to: string,
    pathOptions: OptionsInput<PathOptions> | undefined,
  ): PathSearch => {
    const options = resolvePathOptions(pathOptions, schema, pathDefaults);
    const ends = { from: indexOf(from, "from"), to: indexOf(to, "to") };
    const via = options.via.map((name) => indexOf(name, "via"));
    const avoid = options.avoid.map((name) => indexOf(name, "avoid"));
    const filter = compilePathFilter(index, options, avoid);
    checkWaypoints(index, filter, ends, via, avoid);
    return { index, ...ends, via, avoid, filter, options, costs, clock, labelOf };
  };
  /** The neighbourhood of `id` on `index`, its nodes and edges as API objects, yielding whenever `clock` is due. */
  const neighborhood = function* (
    index: AdjacencyIndex,
    clock: SliceClock,
    id: string,
    neighborsOptions: OptionsInput<NeighborsOptions> | undefined,
  ): Generator<void, NeighborsResult, undefined> {
    const v = indexOf(id);
    clock.enter("neighbourhood");
    const found = yield* findNeighbors(index, v, resolveNeighborsOptions(neighborsOptions, schema), clock);
    clock.enter("API objects");
    return {
      nodes: yield* mapInSlices(found.nodes, listedNode, clock),
      edges: yield* mapInSlices(found.edges, edgeObject, clock),
      truncated: found.truncated,
      counts: found.counts,
    };
  };
  const scheduler = createSliceScheduler();
  /** The index the sliced searches run on, one at a time: its scratch holds a suspended search's state. */
  let slicedIndex: AdjacencyIndex | undefined;
  const ownIndex = (): AdjacencyIndex => (slicedIndex ??= withOwnScratch(adjacency));
  let cypherGraph: CypherGraph | undefined;
  // Cypher reads the adjacency index without its scratch, so sliced and one-piece queries share one view.
  const cypher = (): CypherGraph => (cypherGraph ??= createCypherGraph(dataset, adjacency));

  return {
    dataset,
    adjacency,
    scheduler,
    texts,
    search: (q, searchOptions) => searchIndex.search(q, searchOptions),
    resolve: (nameOrId) => resolveName(names, nameOrId),
    nodeId,

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
      return runToEnd(neighborhood(adjacency, new SliceClock(Infinity), id, neighborsOptions));
    },

    neighborsAsync(id, neighborsOptions, sliceMs) {
      return scheduler.run((clock) => neighborhood(ownIndex(), clock, id, neighborsOptions), sliceMs, "neighbors");
    },

    paths(from, to, pathOptions) {
      const search = pathSearch(adjacency, new SliceClock(Infinity), from, to, pathOptions);
      return runToEnd(solvePathQuery(search, dataset));
    },

    pathsAsync(from, to, pathOptions, sliceMs) {
      return scheduler.run(
        (clock) => solvePathQuery(pathSearch(ownIndex(), clock, from, to, pathOptions), dataset),
        sliceMs,
        "paths",
      );
    },

    cypherGraph: cypher,
    cypher: (query, params, cypherOptions) =>
      runCypher(cypher(), query, params, cypherOptions as Partial<CypherOptions> | undefined),
    cypherAsync(query, params, cypherOptions, sliceMs) {
      return scheduler.run(
        (clock) => cypherSteps(cypher(), query, params, cypherOptions as Partial<CypherOptions> | undefined, clock),
        sliceMs,
        "cypher",
      );
    },

    subgraph: (filter) => subgraph(graph, schema, filter),
    pathSubgraph: (result) => pathSubgraph(graph, result),
  };
}

/**
 * Via and avoided nodes must make sense together: neither may be an end, none both, and a via node must be one the
 * query may pass through (its type not excluded, not a source document unless includeProvenance).
 */
function checkWaypoints(
  index: AdjacencyIndex,
  filter: PathFilter,
  ends: { from: number; to: number },
  via: readonly number[],
  avoid: readonly number[],
): void {
  const name = (v: number) => `"${index.nodeIds[v]}"`;
  for (const [parameter, nodes] of [
    ["via", via],
    ["avoid", avoid],
  ] as const) {
    for (const v of nodes) {
      if (v === ends.from || v === ends.to)
        throw new ParameterError(parameter, `paths: ${parameter} names ${name(v)}, which is an end of the path`);
    }
  }
  const both = via.find((v) => avoid.includes(v));
  if (both !== undefined) throw new ParameterError("avoid", `paths: ${name(both)} is both in via and in avoid`);
  for (const v of via) {
    if (!passable(filter, index.nodeClass, v)) {
      throw new ParameterError(
        "via",
        `paths: via names ${name(v)}, which the filters do not let a path pass through (its type is excluded, or it is a source document and includeProvenance is off)`,
      );
    }
  }
}
