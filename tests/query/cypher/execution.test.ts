// Planning and running: where a plan starts and what it filters when, the row cap, the time budget and slices
// (with a clock the test controls, never a measured time), and the nodes and edges to highlight.
import { describe, expect, it } from "vitest";
import {
  cypherSteps,
  explainCypher,
  prepareCypher,
  runCypher,
  type CypherResult,
  type WorkClock,
} from "../../../src/query/cypher";
import { CYPHER_RULES } from "../../../src/api/parameters";
import { cypherFixture } from "./cypher-fixture";
import { diplomacy } from "./diplomacy-fixture";

const g = diplomacy();
const plan = (query: string) => explainCypher(prepareCypher(g.graph, query));

/** A dense graph: 20 topics, each linked to every other (380 edges), so queries do thousands of steps. */
const dense = cypherFixture({
  nodes: Array.from({ length: 20 }, (_, i) => `topic:n${i}`),
  edges: Array.from({ length: 20 }, (_, i) =>
    Array.from({ length: 20 }, (_, j): [string, string, string] => [`topic:n${i}`, `topic:n${j}`, "about"]).filter(
      ([a, b]) => a !== b,
    ),
  ).flat(),
});

/** A clock the test drives: `due` says whether a slice is over, `worked` how much time counts as spent. */
function testClock(due: () => boolean, worked: () => number): WorkClock & { pauses: number } {
  const clock = {
    pauses: 0,
    due,
    workedMs: worked,
    *pause(): Generator<void, void, undefined> {
      clock.pauses++;
      yield;
    },
  };
  return clock;
}

const never = () => false;
const always = () => true;
const noTime = () => 0;
/** Time spent as a clock would report it: none for the first `looks` looks, then a whole second. */
const spentAfter = (looks: number) => {
  let calls = 0;
  return () => (++calls > looks ? 1000 : 0);
};

function drive(steps: Generator<void, CypherResult, undefined>): { result: CypherResult; yields: number } {
  let yields = 0;
  for (;;) {
    const step = steps.next();
    if (step.done) return { result: step.value, yields };
    yields++;
  }
}

describe("the plan", () => {
  it("starts at a node given by id, before its type index", () => {
    const text = plan("MATCH (s:state)-[r:declined]->(d) WHERE s.id = $id RETURN d");
    expect(text).toContain("1. start at (s:state) by id = $id");
    expect(text).toContain("2. expand (s:state)-[r:declined]->(d) from (s:state): out-edges");
  });

  it("starts at the end with the fewer candidates and walks against the arrow", () => {
    const text = plan("MATCH (d:document)-[:cites]->(v:document {id: 'doc:pv8682'}) RETURN d");
    expect(text).toContain("start at (v:document {id: 'doc:pv8682'}) by id = 'doc:pv8682'");
    expect(text).toContain("from (v:document {id: 'doc:pv8682'}): in-edges");
  });

  it("starts at an indexed property before a larger type", () => {
    expect(plan("MATCH (n) WHERE n.label = 'Japan' RETURN n")).toContain(
      "start at (n) by property index on label = 'Japan'",
    );
  });

  it("starts at the smaller type when nothing else is known", () => {
    expect(plan("MATCH (s:state)<--(p:person) RETURN s")).toContain(
      "start at (p:person) by type index :person (1 nodes)",
    );
  });

  it("starts at a variable bound by an earlier clause and checks a relationship between two matched nodes", () => {
    const text = plan("MATCH (a:person), (b:state) MATCH (a)-[r]->(b) RETURN r");
    expect(text).toMatch(/start at \((a|b)\) by bound by an earlier clause/);
    expect(text).toMatch(/check \(a\)-\[r\]->\(b\)/);
  });

  it("decides each WHERE condition as soon as its variables are bound", () => {
    const text = plan("MATCH (a:state)-[r]->(b) WHERE a.iso3 = 'KOR' AND r.date STARTS WITH '2019' AND $flag RETURN b");
    const lines = text.split("\n");
    expect(lines.findIndex((l) => l.includes("filter first: $flag"))).toBeLessThan(
      lines.findIndex((l) => l.includes("start at")),
    );
    expect(lines.findIndex((l) => l.includes("filter: r.date STARTS WITH '2019'"))).toBeGreaterThan(
      lines.findIndex((l) => l.includes("expand")),
    );
  });

  it("lists parameters and each clause", () => {
    const text = plan("MATCH (n {id: $id}) WITH n ORDER BY n.label LIMIT 3 RETURN count(*) AS n");
    expect(text).toContain("Parameters: $id");
    expect(text).toContain("2. WITH `n`");
    expect(text).toContain("limit 3");
    expect(text).toContain("3. RETURN `n`");
    expect(text).toContain("group by nothing (one row)");
  });
});

describe("prepared queries", () => {
  it("run again with other parameters", () => {
    const prepared = prepareCypher(g.graph, "MATCH (n:state {iso3: $code}) RETURN n.id");
    expect(prepared.parameters).toEqual(["code"]);
    expect(runCypher(g.graph, prepared, { code: "KOR" }).rows).toEqual([["state:kor"]]);
    expect(runCypher(g.graph, prepared, { code: "USA" }).rows).toEqual([["state:usa"]]);
  });
});

