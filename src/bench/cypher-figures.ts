// The Cypher figures of the benchmark: a one-hop typed pattern with a property filter, anchored on a state by id
// (what an analyst asks of one actor) and over every state (a label scan), timed on the engine's own entry point.
import type { QueryEngine } from "../query";
import { createCypherGraph, prepareCypher, runCypher, type CypherResult } from "../query/cypher";
import type { SeededRandom } from "../common";
import type { CypherBenchRow, OurAnchoredAnswer } from "./compare-cypher-answers";
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

/** The anchored pattern counted: what a truncated anchored answer is checked by, since no row cap cuts a count. */
export const CYPHER_ANCHORED_COUNT =
  "MATCH (s:state {id: $state})-[r:sponsored]->(d:document) WHERE d.kind = 'draft-resolution' RETURN count(*)";

/** The same pattern over every state, counted. */
export const CYPHER_SCAN =
  "MATCH (s:state)-[r:sponsored]->(d:document) WHERE d.kind = 'draft-resolution' RETURN count(*)";

/**
 * Every relationship grouped by type: one row per type folds in up to millions of matches, and the ids to highlight
 * are gathered from all of them. Run as the server runs it, in slices, while the event loop is watched.
 */
export const CYPHER_GROUPED = "MATCH (a)-[r]->(b) RETURN type(r), count(*)";

/** Unmeasured anchored queries before the measured ones. */
const ANCHORED_WARM_UP = 2000;

export interface CypherFigures {
  /** The states the anchored query starts from, the same for NetworkX. */
  states: string[];
  buildMs: number;
  anchored: TimingSummary;
  /** Rows per anchored query, in `states` order. */
  anchoredRows: number[];
  /** Each anchored answer in `states` order, for the comparison with NetworkX. */
  answers: OurAnchoredAnswer[];
  scan: TimingSummary;
  /** The scan's count, null when a run of it was cut short (an aggregate stopped by the budget answers no row). */
  scanCount: number | null;
  /** Anchored answers and scan runs cut short by the row cap or the time budget. */
  truncated: number;
}

/** The engine's limits in the benchmark: the largest the API allows. */
export const CYPHER_BENCH_LIMITS = Object.freeze({ maxRows: 10_000, timeBudgetMs: 5000 });

/** Times the anchored query from `count` random states and the scan `repeats` times, after a few warm-up runs. */
export function cypherFigures(
  engine: QueryEngine,
  random: SeededRandom,
  count: number,
  repeats: number,
  limits: { maxRows: number; timeBudgetMs: number } = CYPHER_BENCH_LIMITS,
): CypherFigures {
  const began = performance.now();
  const graph = createCypherGraph(engine.dataset, engine.adjacency);
  const buildMs = performance.now() - began;
  const stateCode = graph.index.nodeTypeCode.get("state");
  const allStates =
    stateCode === undefined ? [] : Array.from(graph.nodesOfType[stateCode]!, (v) => graph.index.nodeIds[v]!);
  const states = allStates.length === 0 ? [] : Array.from({ length: count }, () => random.pick(allStates));
  const anchored = prepareCypher(graph, CYPHER_ANCHORED);
  const anchoredCount = prepareCypher(graph, CYPHER_ANCHORED_COUNT);
  const scan = prepareCypher(graph, CYPHER_SCAN);
  const options = limits;
  let truncated = 0;

  // Unmeasured runs first, enough for the compiler to optimise the engine's hot functions as it has in a server that
  // has been answering for a while (the measured queries alone are too few, each taking microseconds).
  for (let i = 0; states.length > 0 && i < ANCHORED_WARM_UP; i++)
    runCypher(graph, anchored, { state: states[i % states.length]! }, options);
  const results: CypherResult[] = [];
  const anchoredMs = states.map((state) => {
    const start = performance.now();
    const result = runCypher(graph, anchored, { state }, options);
    const ms = performance.now() - start;
    results.push(result);
    return ms;
  });
  // Untimed: the answers as rows, and the full count of each answer the row cap or the budget cut short.
  const answers = results.map((result, i): OurAnchoredAnswer => {
    const state = states[i]!;
    if (result.truncated) truncated++;
    const counted = result.truncated ? runCypher(graph, anchoredCount, { state }, options) : undefined;
    return {
      state,
      rows: result.rows.map((row) => [row[0] as string, (row[1] ?? null) as string | null] as CypherBenchRow),
      truncatedBy: result.truncatedBy,
      fullCount: counted === undefined || counted.truncated ? null : (counted.rows[0]![0] as number),
    };
  });
  // A few unmeasured runs first: the first queries of a process pay for the compiler's warm-up.
  for (let i = 0; i < 3; i++) runCypher(graph, scan, {}, options);
  let scanCount: number | null = null;
  let scanCut = false;
  const scanMs = Array.from({ length: repeats }, () => {
    const start = performance.now();
    const result = runCypher(graph, scan, {}, options);
    const ms = performance.now() - start;
    if (result.truncated) {
      truncated++;
      scanCut = true;
    } else scanCount = result.rows[0]![0] as number;
    return ms;
  });
  return {
    states,
    buildMs,
    anchored: summarise(anchoredMs),
    anchoredRows: answers.map((answer) => answer.rows.length),
    answers,
    scan: summarise(scanMs),
    scanCount: scanCut ? null : scanCount,
    truncated,
  };
}
