// WHERE after MATCH: conditions on one and several variables, joins, and null results filtered out; scenarios
// written for this graph after the openCypher TCK features MatchWhere1 to MatchWhere6.
import { describe, expect, it } from "vitest";
import { diplomacy } from "./diplomacy-fixture";

const g = diplomacy();

describe("MatchWhere1: filter a single variable", () => {
  it("filters nodes on a property", () => {
    expect(g.rows("MATCH (n:state) WHERE n.iso3 = 'PRK' RETURN n.id")).toEqual([["state:prk"]]);
  });

  it("filters nodes on a label", () => {
    expect(g.rows("MATCH (n) WHERE n:person RETURN n.id")).toEqual([["person:quintana"]]);
    expect(g.anyOrder("MATCH (n) WHERE n:person OR n:topic RETURN n.id")).toEqual([
      ["person:quintana"],
      ["topic:sanctions"],
    ]);
  });

  it("filters relationships on a property", () => {
    expect(g.rows("MATCH (a)-[r]->(b) WHERE r.what = 'relief' RETURN a.id, b.id")).toEqual([
      ["state:usa", "topic:sanctions"],
    ]);
  });

  it("filters on a parameter", () => {
    expect(g.rows("MATCH (n) WHERE n.id = $id RETURN n.label", { id: "state:jpn" })).toEqual([["Japan"]]);
    expect(g.anyOrder("MATCH (n) WHERE n.id IN $ids RETURN n.id", { ids: ["state:jpn", "rec:1", "nothing"] })).toEqual([
      ["rec:1"],
      ["state:jpn"],
    ]);
  });

  it("filters on list properties and string predicates", () => {
    expect(g.rows("MATCH (n) WHERE 'DPRK' IN n.aliases RETURN n.id")).toEqual([["state:prk"]]);
    expect(
      g.anyOrder("MATCH (n:document) WHERE n.symbol STARTS WITH 'A/' OR n.symbol ENDS WITH '8682' RETURN n.id"),
    ).toEqual([["doc:l26"], ["doc:pv8682"]]);
    expect(g.rows("MATCH (n:person) WHERE n.label CONTAINS 'Ojea' RETURN n.id")).toEqual([["person:quintana"]]);
  });
});

describe("MatchWhere2: filter several variables", () => {
  it("compares properties of two variables", () => {
    expect(g.rows("MATCH (a)-[:sponsored]->(d), (b)-[:declined]->(d) WHERE a.iso3 < b.iso3 RETURN a.id, b.id")).toEqual(
      [["state:jpn", "state:kor"]],
    );
  });

  it("combines conditions on the node and the relationship", () => {
    expect(
      g.rows("MATCH (a:state)-[r]->(d:document) WHERE type(r) = 'sponsored' AND r.date IS NOT NULL RETURN a.id"),
    ).toEqual([["state:jpn"]]);
  });
});

describe("MatchWhere3 and MatchWhere4: joins on variables", () => {
  it("joins on equality", () => {
    expect(g.anyOrder("MATCH (a:state), (b:state) WHERE a.iso3 = b.iso3 RETURN a.id, b.id")).toEqual([
      ["state:jpn", "state:jpn"],
      ["state:kor", "state:kor"],
      ["state:prk", "state:prk"],
      ["state:usa", "state:usa"],
    ]);
    expect(g.rows("MATCH (a:state), (b) WHERE a = b RETURN count(*)")).toEqual([[4]]);
  });

  it("joins on inequality", () => {
    expect(g.rows("MATCH (a:state), (b:state) WHERE a.iso3 < b.iso3 RETURN count(*)")).toEqual([[6]]);
    expect(g.rows("MATCH (a:state), (b:state) WHERE a <> b RETURN count(*)")).toEqual([[12]]);
  });
});

describe("MatchWhere5: conditions that are null", () => {
  it("drops rows whose condition is null, as it drops false ones", () => {
    expect(g.rows("MATCH (n:state) WHERE n.date > '1900' RETURN n.id")).toEqual([["state:jpn"]]);
    expect(g.rows("MATCH (n:state) WHERE NOT n.date > '1900' RETURN n.id")).toEqual([]);
    expect(g.anyOrder("MATCH (n:state) WHERE n.date IS NULL RETURN n.id")).toEqual([
      ["state:kor"],
      ["state:prk"],
      ["state:usa"],
    ]);
  });

  it("keeps a row when OR has one true side and the other null", () => {
    expect(g.anyOrder("MATCH (n:state) WHERE n.date > '1900' OR n.iso3 = 'KOR' RETURN n.id")).toEqual([
      ["state:jpn"],
      ["state:kor"],
    ]);
  });

  it("refuses a condition that is not true, false or null", () => {
    const error = g.error("MATCH (n:state) WHERE n.iso3 RETURN n");
    expect(error.code).toBe("cypher-type");
    expect(error.message).toContain("a string");
  });
});

describe("MatchWhere6: filter optional matches", () => {
  it("filters inside OPTIONAL MATCH, keeping the row with nulls", () => {
    expect(
      g.anyOrder(
        "MATCH (s:state {iso3: 'KOR'}) OPTIONAL MATCH (s)<-[:`addressed-to`]-(r) WHERE r.number > 1 RETURN r.id",
      ),
    ).toEqual([["rec:2"]]);
    expect(
      g.rows(
        "MATCH (s:state {iso3: 'KOR'}) OPTIONAL MATCH (s)<-[:`addressed-to`]-(r) WHERE r.number > 5 RETURN s.id, r.id",
      ),
    ).toEqual([["state:kor", null]]);
  });

  it("filters after OPTIONAL MATCH when WHERE follows a WITH", () => {
    expect(
      g.anyOrder("MATCH (s:state) OPTIONAL MATCH (s)-[:declined]->(x) WITH s, x WHERE x IS NULL RETURN s.id"),
    ).toEqual([["state:jpn"], ["state:prk"]]);
  });
});
