import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { EDGE_TYPE_COLORS, edgeTypeColor, NODE_TYPE_COLORS, nodeTypeColor } from "../../src/layout";

const HEX = /^#[0-9a-f]{6}$/;
const schema = parse(readFileSync("graph-data/schema.yaml", "utf8")) as {
  node_types: Record<string, unknown>;
  edge_types: Record<string, unknown>;
};

describe("colours", () => {
  it("give an unknown type a fallback colour that is the same on every call", () => {
    expect(nodeTypeColor("spaceship")).toMatch(HEX);
    expect(nodeTypeColor("spaceship")).toBe(nodeTypeColor("spaceship"));
    expect(edgeTypeColor("launched")).toMatch(HEX);
    expect(edgeTypeColor("launched")).toBe(edgeTypeColor("launched"));
  });

  it("do not treat inherited object keys as types", () => {
    expect(nodeTypeColor("constructor")).toMatch(HEX);
    expect(edgeTypeColor("__proto__")).toMatch(HEX);
  });

  it("give every node type in schema.yaml its own #rrggbb colour", () => {
    const types = Object.keys(schema.node_types);
    expect(types.length).toBeGreaterThanOrEqual(10);
    for (const type of types) expect(NODE_TYPE_COLORS[type]).toMatch(HEX);
    expect(new Set(types.map((type) => NODE_TYPE_COLORS[type])).size).toBe(types.length);
  });

  it("give every edge type in schema.yaml a #rrggbb colour, the four contract types from the table", () => {
    for (const type of Object.keys(schema.edge_types)) expect(edgeTypeColor(type)).toMatch(HEX);
    for (const type of ["sponsored", "declined", "addressed-to", "cites"]) expect(EDGE_TYPE_COLORS[type]).toMatch(HEX);
  });

  it("colour declining and sponsoring differently", () => {
    expect(edgeTypeColor("declined")).not.toBe(edgeTypeColor("sponsored"));
    expect(nodeTypeColor("state")).toBe(NODE_TYPE_COLORS.state);
  });
});
