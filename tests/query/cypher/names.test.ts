// Names and parameters: labels, relationship types and property keys the graph does not have are errors with the
// closest names, not empty answers (a typo would read as "nobody declined"); parameters are checked first.
import { describe, expect, it } from "vitest";
import { ParameterError } from "../../../src/errors";
import { CypherSyntaxError, CypherTypeError } from "../../../src/query/cypher";
import { diplomacy } from "./diplomacy-fixture";

const g = diplomacy();

describe("names the graph does not have", () => {
  it("refuses an unknown label, suggesting the closest node type, with its place", () => {
    const error = g.error("MATCH (n:State)\nRETURN n") as CypherSyntaxError;
    expect(error).toBeInstanceOf(CypherSyntaxError);
    expect(error.message).toContain("unknown label `State`");
    expect(error.message).toContain("did you mean `state`?");
    expect([error.line, error.column]).toEqual([1, 10]);
    expect(error.expected).toContain("state");
  });

  it("refuses an unknown label in a WHERE label test", () => {
    expect(g.error("MATCH (n) WHERE n:persn RETURN n").message).toContain("did you mean `person`?");
  });

  it("refuses an unknown relationship type, suggesting the closest edge type", () => {
    const error = g.error("MATCH (a)-[:decline]->(b) RETURN a");
    expect(error.message).toContain("unknown relationship type `decline`");
    expect(error.message).toContain("did you mean `declined`?");
  });

  it("refuses a property no node or relationship has", () => {
    expect(g.error("MATCH (n:state) RETURN n.lable").message).toContain("did you mean `label`?");
    expect(g.error("MATCH (n {iso: 'KOR'}) RETURN n").message).toContain("unknown property `iso`");
  });

  it("refuses a relationship property on a node, and a node property on a relationship", () => {
    expect(g.error("MATCH (n:state) RETURN n.quote").message).toContain("no nodes in this graph have it");
    expect(g.error("MATCH ()-[r]->() RETURN r.iso3").message).toContain("no relationships in this graph have it");
  });

  it("accepts a property some other type has: it is null here", () => {
    expect(g.rows("MATCH (n {id: 'state:kor'}) RETURN n.symbol")).toEqual([[null]]);
  });

  it("refuses an unknown variable, suggesting one in scope", () => {
    const error = g.error("MATCH (state:state) RETURN stat.iso3");
    expect(error.message).toContain("variable `stat` is not defined; did you mean `state`?");
  });
});

describe("parameters", () => {
  it("refuses a query whose parameter has no value, naming it", () => {
    const error = g.error("MATCH (n {id: $id}) RETURN n");
    expect(error).toBeInstanceOf(ParameterError);
    expect(error.message).toContain("$id");
  });

  it("refuses values that are not JSON scalars or lists of them", () => {
    for (const value of [{ a: 1 }, Number.NaN, Infinity, 2 ** 60, undefined, [[{}]]]) {
      expect(() => g.run("RETURN $x", { x: value })).toThrow(ParameterError);
    }
    expect(() => g.run("RETURN 1", null as unknown as Record<string, unknown>)).toThrow(ParameterError);
  });

  it("passes lists and nulls through, and ignores parameters the query does not use", () => {
    expect(g.rows("RETURN $x, $y", { x: [1, "a", null], y: null, unused: { a: 1 } })).toEqual([[[1, "a", null], null]]);
  });

  it("treats a parameter as a value, never as query text", () => {
    expect(g.rows("MATCH (n:state) WHERE n.iso3 = $code RETURN n.id", { code: "KOR' OR 1=1 //" })).toEqual([]);
  });

  it("compares a parameter of the wrong type as Cypher does: no match, no error", () => {
    expect(g.rows("MATCH (n {id: $id}) RETURN n", { id: 42 })).toEqual([]);
  });

  it("reports a runtime type error as CypherTypeError", () => {
    expect(() => g.run("MATCH (n) WHERE n.id IN $ids RETURN n", { ids: "state:kor" })).toThrow(CypherTypeError);
  });
});
