// Expressions: three-valued logic, equality and comparison across types, IN, IS NULL, string predicates, label
// tests and the scalar functions; scenarios after the openCypher TCK features Boolean1 to Boolean5, Comparison1 to
// Comparison3, Null1 to Null3, List5, String8 to String10, Graph3, Graph4 and Path1 to Path3.
import { describe, expect, it } from "vitest";
import { diplomacy } from "./diplomacy-fixture";

const g = diplomacy();
const one = (expression: string) => g.rows(`RETURN ${expression}`)[0];

describe("Boolean1 to Boolean5: AND, OR, XOR and NOT with null", () => {
  it("follows the truth tables of three-valued logic", () => {
    expect(one("true AND null, false AND null, null AND null, true AND true")).toEqual([null, false, null, true]);
    expect(one("true OR null, false OR null, null OR null, false OR false")).toEqual([true, null, null, false]);
    expect(one("true XOR null, true XOR false, true XOR true")).toEqual([null, true, false]);
    expect(one("NOT null, NOT true, NOT NOT false")).toEqual([null, false, false]);
  });

  it("refuses operands that are not booleans", () => {
    expect(g.error("RETURN NOT 1").code).toBe("cypher-type");
    expect(g.error("RETURN 'yes' AND true").message).toContain("AND needs true, false or null, got a string");
    expect(g.error("RETURN [true] OR false").code).toBe("cypher-type");
  });
});

describe("Comparison1: equality", () => {
  it("compares numbers across integer and float, and nothing across types", () => {
    expect(one("1 = 1.0, '1' = 1, true = 1, 'a' = 'a', 'a' <> 'A'")).toEqual([true, false, false, true, true]);
  });

  it("is null when null decides, and false when a difference decides", () => {
    expect(one("null = null, null <> null, 1 = null")).toEqual([null, null, null]);
    expect(one("[1, 2] = [1], [null] = [1], ['a'] = [1]")).toEqual([false, null, false]);
    expect(one("[[1], [2]] = [[1], [null]], [[1], [2, 3]] = [[1], [null]], [1, 2] = [1, 2]")).toEqual([
      null,
      false,
      true,
    ]);
  });

  it("compares nodes by identity", () => {
    expect(
      g.rows("MATCH (a {id: 'state:kor'}), (b {id: 'state:kor'}), (c {id: 'state:prk'}) RETURN a = b, a = c, a <> c"),
    ).toEqual([[true, false, true]]);
  });
});

describe("Comparison2 and Comparison3: ordering comparisons", () => {
  it("orders numbers, strings and booleans; across types the answer is null", () => {
    expect(one("1 < 2.5, 'a' < 'b', 'B' < 'a', true > false, 1 < 'a', '1' < 1, null < 1")).toEqual([
      true,
      true,
      true,
      true,
      null,
      null,
      null,
    ]);
  });

  it("compares lists element by element", () => {
    expect(
      one("[1, 0] >= [1], [1, null] >= [1], [1, 2] >= [1, null], [1, 'a'] >= [1, null], [1, 2] >= [3, null]"),
    ).toEqual([true, true, null, null, false]);
  });

  it("reads a chain as comparisons joined by AND", () => {
    expect(one("1 < 2 < 3, 1 < 3 < 2, 1 < null < 3, 3 < 1 < null, 1 <= 1 < 2 <> 5")).toEqual([
      true,
      false,
      null,
      false,
      true,
    ]);
  });
});

describe("Null1 to Null3 and List5: IS NULL, IS NOT NULL, IN", () => {
  it("tests for null", () => {
    expect(one("null IS NULL, 1 IS NULL, null IS NOT NULL, [] IS NOT NULL")).toEqual([true, false, false, true]);
  });

  it("finds an element, and is null when only a null could have been it", () => {
    expect(
      one("1 IN [1, null], 2 IN [1, null], 2 IN [1], null IN [1], null IN [], [1] IN [[1], 2], 1 IN null"),
    ).toEqual([true, null, false, null, false, true, null]);
  });

  it("refuses IN over something that is not a list", () => {
    expect(g.error("RETURN 1 IN 'abc'").message).toContain("IN needs a list on its right, got a string");
  });
});

describe("String8 to String10: STARTS WITH, ENDS WITH, CONTAINS", () => {
  it("tests strings, and is null for anything that is not a string", () => {
    expect(one("'abc' STARTS WITH 'ab', 'abc' ENDS WITH 'bc', 'abc' CONTAINS 'x', 'abc' CONTAINS ''")).toEqual([
      true,
      true,
      false,
      true,
    ]);
    expect(one("'abc' STARTS WITH null, null ENDS WITH 'c', 1 CONTAINS '1', 'abc' STARTS WITH 1")).toEqual([
      null,
      null,
      null,
      null,
    ]);
  });

  it("is case-sensitive, as Cypher is; toLower() folds case", () => {
    expect(one("'Korea' CONTAINS 'korea', toLower('Korea') CONTAINS 'korea', toUpper('rok')")).toEqual([
      false,
      true,
      "ROK",
    ]);
  });
});

describe("Graph3, Graph4 and Path1 to Path3: labels, types and paths", () => {
  it("gives a node's labels and a relationship's type", () => {
    expect(g.rows("MATCH (a {id: 'state:kor'})-[r]->(b) RETURN labels(a), type(r), labels(b)")).toEqual([
      [["state"], "declined", ["document"]],
    ]);
  });

  it("tests labels in an expression, null for null", () => {
    expect(
      g.rows("MATCH (a {id: 'state:kor'}) OPTIONAL MATCH (a)-[:sponsored]->(x) RETURN a:state, a:document, x:document"),
    ).toEqual([[true, false, null]]);
  });

  it("gives null for functions of null, and refuses values of the wrong kind", () => {
    expect(one("type(null), labels(null), length(null), size(null), toLower(null), coalesce(null, null)")).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(g.error("MATCH (n:state) RETURN type(n)").message).toContain("type() needs a relationship, got a node");
    expect(g.error("RETURN length('abc')").message).toContain("size() measures lists and strings");
    expect(g.error("RETURN size(true)").code).toBe("cypher-type");
  });

  it("measures lists and strings, and takes the first non-null value", () => {
    expect(one("size([1, 2, null]), size('abc'), coalesce(null, 'b', 'c')")).toEqual([3, 3, "b"]);
  });

  it("refuses a function called with the wrong number of arguments", () => {
    expect(g.error("RETURN size(1, 2)").message).toContain("size() takes 1 argument, got 2");
    expect(g.error("RETURN coalesce()").message).toContain("at least 1 argument");
  });
});

describe("properties", () => {
  it("reads a missing property as null", () => {
    expect(g.rows("MATCH (n {id: 'state:kor'}) RETURN n.date, n.symbol")).toEqual([[null, null]]);
  });

  it("refuses a property of a value that is not a node or relationship", () => {
    const error = g.error("MATCH (n {id: 'state:kor'}) WITH n.label AS name RETURN name.label");
    expect(error.code).toBe("cypher-type");
    expect(error.message).toContain("cannot read property `label` of a string");
  });

  it("refuses a property of a path or a list of relationships when it can tell", () => {
    expect(g.error("MATCH p = (a)-->(b) RETURN p.label").message).toContain("`p` is a path");
    expect(g.error("MATCH (a)-[rs*1..2]->(b) RETURN rs.label").message).toContain("list of relationships");
  });
});
