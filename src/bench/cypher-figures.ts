// The Cypher figures of the benchmark: a one-hop typed pattern with a property filter, anchored on a state by id
// (what an analyst asks of one actor) and over every state (a label scan), timed on the engine's own entry point.
import type { QueryEngine } from "../query";
import { createCypherGraph, prepareCypher, runCypher } from "../query/cypher";
import type { SeededRandom } from "../common";
import { summarise, type TimingSummary } from "./summary-stats";

/** What both engines answer: documents of a kind that a state reached by edges of a type. */
export interface CypherBenchQuery {
  edgeType: string;
  targetType: string;
  kind: string;
}

export const CYPHER_BENCH_QUERY: Readonly<CypherBenchQuery> = Object.freeze({
  edgeType: "sponsored",
  targetType: "document",
  kind: "draft-resolution",
});

/** The anchored query as an analyst would write it. */
export const CYPHER_ANCHORED =
  "MATCH (s:state {id: $state})-[r:sponsored]->(d:document) WHERE d.kind = 'draft-resolution' RETURN d.id, r.date";

/** The same pattern over every state, counted. */
export const CYPHER_SCAN =
  "MATCH (s:state)-[r:sponsored]->(d:document) WHERE d.kind = 'draft-resolution' RETURN count(*)";

/** Unmeasured anchored queries before the measured ones. */
const ANCHORED_WARM_UP = 2000;

export interface CypherFigures {
  /** The states the anchored query starts from, the same for NetworkX. */
  states: string[];
  buildMs: number;
  anchored: TimingSummary;
  /** Rows per anchored query, in `states` order. */
  anchoredRows: number[];
  scan: TimingSummary;
  scanCount: number;
  truncated: number;
}

/** Times the anchored query from `count` random states and the scan `repeats` times, after a few warm-up runs. */
export function cypherFigures(
  engine: QueryEngine,
  random: SeededRandom,
  count: number,
  repeats: number,
): CypherFigures {
  const began = performance.now();
  const graph = createCypherGraph(engine.dataset, engine.adjacency);
  const buildMs = performance.now() - began;
  const stateCode = graph.index.nodeTypeCode.get("state");
  const allStates =
    stateCode === undefined ? [] : Array.from(graph.nodesOfType[stateCode]!, (v) => graph.index.nodeIds[v]!);
  const states = allStates.length === 0 ? [] : Array.from({ length: count }, () => random.pick(allStates));
  const anchored = prepareCypher(graph, CYPHER_ANCHORED);
  const scan = prepareCypher(graph, CYPHER_SCAN);
  const options = { maxRows: 10_000, timeBudgetMs: 5000 };
  let truncated = 0;

  // Unmeasured runs first, enough for the compiler to optimise the engine's hot functions as it has in a server that
  // has been answering for a while (the measured queries alone are too few, each taking microseconds).
  for (let i = 0; states.length > 0 && i < ANCHORED_WARM_UP; i++)
    runCypher(graph, anchored, { state: states[i % states.length]! }, options);
  const anchoredRows: number[] = [];
  const anchoredMs = states.map((state) => {
    const start = performance.now();
    const result = runCypher(graph, anchored, { state }, options);
    const ms = performance.now() - start;
    anchoredRows.push(result.rows.length);
    if (result.truncated) truncated++;
    return ms;
  });
  // A few unmeasured runs first: the first queries of a process pay for the compiler's warm-up.
  for (let i = 0; i < 3; i++) runCypher(graph, scan, {}, options);
  let scanCount = 0;
  const scanMs = Array.from({ length: repeats }, () => {
    const start = performance.now();
    const result = runCypher(graph, scan, {}, options);
    const ms = performance.now() - start;
    scanCount = result.rows[0]?.[0] as number;
    if (result.truncated) truncated++;
    return ms;
  });
  return {
    states,
    buildMs,
    anchored: summarise(anchoredMs),
    anchoredRows,
    scan: summarise(scanMs),
    scanCount,
    truncated,
  };
}
