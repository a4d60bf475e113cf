// WITH: passing variables and expressions on, aliasing, DISTINCT, aggregates, WHERE after WITH, ORDER BY, SKIP and
// LIMIT inside WITH, and what stays visible; scenarios written for this graph after the openCypher TCK features
// With1 to With7, WithWhere1 to WithWhere7, WithOrderBy1 to WithOrderBy4 and WithSkipLimit1 to WithSkipLimit3.
import { describe, expect, it } from "vitest";
import { diplomacy } from "./diplomacy-fixture";

const g = diplomacy();

describe("With1 to With4: forward variables and expressions", () => {
  it("forwards a variable", () => {
    expect(g.rows("MATCH (n {id: 'state:kor'}) WITH n RETURN n.iso3")).toEqual([["KOR"]]);
  });

  it("forwards an expression under its alias", () => {
    expect(g.rows("MATCH (n {id: 'state:kor'}) WITH n.iso3 AS code RETURN code")).toEqual([["KOR"]]);
  });

  it("refuses an expression without an alias", () => {
    const error = g.error("MATCH (n) WITH n.iso3 RETURN 1");
    expect(error.code).toBe("cypher-syntax");
    expect(error.message).toContain("write n.iso3 AS name");
  });

  it("renames a node and keeps it a node", () => {
    expect(g.rows("MATCH (n {id: 'state:kor'}) WITH n AS state RETURN state.label, labels(state)")).toEqual([
      ["Republic of Korea", ["state"]],
    ]);
  });
});

describe("With5 and With6: DISTINCT and aggregates", () => {
  it("removes duplicates", () => {
    expect(g.anyOrder("MATCH (:recommendation)-->(s) WITH DISTINCT s RETURN s.id")).toEqual([
      ["state:kor"],
      ["state:prk"],
    ]);
  });

  it("groups and filters on the aggregate", () => {
    expect(
      g.rows("MATCH (:recommendation)-[:`addressed-to`]->(s) WITH s, count(*) AS n WHERE n > 1 RETURN s.id, n"),
    ).toEqual([["state:kor", 2]]);
  });
});

describe("With7 and WithWhere7: WITH after WITH, and what stays visible", () => {
  it("chains projections", () => {
    expect(g.rows("MATCH (n:state) WITH n.iso3 AS code WITH code ORDER BY code DESC LIMIT 1 RETURN code")).toEqual([
      ["USA"],
    ]);
  });

  it("hides variables WITH does not pass on", () => {
    const error = g.error("MATCH (a)-[:declined]->(b) WITH a RETURN b");
    expect(error.code).toBe("cypher-syntax");
    expect(error.message).toContain("variable `b` is not defined");
  });

  it("passes every variable on with WITH *", () => {
    expect(g.rows("MATCH (a {id: 'state:kor'})-[:declined]->(b) WITH * RETURN a.id, b.id")).toEqual([
      ["state:kor", "doc:l26"],
    ]);
  });
});

describe("WithWhere1 to WithWhere5: WHERE after WITH", () => {
  it("filters the projected rows", () => {
    expect(
      g.anyOrder("MATCH (n:state) WITH n WHERE n.iso3 STARTS WITH 'P' OR n.iso3 STARTS WITH 'U' RETURN n.id"),
    ).toEqual([["state:prk"], ["state:usa"]]);
  });

  it("drops rows whose condition is null", () => {
    expect(g.rows("MATCH (n:state) WITH n.date AS d WHERE d > '1900' RETURN d")).toEqual([["1952"]]);
  });
});

describe("WithOrderBy and WithSkipLimit: ordering and cutting inside WITH", () => {
  it("orders, then limits, before the next clause", () => {
    expect(g.rows("MATCH (n:state) WITH n ORDER BY n.iso3 LIMIT 2 RETURN n.id")).toEqual([
      ["state:jpn"],
      ["state:kor"],
    ]);
    expect(g.rows("MATCH (n:state) WITH n ORDER BY n.iso3 SKIP 3 RETURN n.id")).toEqual([["state:usa"]]);
  });

  it("filters with WHERE after ORDER BY, SKIP and LIMIT", () => {
    expect(g.rows("MATCH (n:state) WITH n ORDER BY n.iso3 LIMIT 2 WHERE n.iso3 <> 'JPN' RETURN n.id")).toEqual([
      ["state:kor"],
    ]);
  });

  it("keeps the order of WITH ... ORDER BY in collect()", () => {
    expect(g.rows("MATCH (n:state) WITH n ORDER BY n.iso3 DESC RETURN collect(n.iso3)")).toEqual([
      [["USA", "PRK", "KOR", "JPN"]],
    ]);
  });
});
