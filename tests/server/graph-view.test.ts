// The drawable graph view: built in slices with the event loop free, with the same answer as in one piece.
import { describe, expect, it } from "vitest";
import { createQueryEngine } from "../../src/query";
import { graphView, graphViewAsync, type ServerContext } from "../../src/server/server-context";
import { withTurns } from "../helpers/event-loop-turns";
import { buildDataset, type EdgeTuple } from "../helpers/query-fixture";

/** 4,000 nodes in a chain with a few hubs, laid out on a line: enough elements for many clock checks. */
function chainContext(): ServerContext {
  const nodes = Array.from({ length: 4000 }, (_, i) => `state:c${String(i).padStart(4, "0")}`);
  const edges: EdgeTuple[] = nodes.slice(1).map((node, i): EdgeTuple => [nodes[i]!, node]);
  for (let i = 10; i < nodes.length; i += 10) edges.push([nodes[0]!, nodes[i]!, "about"]);
  const dataset = buildDataset({ nodes, edges });
  const { graph } = dataset;
  const display = new Map(nodes.map((id, i) => [id, { x: i, y: 0, size: 1 + graph.degree(id), color: "#4477aa" }]));
  const nodesByDegree = graph.nodes().sort((a, b) => graph.degree(b) - graph.degree(a) || (a < b ? -1 : 1));
  const communities = new Map(nodes.map((id) => [id, 0]));
  const overview = { nodes: 0, edges: 0, communityCount: 1, communities: [], links: [] };
  return {
    dataset,
    engine: createQueryEngine(dataset),
    display,
    nodesByDegree,
    communities,
    overview,
    defaultGraphView: "",
  };
}

describe("graphViewAsync", () => {
  it("gives the same view as graphView, cut to the largest-degree nodes", async () => {
    const context = chainContext();
    const view = (await graphViewAsync(context, 50, 0)) as { nodes: { key: string }[]; truncated: boolean };
    expect(view).toEqual(graphView(context, 50));
    expect(view.nodes[0]!.key).toBe("state:c0000");
    expect(view.nodes).toHaveLength(50);
    expect(view.truncated).toBe(true);
  });

  it("lets the event loop turn while the whole graph's view is built", async () => {
    const context = chainContext();
    const { result, turns } = await withTurns(() => graphViewAsync(context, 200_000, 0));
    expect(result).toEqual(graphView(context, 200_000));
    expect((result as { edges: unknown[] }).edges).toHaveLength(context.dataset.graph.size);
    // In one piece the counter would turn once or twice; here once per clock check (every 256 elements).
    expect(turns).toBeGreaterThan(20);
  });
});
