// `rightsgraph stats`: node and edge counts, in all and by type; the sources summarised (how many, the ten with most
// claims) and the records by review status.
import type { Dataset } from "../../schema/types";
import { LOAD_OPTIONS, type Command } from "../cli-context";

/** Sources listed by name in `stats`: the ones with most claims; the rest are counted. */
const TOP_SOURCES = 10;

function countBy(values: Iterable<string>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
}

/** Claims (edges but the loader's `cites`) per source id, most first, then by id. */
function claimsPerSource({ graph, sources }: Dataset): { id: string; claims: number }[] {
  const byDocument = new Map([...sources.values()].map((s) => [s.document, s.id]));
  const counts = new Map([...sources.keys()].map((id) => [id, 0]));
  graph.forEachEdge((_, a) => {
    const id = byDocument.get(a.evidence.sourceDoc);
    if (a.type !== "cites" && id !== undefined) counts.set(id, counts.get(id)! + 1);
  });
  return [...counts]
    .map(([id, claims]) => ({ id, claims }))
    .sort((a, b) => b.claims - a.claims || a.id.localeCompare(b.id));
}

export const statsCommand: Command = {
  name: "stats",
  usage: "rightsgraph stats [--data DIR] [--suggestions] [--json]",
  options: { ...LOAD_OPTIONS, json: { type: "boolean" } },
  positionals: [0, 0],
  async run(ctx) {
    const dataset = await ctx.load();
    const { graph, sources, review } = dataset;
    const perSource = claimsPerSource(dataset);
    const stats = {
      nodes: graph.order,
      edges: graph.size,
      sources: [...sources.keys()],
      sourceCount: sources.size,
      topSources: perSource.slice(0, TOP_SOURCES),
      nodeTypes: countBy(graph.mapNodes((_, a) => a.type)),
      edgeTypes: countBy(graph.mapEdges((_, a) => a.type)),
      ...(review
        ? { review: { nodes: review.nodes, edges: review.edges, suggestionsShown: review.suggestionsShown } }
        : {}),
    };
    if (ctx.values.json) {
      ctx.out(JSON.stringify(stats, null, 2));
      return 0;
    }
    ctx.out(`nodes: ${stats.nodes}`);
    ctx.out(`edges: ${stats.edges}`);
    const top = stats.topSources.map((s) => `${s.id} (${s.claims})`).join(", ");
    ctx.out(
      sources.size <= TOP_SOURCES
        ? `sources: ${sources.size}: ${top}`
        : `sources: ${sources.size}; most claims: ${top}; ${sources.size - TOP_SOURCES} more`,
    );
    if (review) {
      const line = (counts: Record<string, number>) =>
        `${counts.suggested} suggested, ${counts.draft} draft, ${counts.reviewed} reviewed, ${counts.rejected} rejected`;
      ctx.out(`review: nodes ${line(review.nodes)}; edges ${line(review.edges)}`);
      if (!review.suggestionsShown && review.edges.suggested + review.nodes.suggested > 0)
        ctx.out("  (suggested records are not counted above: --suggestions shows them)");
    }
    ctx.out("node types:");
    for (const [type, n] of Object.entries(stats.nodeTypes)) ctx.out(`  ${type.padEnd(20)} ${n}`);
    ctx.out("edge types:");
    for (const [type, n] of Object.entries(stats.edgeTypes)) ctx.out(`  ${type.padEnd(20)} ${n}`);
    return 0;
  },
};
