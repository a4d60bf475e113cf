// What the informative path ranking charges, as typed arrays built once beside the adjacency index (PATH_COSTS).
import { PATH_COSTS } from "../../api/parameters";
import type { Dataset } from "../../schema/types";
import type { AdjacencyIndex, AdjacencyView } from "../adjacency-index";

/** Bits of an edge's claim class: its type is weak (or provenance), it has no endnote. */
const WEAK = 1;
const UNCITED = 2;

/** The penalty of each claim class (index = class bits); a quote the step before already used pays the last one. */
const CLAIM_PENALTY = Float64Array.of(
  0,
  PATH_COSTS.weakClaim,
  PATH_COSTS.uncitedClaim,
  PATH_COSTS.weakClaim + PATH_COSTS.uncitedClaim,
);
const REUSED_QUOTE_PENALTY = CLAIM_PENALTY[WEAK | UNCITED]!;

/** The least a node passed through can cost: it has at least two distinct neighbours. */
export const MIN_HUB_COST = PATH_COSTS.hub * Math.log(2);

/**
 * Runs longer than this are not compared quote by quote (their product of pairs would be): a hub's thousands of
 * parallel edges to one neighbour count as fresh evidence. The search and the answer use the same rule.
 */
const MAX_QUOTE_PAIRS = 4096;

export interface PathCosts {
  /** Per edge: WEAK and UNCITED bits. */
  claimClass: Uint8Array;
  /** Per edge: where its quote stands (source document code, start, end); equal triples are the same quote. */
  quoteSource: Int32Array;
  quoteStart: Int32Array;
  quoteEnd: Int32Array;
  /** Per node: PATH_COSTS.hub times the natural log of its number of distinct neighbours (in the whole graph). */
  hubCost: Float64Array;
}

/**
 * Builds the cost tables of a dataset's graph for its adjacency index: one pass over the edges (in the index's edge
 * order, the graph's own) and one over the undirected view.
 */
export function buildPathCosts(dataset: Dataset, index: AdjacencyIndex): PathCosts {
  const { graph, schema } = dataset;
  const weakType = new Uint8Array(index.edgeTypeNames.length);
  index.edgeTypeNames.forEach((name, code) => {
    const spec = schema.edgeTypes.get(name);
    if (spec?.weak || spec?.provenance) weakType[code] = 1;
  });
  const claimClass = new Uint8Array(index.edgeCount);
  const quoteSource = new Int32Array(index.edgeCount);
  const quoteStart = new Int32Array(index.edgeCount);
  const quoteEnd = new Int32Array(index.edgeCount);
  const sourceCodes = new Map<string, number>();
  let e = 0;
  graph.forEachEdge((_edge, attributes) => {
    const { evidence } = attributes;
    claimClass[e] = (weakType[index.edgeType[e]!] === 1 ? WEAK : 0) | (evidence.footnotes.length === 0 ? UNCITED : 0);
    let source = sourceCodes.get(evidence.sourceDoc);
    if (source === undefined) sourceCodes.set(evidence.sourceDoc, (source = sourceCodes.size));
    quoteSource[e] = source;
    quoteStart[e] = evidence.start;
    quoteEnd[e] = evidence.end;
    e++;
  });

  const hubCost = new Float64Array(index.nodeCount);
  const { offsets, neighbors } = index.both;
  for (let v = 0; v < index.nodeCount; v++) {
    let distinct = 0;
    let last = -1;
    for (let p = offsets[v]!, end = offsets[v + 1]!; p < end; p++) {
      const w = neighbors[p]!;
      if (w !== last && w !== v) distinct++;
      last = w;
    }
    hubCost[v] = distinct > 1 ? PATH_COSTS.hub * Math.log(distinct) : 0;
  }
  return { claimClass, quoteSource, quoteStart, quoteEnd, hubCost };
}

/** An edge's integer id from an adjacency entry (negative entries run against the edge). */
function edgeOf(signed: number): number {
  return signed < 0 ? ~signed : signed;
}

function sameQuote(costs: PathCosts, a: number, b: number): boolean {
  return (
    costs.quoteStart[a] === costs.quoteStart[b] &&
    costs.quoteEnd[a] === costs.quoteEnd[b] &&
    costs.quoteSource[a] === costs.quoteSource[b]
  );
}

/**
 * The penalty of one step: the cheapest of its usable claims, the entries `start..end` of `view` (one run: the
 * same two nodes), where a claim quoting what a claim of the step before (`previousStart..previousEnd`, none when
 * equal) quotes pays REUSED_QUOTE_PENALTY. `edgeAllowed` masks the usable types.
 */
export function stepPenalty(
  costs: PathCosts,
  view: AdjacencyView,
  edgeAllowed: Uint8Array,
  start: number,
  end: number,
  previousStart: number,
  previousEnd: number,
): number {
  const compare = (end - start) * (previousEnd - previousStart) <= MAX_QUOTE_PAIRS;
  let best = REUSED_QUOTE_PENALTY;
  for (let p = start; p < end; p++) {
    if (edgeAllowed[view.edgeTypes[p]!] === 0) continue;
    const e = edgeOf(view.edges[p]!);
    const penalty = CLAIM_PENALTY[costs.claimClass[e]!]!;
    if (penalty >= best) continue;
    let reused = false;
    if (compare) {
      for (let q = previousStart; q < previousEnd && !reused; q++) {
        if (edgeAllowed[view.edgeTypes[q]!] === 1 && sameQuote(costs, e, edgeOf(view.edges[q]!))) reused = true;
      }
    }
    if (!reused) {
      best = penalty;
      if (best === 0) break;
    }
  }
  return best;
}

/** The base penalty of a claim (its class alone), for ordering the claims of one step. */
export function claimPenalty(costs: PathCosts, e: number): number {
  return CLAIM_PENALTY[costs.claimClass[e]!]!;
}
