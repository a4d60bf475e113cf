// A path query's answer: the best k paths as API objects, each step with every claim it folds, or why there is none.
import type { Dataset } from "../../schema/types";
import { toEdgeObject } from "../to-edge-object";
import { toNodeObject } from "../to-node-object";
import {
  LIST_SOURCES,
  type FoundPathObject,
  type PathClaimObject,
  type PathEdgeObject,
  type PathResult,
  type PathStepObject,
  type StepDirection,
} from "../types";
import type { IndexPath } from "./bidirectional-search";
import { claimSentenceOf } from "./claim-sentence";
import { explainNoPath } from "./explain-no-path";
import { findPaths } from "./find-paths";
import { claimPenalty } from "./path-costs";
import type { PathSearch } from "./path-search";
import { pathCost, pathRuns } from "./path-steps";
import { findRankedPaths } from "./ranked-paths";

/** Costs are shown to the thousandth: enough to compare, without the noise of the last bits. */
function shown(cost: number): number {
  return Math.round(cost * 1000) / 1000;
}

/**
 * Finds the paths of `search` in the ranking its options ask for, or explains why there are none, yielding whenever
 * its clock is due. Nodes and edges become the API's objects, read from `graph` (the graph the search's index was
 * built from).
 */
export function* solvePathQuery(
  search: PathSearch,
  dataset: Pick<Dataset, "graph" | "schema">,
): Generator<void, PathResult, undefined> {
  const { from, to, options } = search;
  const find = options.rank === "hops" ? findPaths : findRankedPaths;
  const found = from === to ? { paths: [], truncated: false } : yield* find(search);
  if (found.paths.length === 0) {
    search.clock.enter("explanation");
    const why = yield* explainNoPath(search);
    return { type: "none", ...why, truncated: found.truncated };
  }
  search.clock.enter("API objects");
  return {
    type: "found",
    rank: options.rank,
    truncated: found.truncated,
    paths: found.paths.map((path) => foundPath(search, dataset, path)),
  };
}

/** One path as the API shows it: its nodes, its folded steps, all their edges, and its cost. */
function foundPath(search: PathSearch, dataset: Pick<Dataset, "graph" | "schema">, path: IndexPath): FoundPathObject {
  const { graph } = dataset;
  const { index, costs } = search;
  const { fromView, edgeAllowed } = search.filter;
  const edges: PathEdgeObject[] = [];
  const steps = pathRuns(search, path.nodes).map((run, i): PathStepObject => {
    const signed: number[] = [];
    for (let p = run.start; p < run.end; p++)
      if (edgeAllowed[fromView.edgeTypes[p]!] === 1) signed.push(fromView.edges[p]!);
    // The claim that set the step's cost first; equals in the order of the index (out-edges first, then edge order).
    const edgeOf = (s: number) => (s < 0 ? ~s : s);
    signed.sort((a, b) => claimPenalty(costs, edgeOf(a)) - claimPenalty(costs, edgeOf(b)));
    const ids: string[] = [];
    for (const s of signed) {
      const edge = toEdgeObject(graph, index.edgeIds[edgeOf(s)]!);
      edges.push({ ...edge, direction: s >= 0 ? "forward" : "backward" });
      ids.push(edge.id);
    }
    const forward = signed.some((s) => s >= 0);
    const backward = signed.some((s) => s < 0);
    const direction: StepDirection = forward && backward ? "both" : forward ? "forward" : "backward";
    return {
      from: index.nodeIds[path.nodes[i]!]!,
      to: index.nodeIds[path.nodes[i + 1]!]!,
      direction,
      edges: ids,
    };
  });
  return {
    nodes: path.nodes.map((v) => toNodeObject(graph, index.nodeIds[v]!, LIST_SOURCES)),
    edges,
    steps,
    claims: pathClaims(dataset, steps, edges),
    length: steps.length,
    cost: shown(pathCost(search, path.nodes)),
  };
}

/**
 * The sentences of a path, step by step: each claim once, its edges in consecutive steps gathered (Quintana's one
 * sentence calling on the US and on China, used by two steps, reads "… continues to call on the US and China …").
 */
function pathClaims(
  dataset: Pick<Dataset, "graph" | "schema">,
  steps: readonly PathStepObject[],
  edges: readonly PathEdgeObject[],
): PathClaimObject[] {
  const claimOf = new Map(edges.map((edge) => [edge.id, edge.claim]));
  const claims: PathClaimObject[] = [];
  let previous = new Map<string, PathClaimObject>();
  steps.forEach((step, i) => {
    const current = new Map<string, PathClaimObject>();
    for (const id of step.edges) {
      const claim = claimOf.get(id)!;
      const open = current.get(claim) ?? previous.get(claim);
      if (open) {
        open.edges.push(id);
        if (!open.steps.includes(i)) open.steps.push(i);
        current.set(claim, open);
      } else {
        const fresh = { sentence: "", edges: [id], steps: [i] };
        claims.push(fresh);
        current.set(claim, fresh);
      }
    }
    previous = current;
  });
  const sentenceOf = new Map(edges.map((edge) => [edge.id, edge.sentence]));
  for (const claim of claims) {
    claim.sentence =
      claim.edges.length === 1 ? sentenceOf.get(claim.edges[0]!)! : claimSentenceOf(dataset, claim.edges);
  }
  return claims;
}
