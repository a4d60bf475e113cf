// PathRecords: the partial paths of the cheapest-first search grow in slices, keep every row and the heap's order
// as they grow, and are lent to the next search on the same scratch instead of allocated again.
import { describe, expect, it } from "vitest";
import type { AdjacencyView } from "../../../src/query/adjacency-index";
import { PathRecords } from "../../../src/query/paths/path-records";
import type { SliceClock } from "../../../src/query/slice-clock";

/** A clock whose slice is always used up: every look at it yields, so the test counts the looks. */
function alwaysDue(): { clock: SliceClock; pauses: () => number } {
  let pauses = 0;
  const clock = {
    doing: "ranked search",
    enter: () => {},
    due: () => true,
    *pause() {
      pauses++;
      yield;
    },
  } as unknown as SliceClock;
  return { clock, pauses: () => pauses };
}

/** A view in which entry p leads along edge 1000 + p. */
const VIEW: AdjacencyView = {
  offsets: Int32Array.of(0),
  neighbors: new Int32Array(0),
  edges: Int32Array.from({ length: 16 }, (_, p) => 1000 + p),
  edgeTypes: new Uint8Array(16),
};

/** Runs a generator to its end, counting what it yields. */
function drain(steps: Generator<void, void, undefined>): number {
  let yielded = 0;
  while (!steps.next().done) yielded++;
  return yielded;
}

function addRow(records: PathRecords, parent: number, estimate: number, runStart = 0): number {
  const r = records.add();
  records.node[r] = r;
  records.parent[r] = parent;
  records.depth[r] = parent < 0 ? 0 : records.depth[parent]! + 1;
  records.passed[r] = 0;
  records.runStart[r] = runStart;
  records.runEnd[r] = runStart + 1;
  records.cost[r] = estimate;
  records.estimate[r] = estimate;
  records.heap.push(r);
  return r;
}

describe("PathRecords", () => {
  it("grows its columns in slices, keeping every row and the heap's order", () => {
    const records = new PathRecords({}, VIEW);
    const rows = 300_000;
    const { clock, pauses } = alwaysDue();
    drain(records.reserve(1, rows, clock));
    // Rows in a chain, pushed with estimates out of order.
    for (let r = 0; r < rows; r++) {
      drain(records.reserve(records.size + 1, rows, clock));
      addRow(records, r - 1, (r * 7919) % rows);
    }
    // Copied whole, the columns grew without a pause; in slices, growing past a few hundred thousand rows pauses
    // at every chunk copied.
    expect(pauses()).toBeGreaterThanOrEqual(4);
    expect(records.node.length).toBeGreaterThanOrEqual(rows);
    expect(records.node[rows - 1]).toBe(rows - 1);
    expect(records.parent[rows - 1]).toBe(rows - 2);
    expect(records.depth[200]).toBe(200);
    const popped = Array.from({ length: 5 }, () => records.estimate[records.heap.pop()]);
    expect(popped).toEqual([0, 1, 2, 3, 4]);
  });

  it("makes each grown column in a slice of its own, even when there are few rows to copy", () => {
    const records = new PathRecords({}, VIEW);
    const { clock, pauses } = alwaysDue();
    for (let r = 0; r < 10; r++) addRow(records, r - 1, r);
    const before = pauses();
    drain(records.reserve(200_000, 200_000, clock));
    // Nine columns, each made after a look at the clock: made together, they were one piece of work.
    expect(pauses() - before).toBe(9);
    expect(records.node.length).toBe(200_000);
    expect(records.estimate[9]).toBe(9);
    expect(Array.from({ length: 10 }, () => records.estimate[records.heap.pop()])).toEqual([
      0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
    ]);
  });

  it("answers a row's path with the first edge of each step's run", () => {
    const records = new PathRecords({}, VIEW);
    const { clock } = alwaysDue();
    drain(records.reserve(3, 3, clock));
    const start = addRow(records, -1, 0);
    const middle = addRow(records, start, 1, 4);
    const end = addRow(records, middle, 2, 9);
    expect(records.path(end)).toEqual({ nodes: [0, 1, 2], edges: [1004, 1009] });
    expect(records.holds(end, 1)).toBe(true);
    expect(records.holds(middle, 2)).toBe(false);
  });

  it("lends its grown columns to the next search on the same scratch, and never to another scratch's", () => {
    const scratch = {};
    const first = new PathRecords(scratch, VIEW);
    const { clock } = alwaysDue();
    drain(first.reserve(50_000, 50_000, clock));
    const grown = first.node;
    const next = new PathRecords(scratch, VIEW);
    expect(next.node).toBe(grown);
    expect(next.size).toBe(0);
    expect(new PathRecords({}, VIEW).node).not.toBe(grown);
  });

  it("grows no further than the search's cap on rows, unless asked for more", () => {
    const records = new PathRecords({}, VIEW);
    const { clock } = alwaysDue();
    drain(records.reserve(1500, 1500, clock));
    expect(records.node.length).toBe(1500);
    drain(records.reserve(1600, 1500, clock));
    expect(records.node.length).toBe(1600);
  });
});
