// cypherAsync: the same answers as cypher, worked out in slices of the engine's scheduler with the event loop free
// between them, so a query that spends its whole budget never holds other requests.
import { describe, expect, it } from "vitest";
import { ParameterError } from "../../src/errors";
import { createQueryEngine, CypherSyntaxError } from "../../src/query";
import { withTurns } from "../helpers/event-loop-turns";
import { buildDataset, type EdgeTuple } from "../helpers/query-fixture";

/** A ring of 400 states, each also linked to the one seven places on: every walk of a few hops has many ways. */
function ringEngine() {
  const states = Array.from({ length: 400 }, (_, i) => `state:s${String(i).padStart(3, "0")}`);
  const edges: EdgeTuple[] = states.flatMap((state, i): EdgeTuple[] => [
    [state, states[(i + 1) % states.length]!, "sponsored"],
    [state, states[(i + 7) % states.length]!, "declined"],
  ]);
  return createQueryEngine(buildDataset({ nodes: states, edges }));
}

describe("cypherAsync", () => {
  it("rejects a query that does not parse and bad parameters with the errors cypher throws", async () => {
    const engine = ringEngine();
    await expect(engine.cypherAsync("MATCH (n RETURN n")).rejects.toBeInstanceOf(CypherSyntaxError);
    await expect(engine.cypherAsync("MATCH (n {id: $id}) RETURN n")).rejects.toMatchObject({
      constructor: ParameterError,
      parameter: "params",
    });
    await expect(engine.cypherAsync("MATCH (n) RETURN n", {}, { maxRows: 0 })).rejects.toMatchObject({
      parameter: "maxRows",
    });
  });

  it("answers as cypher does, even when sliced at every look at the clock", async () => {
    const engine = ringEngine();
    for (const query of [
      "MATCH (a:state)-[:sponsored]->(b)-[:declined]->(c) RETURN a.id, c.id ORDER BY a.id LIMIT 50",
      "MATCH p = (a {id: 'state:s000'})-[*1..3]->(b) RETURN p ORDER BY length(p), b.id",
      "MATCH (a)-[r]->(b) RETURN type(r), count(*) ORDER BY type(r)",
    ]) {
      expect(await engine.cypherAsync(query, {}, {}, 0), query).toEqual(engine.cypher(query));
    }
  });

  it("lets the event loop turn while a query spends its whole time budget, and answers it truncated", async () => {
    const engine = ringEngine();
    const { result, turns } = await withTurns(() =>
      engine.cypherAsync("MATCH (a)-[*1..8]-(b) RETURN count(*)", {}, { timeBudgetMs: 300 }, 0),
    );
    expect(result).toMatchObject({ truncated: true, truncatedBy: ["time-budget"], rows: [] });
    // In one piece the counter would turn once or twice; sliced at every look at the clock, many times (how many
    // depends on how fast the machine works through the budget).
    expect(turns).toBeGreaterThan(10);
  });
});