describe("the row cap", () => {
  it("cuts the answer at maxRows and marks it truncated", () => {
    const result = g.run("MATCH (n) RETURN n.id ORDER BY n.id", {}, { maxRows: 3 });
    expect(result.rows).toEqual([["doc:brief"], ["doc:l26"], ["doc:pv8682"]]);
    expect(result.truncated).toBe(true);
    expect(result.truncatedBy).toEqual(["row-cap"]);
  });

  it("does not mark an answer of exactly maxRows rows", () => {
    const result = g.run("MATCH (n:state) RETURN n", {}, { maxRows: 4 });
    expect(result.rows).toHaveLength(4);
    expect(result.truncated).toBe(false);
  });

  it("refuses options out of range, naming them", () => {
    expect(() => g.run("RETURN 1", {}, { maxRows: 0 })).toThrow(/maxRows/);
    expect(() => g.run("RETURN 1", {}, { timeBudgetMs: 60_000 })).toThrow(/timeBudgetMs/);
  });
});

describe("the time budget and slices", () => {
  const heavy = "MATCH (a)-->(b)-->(c) RETURN count(*)";

  it("yields whenever its clock says the slice is over, and answers as without slices", () => {
    // c may be a again (a different relationship leads back), never the relationship a-b again.
    const { result: whole } = drive(cypherSteps(dense.graph, heavy, {}, {}, testClock(never, noTime)));
    expect(whole.rows).toEqual([[20 * 19 * 19]]);
    const clock = testClock(always, noTime);
    const { result, yields } = drive(cypherSteps(dense.graph, heavy, {}, {}, clock));
    expect(yields).toBeGreaterThan(10);
    expect(clock.pauses).toBe(yields);
    expect(result).toEqual(whole);
  });

  it("never yields while its clock says the slice goes on", () => {
    const { yields } = drive(cypherSteps(dense.graph, heavy, {}, {}, testClock(never, noTime)));
    expect(yields).toBe(0);
  });

  it("stops when the time spent passes the budget, and marks the answer truncated", () => {
    const clock = testClock(never, spentAfter(3));
    const { result } = drive(cypherSteps(dense.graph, heavy, {}, { timeBudgetMs: 500 }, clock));
    expect(result.truncated).toBe(true);
    expect(result.truncatedBy).toEqual(["time-budget"]);
    expect(result.rows).toEqual([]);
  });

  it("answers what it found before the budget ran out, for a streaming query", () => {
    const clock = testClock(never, spentAfter(2));
    const { result } = drive(
      cypherSteps(dense.graph, "MATCH (a)-->(b)-->(c) RETURN a.id", {}, { timeBudgetMs: 500, maxRows: 10_000 }, clock),
    );
    expect(result.truncatedBy).toEqual(["time-budget"]);
    expect(result.rows.length).toBeGreaterThan(0);
    expect(result.rows.length).toBeLessThan(20 * 19 * 19);
  });
});

describe("nodes and edges to highlight", () => {
  it("lists what the returned rows were matched on, anonymous parts included", () => {
    const result = g.run("MATCH (s:state)-[:declined]->() RETURN s.label");
    expect(result.nodes).toEqual(["doc:l26", "state:kor", "state:usa", "topic:sanctions"]);
    expect(result.edges).toEqual(["kor-declined-l26", "usa-declined-sanctions"]);
    expect(result.highlightTruncated).toBe(false);
  });

  it("lists only what the rows kept by LIMIT were matched on", () => {
    const result = g.run("MATCH (s:state)-[:declined]->(x) RETURN s.id ORDER BY s.id LIMIT 1");
    expect(result.nodes).toEqual(["doc:l26", "state:kor"]);
    expect(result.edges).toEqual(["kor-declined-l26"]);
  });

  it("lists every row folded into an aggregate, and the walk of a variable-length match", () => {
    expect(g.run("MATCH (:recommendation)-[r]->() RETURN count(r)").edges).toEqual([
      "rec1-to-kor",
      "rec2-to-kor",
      "rec2-to-prk",
    ]);
    const walk = g.run("MATCH (p:person)-[*2]-(r:recommendation {number: 1}) RETURN r.id");
    expect(walk.nodes).toEqual(["person:quintana", "rec:1", "state:kor"]);
  });

  it("lists at most 10,000 nodes, those of the first rows, and says when it left some out", () => {
    expect(CYPHER_RULES.highlighted.max).toBe(10_000);
    const many = cypherFixture({ nodes: Array.from({ length: 10_001 }, (_, i) => `topic:t${i}`) });
    // The longest budget allowed: a starved machine must not cut the answers this test counts.
    const ample = { timeBudgetMs: CYPHER_RULES.timeBudgetMs.max };
    const all = many.run("MATCH (n) RETURN count(*)", {}, ample);
    expect(all.rows).toEqual([[10_001]]);
    expect(all.nodes).toHaveLength(10_000);
    expect(all.highlightTruncated).toBe(true);
    // Listed by id, but chosen in the order the rows came: folded in by descending id, the smallest is left out.
    const lastFirst = many.run("MATCH (n) WITH n ORDER BY n.id DESC RETURN count(*)", {}, ample);
    expect(lastFirst.highlightTruncated).toBe(true);
    expect(lastFirst.nodes).toHaveLength(10_000);
    expect(lastFirst.nodes).toContain("topic:t10000");
    expect(lastFirst.nodes).not.toContain("topic:t0");
    expect(all.truncated).toBe(false);
    expect(many.run("MATCH (n) WHERE n.id <> 'topic:t0' RETURN count(*)", {}, ample).highlightTruncated).toBe(false);
  });

  it("lists nothing for an OPTIONAL MATCH that found nothing", () => {
    const result = g.run("MATCH (s {id: 'state:jpn'}) OPTIONAL MATCH (s)-[:declined]->(x) RETURN x");
    expect(result.nodes).toEqual(["state:jpn"]);
    expect(result.edges).toEqual([]);
  });
});
