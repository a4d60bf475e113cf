// A path query's answer: the best k paths as API objects, each step with every claim it folds, or why there is none.
import type { Dataset } from "../../schema/types";
import { mapInSlices, OBJECT_INTERVAL } from "../slice-clock";
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
  const paths: FoundPathObject[] = [];
  for (const path of found.paths) paths.push(yield* foundPath(search, dataset, path));
  return { type: "found", rank: options.rank, truncated: found.truncated, paths };
}

/**
 * One path as the API shows it: its nodes, its folded steps, all their edges, and its cost. A step between two hubs
 * can fold thousands of claims, and fifty paths of eight steps many more: the objects are made in slices.
 */
function* foundPath(
  search: PathSearch,
  dataset: Pick<Dataset, "graph" | "schema">,
  path: IndexPath,
): Generator<void, FoundPathObject, undefined> {
  const { graph } = dataset;
  const { index, costs, clock } = search;
  const { fromView, edgeAllowed } = search.filter;
  const edges: PathEdgeObject[] = [];
  const steps: PathStepObject[] = [];
  const runs = pathRuns(search, path.nodes);
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i]!;
    const signed: number[] = [];
    for (let p = run.start; p < run.end; p++)
      if (edgeAllowed[fromView.edgeTypes[p]!] === 1) signed.push(fromView.edges[p]!);
    // The claim that set the step's cost first; equals in the order of the index (out-edges first, then edge order).
    const edgeOf = (s: number) => (s < 0 ? ~s : s);
    signed.sort((a, b) => claimPenalty(costs, edgeOf(a)) - claimPenalty(costs, edgeOf(b)));
    const ids: string[] = [];
    for (let k = 0; k < signed.length; k++) {
      if (k % OBJECT_INTERVAL === 0 && clock.due()) yield* clock.pause();
      const s = signed[k]!;
      const edge = toEdgeObject(graph, index.edgeIds[edgeOf(s)]!);
      edges.push({ ...edge, direction: s >= 0 ? "forward" : "backward" });
      ids.push(edge.id);
    }
    const forward = signed.some((s) => s >= 0);
    const backward = signed.some((s) => s < 0);
    const direction: StepDirection = forward && backward ? "both" : forward ? "forward" : "backward";
    steps.push({
      from: index.nodeIds[path.nodes[i]!]!,
      to: index.nodeIds[path.nodes[i + 1]!]!,
      direction,
      edges: ids,
    });
  }
  const nodes = yield* mapInSlices(path.nodes, (v) => toNodeObject(graph, index.nodeIds[v]!, LIST_SOURCES), clock);
  return {
    nodes,
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
