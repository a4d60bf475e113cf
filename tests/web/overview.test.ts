// A large corpus's overview, its pure parts: the claims it sums up (between groups, and a pair's beyond the first),
// the scene's transitions that sum them up or draw them, the edge reducer drawing them only in focus, where the groups
// are placed, and which lines between groups are drawn.
import { describe, expect, it } from "vitest";
import type { OverviewCommunity, OverviewResponse } from "../../web/src/api/index.js";
import { buildGraph, computeVisibility, DRAWING_LIMITS } from "../../web/src/graph/index.js";
import { computeView, edgeReducer } from "../../web/src/reducers/index.js";
import { linksDrawn } from "../../web/src/scene/group-links.js";
import {
  groupPlacement,
  groupsDrawnApart,
  regroup,
  REST_CELL,
  SMALLEST_GROUP,
  spreadMembers,
} from "../../web/src/scene/group-placement.js";
import { bringIntoScene, expandNode, openOverview } from "../../web/src/scene/index.js";
import { initialState } from "../../web/src/state/index.js";
import type { AppState } from "../../web/src/state/index.js";
import { GRAPH, SCHEMA } from "./fixture.js";

/** The fixture in two groups: the ROK and Quintana (0), the DPRK and the two documents (1). */
const COMMUNITY: Record<string, number> = {
  "state:kor": 0,
  "person:q": 0,
  "state:prk": 1,
  "doc:l26": 1,
  "doc:brief": 1,
};
const graph = buildGraph(
  { ...GRAPH, nodes: GRAPH.nodes.map((n) => ({ ...n, attributes: { ...n.attributes, community: COMMUNITY[n.key] } })) },
  SCHEMA,
);
const overviewState = (): AppState => openOverview(graph.nodes())(initialState());
const visibility = (state: AppState) => computeVisibility(graph, state.filters, state.scene);

describe("the overview's summed claims", () => {
  it("keeps each node's group from the server", () => {
    expect(graph.getNodeAttribute("state:kor", "community")).toBe(0);
    expect(graph.getNodeAttribute("doc:l26", "community")).toBe(1);
  });

  it("sums up the claims between two groups, and a pair's claims beyond the first", () => {
    const vis = visibility(overviewState());
    // e:declined links the ROK (0) to L.26 (1); e:call-kor-2 is Quintana's second claim on the ROK.
    expect([...vis.summed].sort()).toEqual(["e:call-kor-2", "e:declined"]);
    expect([...vis.edges].sort()).toEqual(["e:call-kor", "e:cites"]);
    expect(vis.nodes.size).toBe(5);
  });

  it("sums up nothing outside the overview", () => {
    const vis = visibility(initialState());
    expect(vis.summed.size).toBe(0);
    expect(vis.edges.size).toBe(4);
  });

  it("draws every claim of a node whose group is opened, or which is expanded", () => {
    const opened = bringIntoScene([], ["state:kor", "person:q"])(overviewState());
    expect(opened.scene.summarised).toEqual(["doc:brief", "doc:l26", "state:prk"]);
    expect(visibility(opened).summed.size).toBe(0);
    const expanded = expandNode("state:kor", [])(overviewState());
    expect(expanded.scene.summarised).not.toContain("state:kor");
    expect([...visibility(expanded).edges].sort()).toEqual(["e:call-kor", "e:call-kor-2", "e:cites", "e:declined"]);
  });

  it("brings nodes into the scene as one change, and answers the same state when nothing changes", () => {
    const start = openOverview(["state:kor"])(initialState());
    expect(start.scene.members).toEqual(["state:kor"]);
    expect(start.scene.summarised).toEqual(["state:kor"]);
    const hidden = { ...start, scene: { ...start.scene, hidden: ["doc:l26"] } };
    const next = bringIntoScene(["doc:l26", "person:q"], ["state:kor"])(hidden);
    expect(next.scene.members).toEqual(["doc:l26", "person:q", "state:kor"]);
    expect(next.scene.hidden).toEqual([]);
    expect(next.scene.summarised).toEqual([]);
    expect(bringIntoScene(["person:q"], ["state:kor"])(next)).toBe(next);
  });

  it("draws a summed claim only while it is in focus: its node hovered, or highlighted as a path is", () => {
    const state = overviewState();
    const look = (s: AppState, edge: string) => edgeReducer(computeView(graph, s), edge, graph.getEdgeAttributes(edge));
    expect(look(state, "e:declined").hidden).toBe(true);
    expect(look(state, "e:call-kor").hidden).toBeFalsy();
    expect(look(state, "e:call-kor-2").hidden).toBe(true);
    const hovered = { ...state, hoveredNode: "state:kor" };
    expect(look(hovered, "e:declined").hidden).toBeFalsy();
    expect(look(hovered, "e:call-kor-2").hidden).toBeFalsy();
    // Hovering elsewhere leaves it summed up.
    expect(look({ ...state, hoveredNode: "doc:brief" }, "e:declined").hidden).toBe(true);
    // A query's matches are highlighted as a chosen path is.
    const path: AppState = {
      ...state,
      queryResult: {
        status: "answered",
        response: {
          columns: ["r"],
          rows: [],
          truncated: false,
          truncatedBy: [],
          nodes: ["state:kor", "doc:l26"],
          edges: ["e:declined"],
          highlightTruncated: false,
        },
      },
    };
    expect(look(path, "e:declined").hidden).toBeFalsy();
  });

  it("draws parallel relations straight in the overview and above DRAWING_LIMITS.curvedEdges, fanned otherwise", () => {
    const curved = { ...graph.getEdgeAttributes("e:call-kor"), type: "curved" as const, curvature: 0.3 };
    const look = (s: AppState) => edgeReducer(computeView(graph, s), "e:call-kor", curved);
    expect(look(initialState())).toMatchObject({ type: "curved", curvature: 0.3 });
    expect(look(overviewState())).toMatchObject({ type: "straight", curvature: 0 });
    // Many relations shown: a graph of DRAWING_LIMITS.curvedEdges + 1 of them, all in view.
    const many = buildGraph(
      {
        ...GRAPH,
        edges: Array.from({ length: DRAWING_LIMITS.curvedEdges + 1 }, (_, i) => ({
          ...GRAPH.edges[1]!,
          key: `e:${i}`,
        })),
      },
      SCHEMA,
    );
    const view = computeView(many, initialState());
    expect(view.plainEdges).toBe(true);
    expect(edgeReducer(view, "e:0", { ...many.getEdgeAttributes("e:0"), type: "curved" }).type).toBe("straight");
  });
});

