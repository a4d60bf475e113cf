// cypherAsync: the same answers as cypher, worked out in slices of the engine's scheduler with the event loop free
// between them, so a query that spends its whole budget never holds other requests.
import { describe, expect, it } from "vitest";
import { ParameterError } from "../../src/errors";
import { createQueryEngine, CypherSyntaxError } from "../../src/query";
import { createSliceScheduler } from "../../src/query";
import { cypherSteps, type CypherOptions, type CypherResult, type WorkClock } from "../../src/query/cypher";
import { runToEnd } from "../../src/query/slice-clock";
import { withTurns } from "../helpers/event-loop-turns";
import { buildDataset, type EdgeTuple } from "../helpers/query-fixture";

const rings = new Map<number, ReturnType<typeof buildRingEngine>>();

/**
 * A ring of `size` states, each also linked to the one seven places on: every walk of a few hops has many ways. One
 * engine per size for the file: the tests only query it.
 */
function ringEngine(size = 400) {
  let engine = rings.get(size);
  if (!engine) {
    engine = buildRingEngine(size);
    rings.set(size, engine);
  }
  return engine;
}

function buildRingEngine(size: number) {
  const states = Array.from({ length: size }, (_, i) => `state:s${String(i).padStart(3, "0")}`);
  const edges: EdgeTuple[] = states.flatMap((state, i): EdgeTuple[] => [
    [state, states[(i + 1) % states.length]!, "sponsored"],
    [state, states[(i + 7) % states.length]!, "declined"],
  ]);
  return createQueryEngine(buildDataset({ nodes: states, edges }));
}

/** How often a query looks up from its work with a slice that is always used up, and what it answers. */
function pausesOf(
  engine: ReturnType<typeof ringEngine>,
  query: string,
  options: Partial<CypherOptions> = {},
): { pauses: number; rows: unknown[][]; result: CypherResult } {
  let count = 0;
  const clock: WorkClock = {
    due: () => true,
    workedMs: () => 0,
    *pause() {
      count++;
      yield;
    },
  };
  const result = runToEnd(cypherSteps(engine.cypherGraph(), query, {}, options, clock));
  return { pauses: count, rows: result.rows, result };
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

  it("lets the event loop turn between the slices of a query, as many times as it paused", async () => {
    // With slices of 0 ms every look at the clock pauses, so how often the query pauses is set by its work, not by
    // the machine's speed: 20,800 walks here, so hundreds of looks. In one piece the counter would turn once or twice.
    const engine = ringEngine();
    // One group highlighted: the pauses are the walks'.
    const query = "MATCH (a)-[*1..3]-(b) RETURN a.id, count(*) ORDER BY a.id LIMIT 1";
    const { result, turns } = await withTurns(() => engine.cypherAsync(query, {}, { timeBudgetMs: 5000 }, 0));
    expect(result).toEqual(engine.cypher(query, {}, { timeBudgetMs: 5000 }));
    expect(result.rows).toEqual([["state:s000", 4 + 4 * 3 + 4 * 3 * 3]]);
    // Hundreds of looks at the clock: 20,800 walks, one unit of work or more each, a look every 128 units.
    const { pauses } = pausesOf(engine, query);
    expect(pauses).toBeGreaterThan(150);
    expect(turns).toBeGreaterThan(pauses / 2);
  });

  it("lets the event loop turn while a query spends its whole time budget, and answers it truncated", async () => {
    // The budget is spent when the test says so (the event loop has turned 20 times while the query worked), not
    // after a number of milliseconds: a starved machine would otherwise spend it before the first look at the clock.
    const engine = ringEngine();
    let turnsWhileWorking = 0;
    let working = true;
    const spentAfterTurns = (clock: WorkClock): WorkClock => ({
      due: () => clock.due(),
      workedMs: () => (turnsWhileWorking >= 20 ? Infinity : 0),
      pause: () => clock.pause(),
    });
    const { result } = await withTurns(
      () =>
        createSliceScheduler()
          .run(
            (clock) =>
              cypherSteps(
                engine.cypherGraph(),
                "MATCH (a)-[*1..5]-(b) RETURN count(*)",
                {},
                {},
                spentAfterTurns(clock),
              ),
            0,
          )
          .finally(() => (working = false)),
      () => (turnsWhileWorking += working ? 1 : 0),
    );
    // In one piece the loop could not turn, the budget would never be spent and the count would come out whole.
    expect(result).toMatchObject({ truncated: true, truncatedBy: ["time-budget"], rows: [] });
    expect(turnsWhileWorking).toBeGreaterThanOrEqual(20);
  });

  it("answers the hostile run's query (a count over every walk of up to 8 steps, with stray parameters) truncated", async () => {
    // The body of the request the reliability report counted as hung: it asked for the longest budget (5 s), so it
    // answered truncated after 5 s of work, past the test's 5 s wait; here with a shorter budget.
    const engine = ringEngine();
    const params = { list: 9007199254740992, "": "t\\2H>", prefix: "%" };
    const result = await engine.cypherAsync(
      "MATCH (a)-[*1..8]-(b) RETURN count(*)",
      params,
      { timeBudgetMs: 50, maxRows: 10 },
      0,
    );
    expect(result).toMatchObject({ truncated: true, truncatedBy: ["time-budget"], rows: [] });
  });

  it("sorts the rows of ORDER BY in slices too, and answers them in order", () => {
    const engine = ringEngine(60);
    const pauses = (query: string) => pausesOf(engine, query, { maxRows: 3 });
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

  it("gathers what a grouped answer highlights while it groups: one count(*) row stands for every walk", () => {
    const engine = ringEngine();
    // The same walks either way; SKIP 1 drops the one grouped row, so there is nothing to highlight.
    const grouped = pausesOf(engine, "MATCH (a)-[*1..3]-(b) RETURN count(*)");
    const dropped = pausesOf(engine, "MATCH (a)-[*1..3]-(b) RETURN count(*) SKIP 1");
    expect(grouped.result.nodes).toHaveLength(400);
    expect(grouped.result.edges).toHaveLength(800);
    expect(dropped.result.nodes).toEqual([]);
    // Each walk's trail is read as it is counted, in the grouping's slices, and not kept: the row's highlight is
    // then one digest of 1,200 ids, not 20,800 trails read again in slices of their own.
    expect(grouped.pauses).toBeGreaterThan(150);
    expect(grouped.pauses).toBeLessThanOrEqual(dropped.pauses + 1);
  });
});
