// The palette: every type of the bundled schema has a declared colour (never the hashed fallback), node types each
// their own, edge types their meaning group's; unknown types from other data folders get a stable fallback.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import {
  EDGE_COLOR_GROUPS,
  EDGE_TYPE_COLORS,
  edgeTypeColor,
  edgeTypeFamily,
  NODE_TYPE_COLORS,
  nodeTypeColor,
} from "../../src/layout";

const HEX = /^#[0-9a-f]{6}$/;
const schema = parse(readFileSync("graph-data/schema.yaml", "utf8")) as {
  node_types: Record<string, unknown>;
  edge_types: Record<string, unknown>;
};
const nodeTypes = Object.keys(schema.node_types);
const edgeTypes = Object.keys(schema.edge_types);

describe("colours of the bundled schema's types", () => {
  it("declare a colour for every node type, none of them left to the hashed fallback", () => {
    expect(nodeTypes.length).toBeGreaterThanOrEqual(10);
    const undeclared = nodeTypes.filter((type) => !Object.hasOwn(NODE_TYPE_COLORS, type));
    expect(undeclared, "add these node types to NODE_TYPE_COLORS in src/layout/colors.ts").toEqual([]);
    for (const type of nodeTypes) expect(nodeTypeColor(type), type).toMatch(HEX);
  });

  it("give every node type a colour of its own", () => {
    const colours = nodeTypes.map((type) => NODE_TYPE_COLORS[type]);
    expect(new Set(colours).size).toBe(nodeTypes.length);
  });

  it("put every edge type in exactly one meaning group, none of them left to the hashed fallback", () => {
    expect(edgeTypes.length).toBeGreaterThanOrEqual(20);
    const groupsOf = (type: string) =>
      Object.entries(EDGE_COLOR_GROUPS)
        .filter(([, group]) => group.types.includes(type))
        .map(([name]) => name);
    const misplaced = edgeTypes.filter((type) => groupsOf(type).length !== 1).map((type) => [type, groupsOf(type)]);
    expect(misplaced, "put each of these edge types in one group of EDGE_COLOR_GROUPS in src/layout/colors.ts").toEqual(
      [],
    );
    for (const type of edgeTypes) expect(edgeTypeColor(type), type).toBe(EDGE_TYPE_COLORS[type]);
  });

  it("give each edge group a colour of its own, unlike any node type's", () => {
    const groupColours = Object.values(EDGE_COLOR_GROUPS).map((group) => group.color);
    for (const colour of groupColours) expect(colour).toMatch(HEX);
    expect(new Set(groupColours).size).toBe(groupColours.length);
    expect(groupColours.filter((colour) => Object.values(NODE_TYPE_COLORS).includes(colour))).toEqual([]);
  });

  it("colour the four contract types from four groups: support, opposition, speech, provenance", () => {
    const colours = ["sponsored", "declined", "addressed-to", "cites"].map((type) => edgeTypeColor(type));
    expect(colours).toEqual([
      EDGE_COLOR_GROUPS.support!.color,
      EDGE_COLOR_GROUPS.opposition!.color,
      EDGE_COLOR_GROUPS.speech!.color,
      EDGE_COLOR_GROUPS.provenance!.color,
    ]);
  });
});

describe("edge families", () => {
  it("name each edge type's group as the legend shows it, and an unknown type's as other relations", () => {
    expect(edgeTypeFamily("cites")).toEqual({ name: "provenance", label: "Citations (provenance)" });
    expect(edgeTypeFamily("declined")).toEqual({ name: "opposition", label: "Opposition and violations" });
    expect(edgeTypeFamily("no-such-type")).toEqual({ name: "other", label: "Other relations" });
    const labels = Object.values(EDGE_COLOR_GROUPS).map((group) => group.label);
    expect(new Set(labels).size).toBe(labels.length);
  });
});

describe("colours of types the palette lacks", () => {
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
});
