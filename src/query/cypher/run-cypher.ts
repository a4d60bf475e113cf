// The Cypher engine's entry points: prepare (parse, resolve names, plan), explain, and run, either to the end or as
// a generator that yields whenever its slice clock is due so that a scheduler can interleave it with other work.
import type { QueryResponse } from "../../api/contract";
import { runToEnd, SliceClock } from "../slice-clock";
import type { CypherQuery } from "./cypher-ast";
import type { CypherGraph } from "./cypher-graph";
import { resolveCypherOptions, type CypherOptions } from "./cypher-options";
import { resolveParameters } from "./cypher-parameters";
import { PAUSE, type Execution, type Flow, type Row, type WorkClock } from "./cypher-rows";
import { highlight } from "./highlight";
import { Scope } from "./cypher-scope";
import { executeMatch } from "./execute-match";
import { executeProjection } from "./execute-projection";
import { parseCypher } from "./parse-cypher";
import { planMatch, type MatchPlan } from "./plan-match";
import { planProjection, type ProjectionPlan } from "./plan-projection";
import { toCypherJson } from "./to-cypher-json";

/**
 * A query's answer, in the shape `POST /api/query` sends: rows in column order (nodes, relationships and paths as
 * the API's JSON objects), why it may be incomplete, and the ids to highlight (at most MAX_CYPHER_HIGHLIGHTED each).
 */
export type CypherResult = QueryResponse;

/** Rows turned into JSON between two looks at the clock. */
const ROWS_BETWEEN_CLOCK_LOOKS = 32;

type Stage = { kind: "match"; plan: MatchPlan; width: number } | { kind: "projection"; plan: ProjectionPlan };

/** A query parsed, checked against one graph and planned: run it as often as needed, with other parameters. */
export interface PreparedCypher {
  readonly graph: CypherGraph;
  readonly query: CypherQuery;
  readonly columns: readonly string[];
  /** Names of the parameters the query uses (each must be given a value). */
  readonly parameters: readonly string[];
  readonly stages: readonly Stage[];
}

/**
 * Parses `query` (or takes a parsed one), resolves its labels, relationship types, property keys and variables
 * against `graph`, and plans it. Throws CypherSyntaxError or CypherUnsupportedError; nothing runs yet.
 */
export function prepareCypher(graph: CypherGraph, query: string | CypherQuery): PreparedCypher {
  const parsed = typeof query === "string" ? parseCypher(query) : query;
  const parameters = new Set<string>();
  const stages: Stage[] = [];
  let scope = new Scope();
  let columns: string[] = [];
  for (const clause of parsed.clauses) {
    if (clause.kind === "match") {
      const plan = planMatch(clause, scope, graph, parameters);
      stages.push({ kind: "match", plan, width: scope.width });
    } else {
      const plan = planProjection(clause, scope, graph, parameters);
      stages.push({ kind: "projection", plan });
      scope = plan.scope;
      columns = plan.columns;
    }
  }
  return { graph, query: parsed, columns, parameters: [...parameters], stages };
}

/** How many prepared queries each graph keeps by their text; past it, the one used least recently is dropped. */
export const PREPARED_QUERIES_KEPT = 100;

const preparedByGraph = new WeakMap<CypherGraph, Map<string, PreparedCypher>>();

/**
 * `prepareCypher(graph, text)`, kept by text: a query asked again (the explorer's examples, a script running one
 * query with new parameters) skips parsing and planning. A query that does not prepare is not kept.
 */
export function preparedByText(graph: CypherGraph, text: string): PreparedCypher {
  let kept = preparedByGraph.get(graph);
  if (kept === undefined) {
    kept = new Map();
    preparedByGraph.set(graph, kept);
  }
  let prepared = kept.get(text);
  if (prepared !== undefined) {
    // Moved to the end: the map's order is the order of use, oldest first.
    kept.delete(text);
  } else {
    prepared = prepareCypher(graph, text);
    if (kept.size >= PREPARED_QUERIES_KEPT) kept.delete(kept.keys().next().value!);
  }
  kept.set(text, prepared);
  return prepared;
}

