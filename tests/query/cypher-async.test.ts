// cypherAsync: the same answers as cypher, worked out in slices of the engine's scheduler with the event loop free
// between them, so a query that spends its whole budget never holds other requests.
import { describe, expect, it } from "vitest";
import { ParameterError } from "../../src/errors";
import { createQueryEngine, CypherSyntaxError } from "../../src/query";
import { cypherSteps } from "../../src/query/cypher";
import { runToEnd } from "../../src/query/slice-clock";
import { withTurns } from "../helpers/event-loop-turns";
import { buildDataset, type EdgeTuple } from "../helpers/query-fixture";

/** A ring of `size` states, each also linked to the one seven places on: every walk of a few hops has many ways. */
function ringEngine(size = 400) {
  const states = Array.from({ length: size }, (_, i) => `state:s${String(i).padStart(3, "0")}`);
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

  it("answers the hostile run's query (a count over every walk of up to 8 steps, with stray parameters) truncated, the loop turning", async () => {
    // The body of the request the reliability report counted as hung: it asked for the longest budget (5 s), so it
    // answered truncated after 5 s of work, past the test's 5 s wait; here with a shorter budget.
    const engine = ringEngine();
    const params = { list: 9007199254740992, "": "t\\2H>", prefix: "%" };
    const { result, turns } = await withTurns(() =>
      engine.cypherAsync("MATCH (a)-[*1..8]-(b) RETURN count(*)", params, { timeBudgetMs: 200, maxRows: 10 }, 0),
    );
    expect(result).toMatchObject({ truncated: true, truncatedBy: ["time-budget"], rows: [] });
    expect(turns).toBeGreaterThan(10);
  });

  it("sorts the rows of ORDER BY in slices too, and answers them in order", () => {
    const engine = ringEngine(60);
    /** How often the query looks up from its work with a slice that is always used up. */
    const pauses = (query: string): { pauses: number; rows: unknown[][] } => {
      let count = 0;
      const clock = {
        due: () => true,
        workedMs: () => 0,
        *pause() {
          count++;
          yield;
        },
      };
      const rows = runToEnd(cypherSteps(engine.cypherGraph(), query, {}, { maxRows: 3 }, clock)).rows;
      return { pauses: count, rows };
    };
    // 3,600 pairs buffered either way; sorted in one piece, the ORDER BY paused no more than the plain DISTINCT.
    const distinct = pauses("MATCH (a), (b) RETURN DISTINCT a.id, b.id LIMIT 3");
    const sorted = pauses("MATCH (a), (b) RETURN DISTINCT a.id, b.id ORDER BY b.id DESC, a.id LIMIT 3");
    expect(sorted.rows).toEqual([
      ["state:s000", "state:s059"],
      ["state:s001", "state:s059"],
      ["state:s002", "state:s059"],
    ]);
    expect(sorted.pauses).toBeGreaterThan(2 * distinct.pauses);
  });
});
