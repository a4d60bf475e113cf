// Runs Cypher on small hand-made graphs and writes answers compactly, so TCK-style scenarios read as tables:
// a node as "(id)", a relationship as "[id]", a path as "<(a)-[e]->(b)>".
import { expect } from "vitest";
import type { RightsGraphError } from "../../../src/errors";
import {
  createCypherGraph,
  runCypher,
  type CypherGraph,
  type CypherOptions,
  type CypherResult,
} from "../../../src/query/cypher";
import { buildDataset, type FixtureSpec } from "../../helpers/query-fixture";

/** A value of an answer with nodes, relationships and paths written compactly. */
export function compact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(compact);
  if (value !== null && typeof value === "object") {
    const object = value as Record<string, unknown>;
    if ("evidence" in object) return `[${String(object.id)}]`;
    if ("sourceCount" in object) return `(${String(object.id)})`;
    if ("length" in object && Array.isArray(object.nodes) && Array.isArray(object.edges)) {
      const nodes = object.nodes as { id: string }[];
      const edges = object.edges as { id: string; direction: string }[];
      let text = `(${nodes[0]!.id})`;
      edges.forEach((edge, i) => {
        text +=
          edge.direction === "forward"
            ? `-[${edge.id}]->(${nodes[i + 1]!.id})`
            : `<-[${edge.id}]-(${nodes[i + 1]!.id})`;
      });
      return `<${text}>`;
    }
  }
  return value;
}

export interface CypherFixture {
  graph: CypherGraph;
  /** The full answer. */
  run(query: string, params?: Record<string, unknown>, options?: Partial<CypherOptions>): CypherResult;
  /** The rows, compact, in the order returned. */
  rows(query: string, params?: Record<string, unknown>): unknown[][];
  /** The rows, compact, sorted (for "in any order" scenarios). */
  anyOrder(query: string, params?: Record<string, unknown>): unknown[][];
  /** The error a query throws; fails when it throws none. */
  error(query: string, params?: Record<string, unknown>): RightsGraphError;
}

function sortRows(rows: unknown[][]): unknown[][] {
  return rows
    .map((row) => ({ row, key: JSON.stringify(row) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ row }) => row);
}

/** A fixture over the graph `spec` describes (see tests/helpers/query-fixture.ts for its node and edge types). */
export function cypherFixture(spec: FixtureSpec): CypherFixture {
  const graph = createCypherGraph(buildDataset(spec));
  const run = (query: string, params: Record<string, unknown> = {}, options: Partial<CypherOptions> = {}) =>
    runCypher(graph, query, params, options);
  const rows = (query: string, params?: Record<string, unknown>) =>
    run(query, params).rows.map((row) => row.map(compact));
  return {
    graph,
    run,
    rows,
    anyOrder: (query, params) => sortRows(rows(query, params)),
    error(query, params) {
      try {
        run(query, params);
      } catch (error) {
        return error as RightsGraphError;
      }
      expect.fail(`expected an error from: ${query}`);
    },
  };
}

/** The same rows sorted, to compare with `anyOrder`. */
export function sorted(rows: unknown[][]): unknown[][] {
  return sortRows(rows);
}
