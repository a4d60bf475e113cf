// `rightsgraph stats`: node and edge counts, in all and by type.
import { DATA_OPTION, type Command } from "../cli-context";

function countBy(values: Iterable<string>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
}

export const statsCommand: Command = {
  name: "stats",
  summary: "count nodes and edges, in all and by type",
  usage: "rightsgraph stats [--data DIR] [--json]",
  options: { ...DATA_OPTION, json: { type: "boolean" } },
  positionals: [0, 0],
  async run(ctx) {
    const { graph, sources } = await ctx.load();
    const stats = {
      nodes: graph.order,
      edges: graph.size,
      sources: [...sources.keys()],
      nodeTypes: countBy(graph.mapNodes((_, a) => a.type)),
      edgeTypes: countBy(graph.mapEdges((_, a) => a.type)),
    };
    if (ctx.values.json) {
      ctx.out(JSON.stringify(stats, null, 2));
      return 0;
    }
    ctx.out(`nodes: ${stats.nodes}`);
    ctx.out(`edges: ${stats.edges}`);
    ctx.out(`sources: ${stats.sources.join(", ")}`);
    ctx.out("node types:");
    for (const [type, n] of Object.entries(stats.nodeTypes)) ctx.out(`  ${type.padEnd(20)} ${n}`);
    ctx.out("edge types:");
    for (const [type, n] of Object.entries(stats.edgeTypes)) ctx.out(`  ${type.padEnd(20)} ${n}`);
    return 0;
  },
};
