// Prepared queries kept by their text: a query asked again is not parsed and planned again, answers the same with
// other parameters, and the cache stays bounded; a query that does not prepare is never kept.
import { describe, expect, it } from "vitest";
import {
  CypherSyntaxError,
  PREPARED_QUERIES_KEPT,
  prepareCypher,
  preparedByText,
  runCypher,
} from "../../../src/query/cypher";
import { diplomacy } from "./diplomacy-fixture";

const SPONSORS = "MATCH (s:state {id: $state})-[r:sponsored]->(d) RETURN d.id ORDER BY d.id";

describe("preparedByText", () => {
  it("throws a query that does not parse every time, keeping nothing for it", () => {
    const { graph } = diplomacy();
    expect(() => preparedByText(graph, "MATCH (n RETURN n")).toThrow(CypherSyntaxError);
    expect(() => preparedByText(graph, "MATCH (n RETURN n")).toThrow(CypherSyntaxError);
  });

  it("gives the same prepared query for the same text on the same graph, and another for another graph", () => {
    const first = diplomacy().graph;
    const second = diplomacy().graph;
    expect(preparedByText(first, SPONSORS)).toBe(preparedByText(first, SPONSORS));
    expect(preparedByText(second, SPONSORS)).not.toBe(preparedByText(first, SPONSORS));
    expect(preparedByText(second, SPONSORS).graph).toBe(second);
  });

  it(`keeps the ${PREPARED_QUERIES_KEPT} queries used last, dropping the one used least recently`, () => {
    const { graph } = diplomacy();
    const other = (i: number) => `MATCH (n) RETURN n.id, ${i} ORDER BY n.id`;
    const sponsors = preparedByText(graph, SPONSORS);
    const others = Array.from({ length: PREPARED_QUERIES_KEPT - 1 }, (_, i) => preparedByText(graph, other(i)));
    // Full now, SPONSORS the oldest; used again, it becomes the newest and other(0) the oldest.
    expect(preparedByText(graph, SPONSORS)).toBe(sponsors);
    preparedByText(graph, other(PREPARED_QUERIES_KEPT));
    expect(preparedByText(graph, SPONSORS)).toBe(sponsors);
    expect(preparedByText(graph, other(1))).toBe(others[1]);
    expect(preparedByText(graph, other(0))).not.toBe(others[0]);
  });
});

describe("runCypher with a query's text", () => {
  it("answers a query asked again with other parameters as a freshly prepared query does", () => {
    const { graph } = diplomacy();
    for (const state of ["state:usa", "state:jpn", "state:kor", "state:nowhere"]) {
      const fresh = runCypher(graph, prepareCypher(graph, SPONSORS), { state });
      expect(runCypher(graph, SPONSORS, { state }), state).toEqual(fresh);
    }
  });
});
