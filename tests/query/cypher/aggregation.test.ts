// Aggregation: count(*), count(x), collect, min and max, with and without DISTINCT, over nulls and empty input, and
// the rules for grouping keys; scenarios written for this graph after the openCypher TCK features Aggregation1,
// Aggregation2, Aggregation5 and Aggregation8.
import { describe, expect, it } from "vitest";
import { cypherFixture } from "./cypher-fixture";
import { diplomacy } from "./diplomacy-fixture";

const g = diplomacy();

const values = cypherFixture({
  nodes: [
    { id: "topic:a", props: { v: 1, w: "x" } },
    { id: "topic:b", props: { v: 1, w: "y" } },
    { id: "topic:c", props: { v: 2.5 } },
    { id: "topic:d", props: { v: "a" } },
    { id: "topic:e", props: { v: "B" } },
    { id: "topic:f", props: { v: ["x"] } },
    { id: "topic:g", props: { v: false } },
    { id: "topic:h" },
  ],
});

describe("Aggregation1: count", () => {
  it("counts rows with count(*) and non-null values with count(x)", () => {
    expect(values.rows("MATCH (n:topic) RETURN count(*), count(n.v), count(n.w), count(DISTINCT n.v)")).toEqual([
      [8, 7, 2, 6],
    ]);
  });

  it("counts zero over no rows, with one row of answer", () => {
    expect(
      g.rows("MATCH (n:topic {label: 'nothing'}) RETURN count(*), count(n), collect(n), min(n.label), max(n.label)"),
    ).toEqual([[0, 0, [], null, null]]);
  });

  it("gives no row for no rows when there are grouping keys", () => {
    expect(g.rows("MATCH (n:topic {label: 'nothing'}) RETURN n.label, count(*)")).toEqual([]);
  });

  it("groups null keys together", () => {
    expect(values.anyOrder("MATCH (n:topic) RETURN n.w, count(*)")).toEqual([
      ["x", 1],
      ["y", 1],
      [null, 6],
    ]);
  });
});

describe("Aggregation2: min and max", () => {
  it("takes the smallest and the largest in the order ORDER BY uses, across types, skipping null", () => {
    expect(values.rows("MATCH (n:topic) RETURN min(n.v), max(n.v)")).toEqual([[["x"], 2.5]]);
  });

  it("takes min and max of strings and of numbers", () => {
    expect(values.rows("MATCH (n:topic) WHERE n.v STARTS WITH '' RETURN min(n.v), max(n.v)")).toEqual([["B", "a"]]);
    expect(values.rows("MATCH (n:topic) WHERE n.v >= 0 RETURN min(n.v), max(n.v)")).toEqual([[1, 2.5]]);
  });
});

describe("Aggregation5 and Aggregation8: collect and DISTINCT", () => {
  it("collects non-null values", () => {
    expect(values.rows("MATCH (n:topic) WITH n ORDER BY n.id RETURN collect(n.w)")).toEqual([[["x", "y"]]]);
  });

  it("collects distinct values", () => {
    expect(values.rows("MATCH (n:topic) WHERE n.v >= 0 WITH n ORDER BY n.id RETURN collect(DISTINCT n.v)")).toEqual([
      [[1, 2.5]],
    ]);
  });

  it("collects nodes", () => {
    expect(
      g
        .anyOrder("MATCH (r:recommendation)-->(s {id: 'state:kor'}) RETURN s.id, collect(r)")
        .map((r) => [r[0], (r[1] as string[]).sort()]),
    ).toEqual([["state:kor", ["(rec:1)", "(rec:2)"]]]);
  });
});

describe("aggregates inside expressions and the grouping rules", () => {
  it("compares an aggregate", () => {
    expect(g.rows("MATCH (n:state) RETURN count(*) > 3 AS many, count(*) = 0 AS none")).toEqual([[true, false]]);
  });

  it("allows a grouping key beside an aggregate in one expression", () => {
    expect(g.anyOrder("MATCH (n:state) RETURN n.iso3, n.iso3 = 'KOR' AND count(*) > 0 AS hit")).toEqual([
      ["JPN", false],
      ["KOR", true],
      ["PRK", false],
      ["USA", false],
    ]);
  });

  it("refuses a variable beside an aggregate that is not a grouping key", () => {
    const error = g.error("MATCH (n:state) RETURN n.iso3 = 'KOR' AND count(*) > 0 AS hit");
    expect(error.code).toBe("cypher-syntax");
    expect(error.message).toContain("not a grouping key");
  });

  it("refuses aggregates inside aggregates, in WHERE and in patterns", () => {
    expect(g.error("MATCH (n) RETURN count(collect(n))").message).toContain("cannot be nested");
    expect(g.error("MATCH (n) WHERE count(*) > 1 RETURN n").message).toContain("cannot be used in WHERE");
    expect(g.error("MATCH (n {label: count(*)}) RETURN n").code).toBe("cypher-syntax");
  });

  it("refuses DISTINCT on a function that does not aggregate", () => {
    expect(g.error("MATCH (n) RETURN size(DISTINCT n.aliases)").message).toContain(
      "DISTINCT applies to aggregating functions",
    );
  });
});