/** The plan in words: one block per clause, the steps of each MATCH with where it starts and what it filters. */
export function explainCypher(prepared: PreparedCypher): string {
  const lines = [`Plan for: ${prepared.query.text.trim().replace(/\s+/g, " ")}`];
  prepared.stages.forEach((stage, i) => {
    const [first, ...rest] = stage.plan.explain;
    lines.push(`${i + 1}. ${first}`, ...rest.map((line) => `   ${line}`));
  });
  if (prepared.parameters.length > 0) lines.push(`Parameters: ${prepared.parameters.map((p) => `$${p}`).join(", ")}`);
  return lines.join("\n");
}

/**
 * Runs a prepared query (or prepares `query` first) in slices: the generator yields whenever `clock` says the
 * slice is used up, and returns the answer. Parameters are checked first (ParameterError names a missing or
 * malformed one). The time budget counts only time spent working; past it, or past the row cap, the answer is
 * what was found so far, marked truncated. Runtime type errors throw CypherTypeError.
 */
export function* cypherSteps(
  graph: CypherGraph,
  query: string | CypherQuery | PreparedCypher,
  params: Record<string, unknown> = {},
  options: Partial<CypherOptions> = {},
  clock: WorkClock = new SliceClock(Infinity),
): Generator<void, CypherResult, undefined> {
  const settings = resolveCypherOptions(options);
  const prepared =
    typeof query === "string" ? preparedByText(graph, query) : "stages" in query ? query : prepareCypher(graph, query);
  const x: Execution = {
    run: { graph: prepared.graph, params: resolveParameters(prepared.parameters, params), aggregates: [] },
    clock,
    budgetMs: settings.timeBudgetMs,
    work: 0,
    stopped: false,
    causes: new Set(),
  };
  let flow: Iterable<Flow> = [{ values: [], trail: null }];
  for (const stage of prepared.stages) {
    flow =
      stage.kind === "match" ? executeMatch(stage.plan, flow, stage.width, x) : executeProjection(stage.plan, flow, x);
  }
  clock.enter?.("rows");
  const rows: Row[] = [];
  const iterator = flow[Symbol.iterator]();
  try {
    for (;;) {
      const next = iterator.next();
      if (next.done) break;
      if (next.value === PAUSE) {
        yield* clock.pause();
        continue;
      }
      if (rows.length === settings.maxRows) {
        x.causes.add("row-cap");
        break;
      }
      rows.push(next.value);
    }
  } finally {
    iterator.return?.();
  }
  const causes = [...x.causes].sort();
  // Ten thousand rows of paths make hundreds of thousands of API objects: they are made in slices too.
  clock.enter?.("rows to JSON");
  const json: unknown[][] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    if (i % ROWS_BETWEEN_CLOCK_LOOKS === 0 && clock.due()) yield* clock.pause();
    const values = rows[i]!.values;
    const row: unknown[] = new Array(values.length);
    for (let k = 0; k < values.length; k++) row[k] = toCypherJson(values[k]!, prepared.graph);
    json[i] = row;
  }
  clock.enter?.("highlight");
  const highlighted = yield* highlight(rows, prepared.graph, clock);
  return {
    columns: [...prepared.columns],
    rows: json,
    truncated: causes.length > 0,
    truncatedBy: causes,
    ...highlighted,
  };
}

/** Runs a query to the end in one piece: `cypherSteps` without slices. */
export function runCypher(
  graph: CypherGraph,
  query: string | CypherQuery | PreparedCypher,
  params: Record<string, unknown> = {},
  options: Partial<CypherOptions> = {},
): CypherResult {
  return runToEnd(cypherSteps(graph, query, params, options, new SliceClock(Infinity)));
}
