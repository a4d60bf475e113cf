import { describe, expect, it } from "vitest";
import { collectExportColumns, joinValueTypes, valueTypeOf } from "../../src/export";
import { addNode, emptyGraph } from "../helpers/graph-builder";
import { buildSchema } from "../helpers/schema-builder";
import { tinyGraph, tinySchema } from "../helpers/tiny-fixture";

const names = (columns: { name: string }[]): string[] => columns.map((column) => column.name);

describe("valueTypeOf", () => {
  it("gives no type to NaN and infinities, which no format can write", () => {
    expect(valueTypeOf(Number.NaN)).toBeUndefined();
    expect(valueTypeOf(Number.POSITIVE_INFINITY)).toBeUndefined();
  });

  it("types integers by range: int up to 2^31-1, long up to 2^53, double beyond", () => {
    expect(valueTypeOf(2147483647)).toBe("int");
    expect(valueTypeOf(-2147483647)).toBe("int");
    expect(valueTypeOf(2147483648)).toBe("long");
    expect(valueTypeOf(2 ** 53 + 2)).toBe("double");
    expect(valueTypeOf(0.5)).toBe("double");
  });

  it("types booleans, strings and lists", () => {
    expect(valueTypeOf(false)).toBe("boolean");
    expect(valueTypeOf("12")).toBe("string");
    expect(valueTypeOf(["a"])).toBe("string-list");
  });
});

describe("joinValueTypes", () => {
  it("widens numbers and falls back to string for anything else mixed", () => {
    expect(joinValueTypes("int", "double")).toBe("double");
    expect(joinValueTypes("long", "int")).toBe("long");
    expect(joinValueTypes("boolean", "int")).toBe("string");
    expect(joinValueTypes("string-list", "string")).toBe("string");
    expect(joinValueTypes("boolean", "boolean")).toBe("boolean");
  });
});

describe("collectExportColumns", () => {
  it("renames a type-specific attribute that collides with a core column or with id", () => {
    const schema = buildSchema({
      nodeTypes: { thing: { label: "string", id: "integer", x: "number" } },
      edgeTypes: {},
    });
    const columns = collectExportColumns(emptyGraph(), schema, true);
    expect(names(columns.node)).toContain("prop_label");
    expect(names(columns.node)).toContain("prop_id");
    expect(names(columns.node)).toContain("prop_x");
    expect(new Set(names(columns.node)).size).toBe(columns.node.length);
  });

  it("replaces characters that are not valid in a GraphML NMTOKEN", () => {
    const schema = buildSchema({ nodeTypes: { thing: { "a b<c": "string", a_b_c: "string" } }, edgeTypes: {} });
    expect(names(collectExportColumns(emptyGraph(), schema, false).node).slice(-2)).toEqual(["a_b_c", "prop_a_b_c"]);
  });

  it("widens a declared integer column when the data holds a fraction", () => {
    const graph = emptyGraph();
    addNode(graph, "thing:1", { type: "thing", props: { count: 1.5 } });
    const schema = buildSchema({ nodeTypes: { thing: { count: "integer" } }, edgeTypes: {} });
    expect(collectExportColumns(graph, schema, false).node.at(-1)).toMatchObject({ name: "count", type: "double" });
  });

  it("adds a column for a prop the schema never declared, typed from its values", () => {
    const graph = emptyGraph();
    addNode(graph, "thing:1", { type: "thing", props: { flagged: true } });
    const columns = collectExportColumns(graph, buildSchema({ nodeTypes: { thing: {} }, edgeTypes: {} }), false);
    expect(columns.node.at(-1)).toMatchObject({ name: "flagged", type: "boolean" });
  });

  it("makes one column of an attribute two types declare with the same kind", () => {
    const columns = collectExportColumns(tinyGraph(), tinySchema(), false);
    expect(names(columns.node).filter((name) => name === "kind")).toEqual(["kind"]);
  });

  it("lists the core columns in contract order, display columns only when a layout is given", () => {
    const withoutDisplay = collectExportColumns(tinyGraph(), tinySchema(), false);
    expect(names(withoutDisplay.node).slice(0, 10)).toEqual([
      "label",
      "short_label",
      "article",
      "plural",
      "type",
      "aliases",
      "description",
      "date",
      "sources",
      "outside_knowledge",
    ]);
    expect(names(collectExportColumns(tinyGraph(), tinySchema(), true).node).slice(8, 12)).toEqual([
      "x",
      "y",
      "size",
      "color",
    ]);
    expect(names(withoutDisplay.edge).slice(0, 13)).toEqual([
      "type",
      "label",
      "sentence",
      "claim",
      "claim_sentence",
      "claim_size",
      "evidence",
      "footnotes",
      "source_doc",
      "date",
      "evidence_start",
      "evidence_end",
      "outside_knowledge",
    ]);
  });
});