const community = (id: number, nodes: number, x = 0, y = 0): OverviewCommunity => ({
  id,
  nodes,
  edges: nodes,
  top: [{ id: `n${id}`, label: `Group ${id}`, type: "state" }],
  x,
  y,
  radius: 1,
});

const overview = (communities: OverviewCommunity[], nodes: number): OverviewResponse => ({
  nodes,
  edges: 0,
  sceneCap: 2000,
  large: true,
  communityCount: communities.length + 5,
  communities,
  links: [],
});

describe("groupPlacement", () => {
  const sizes = [900, 400, 400, 300, 200, 100, 100, 50, 40, 30];
  const many = overview(
    sizes.map((n, i) => community(i, n, i * 3, -i)),
    3000,
  );

  it("draws apart the groups of SMALLEST_GROUP nodes or more, and the largest few whatever their size", () => {
    const small = overview([community(0, 50), community(1, SMALLEST_GROUP), community(2, SMALLEST_GROUP - 1)], 100);
    expect(groupsDrawnApart(small).map((c) => c.id)).toEqual([0, 1, 2]);
    const tiny = overview(
      Array.from({ length: 12 }, (_, i) => community(i, i === 0 ? 50 : 2)),
      100,
    );
    expect(groupsDrawnApart(tiny).map((c) => c.id)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it("packs the cells to the canvas's shape: wide rows for a wide canvas, narrow ones for a tall canvas", () => {
    const box = (aspect: number) => {
      const cells = [...groupPlacement(many, aspect).anchors.values()];
      const width = Math.max(...cells.map((c) => c.x + c.r)) - Math.min(...cells.map((c) => c.x - c.r));
      const height = Math.max(...cells.map((c) => c.y + c.r)) - Math.min(...cells.map((c) => c.y - c.r));
      return width / height;
    };
    expect(box(3)).toBeGreaterThan(1.8);
    expect(box(0.4)).toBeLessThan(0.8);
    // The rest of the corpus (3,000 nodes, 2,520 in the groups) has a cell of its own.
    expect(groupPlacement(many, 1).anchors.has(REST_CELL)).toBe(true);
  });

  it("keeps the cells apart", () => {
    const cells = [...groupPlacement(many, 1.5).anchors.values()];
    for (const [i, a] of cells.entries()) {
      for (const b of cells.slice(i + 1)) expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThan(a.r + b.r);
    }
  });

  it("leaves a band between two rows for the names of the groups below it", () => {
    /** The smallest space between the cells of one row and those of the next, and the height of the whole. */
    const rows = (band: number): { between: number; height: number } => {
      const cells = [...groupPlacement(many, 3, band).anchors.values()];
      const tops = [...new Set(cells.map((c) => c.y))].sort((a, b) => b - a);
      let between = Infinity;
      for (const [i, y] of tops.slice(1).entries()) {
        const above = cells.filter((c) => c.y === tops[i]);
        const below = cells.filter((c) => c.y === y);
        between = Math.min(
          between,
          Math.min(...above.map((c) => c.y - c.r)) - Math.max(...below.map((c) => c.y + c.r)),
        );
      }
      const height = Math.max(...cells.map((c) => c.y + c.r)) - Math.min(...cells.map((c) => c.y - c.r));
      return { between, height };
    };
    const [plain, banded] = [rows(0), rows(0.2)];
    expect(plain.between / plain.height).toBeLessThan(0.15);
    // A fifth of the canvas's height, which is at least the cells' height.
    expect(banded.between / banded.height).toBeGreaterThan(0.2);
  });

  it("keeps each group's members in its cell, however far out the layout puts them", () => {
    const placement = groupPlacement(many, 1.5);
    for (const [id, far] of [
      [0, 1e3],
      [3, 50],
      [7, 2.5],
    ] as const) {
      const cell = placement.anchors.get(id)!;
      for (let turn = 0; turn < 8; turn++) {
        const angle = (turn * Math.PI) / 4;
        const group = many.communities[id]!;
        const at = placement.place({
          x: group.x + far * Math.cos(angle),
          y: group.y + far * Math.sin(angle),
          community: id,
        });
        expect(Math.hypot(at.x - cell.x, at.y - cell.y)).toBeLessThan(cell.r);
      }
    }
  });

  it("spreads an opened group's members with room for each circle, outgrowing a cell too small", () => {
    const members = Array.from({ length: 300 }, (_, i) => ({
      id: `m${i}`,
      x: Math.cos(i) * (i % 7),
      y: Math.sin(i) * (i % 5),
      size: 2 + (i % 11),
    }));
    for (const r of [1, 400]) {
      const anchor = { x: 10, y: -4, r };
      const places = spreadMembers(members, anchor, (size) => size);
      expect(places.size).toBe(members.length);
      const at = members.map((m) => ({ ...places.get(m.id)!, r: m.size }));
      for (const [i, a] of at.entries())
        for (const b of at.slice(i + 1))
          expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThanOrEqual(a.r + b.r - 1e-6);
      // A cell large enough holds them all.
      if (r === 400) for (const p of at) expect(Math.hypot(p.x - anchor.x, p.y - anchor.y)).toBeLessThan(r + p.r);
    }
  });

  it("undoes its own placing, so that a scene placed for one canvas can be placed again for another", () => {
    const wide = groupPlacement(many, 3);
    const tall = groupPlacement(many, 0.5);
    for (const at of [
      { x: 1, y: 2, community: 0 },
      { x: -4, y: 0.5, community: 7 },
      { x: 10, y: 3, community: undefined },
    ]) {
      const back = wide.unplace(wide.place(at), at.community);
      expect(back.x).toBeCloseTo(at.x, 9);
      expect(back.y).toBeCloseTo(at.y, 9);
    }
    const placed = buildGraph(
      {
        ...GRAPH,
        nodes: GRAPH.nodes.map((n) => ({
          ...n,
          attributes: { ...n.attributes, community: 1, ...wide.place({ ...n.attributes, community: 1 }) },
        })),
      },
      SCHEMA,
    );
    regroup(placed, wide, tall);
    const kor = GRAPH.nodes.find((n) => n.key === "state:kor")!.attributes;
    const expected = tall.place({ x: kor.x, y: kor.y, community: 1 });
    expect(placed.getNodeAttribute("state:kor", "x")).toBeCloseTo(expected.x, 9);
    expect(placed.getNodeAttribute("state:kor", "y")).toBeCloseTo(expected.y, 9);
  });
});

describe("linksDrawn", () => {
  it("draws the strongest links between the groups drawn, and each group's strongest", () => {
    const groups = new Set(Array.from({ length: 60 }, (_, i) => i));
    // A hub linked to 59 groups, strongly to the first 45; group 59's only link is the weakest of all.
    const links = Array.from({ length: 59 }, (_, i) => ({ source: 0, target: i + 1, edges: 1000 - 10 * i }));
    links.push({ source: 5, target: 99, edges: 5000 });
    const drawn = linksDrawn(links, groups);
    // Never to a group not drawn (99), the 40 strongest, then one for each group left without a line.
    expect(drawn.some((l) => l.target === 99)).toBe(false);
    expect(drawn.length).toBe(59);
    expect(drawn[0]).toEqual({ source: 0, target: 1, edges: 1000 });
    expect(drawn.at(-1)).toEqual({ source: 0, target: 59, edges: 420 });
  });
});
