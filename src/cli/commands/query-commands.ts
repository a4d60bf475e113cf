// `rightsgraph search | show | neighbors | path`: the query engine from the command line.
import {
  CITED_FORMAT_NAMES,
  NEIGHBOR_DIRECTIONS,
  NEIGHBORS_RULES,
  PATH_DIRECTIONS,
  PATH_RANKS,
  type CitedFormat,
} from "../../api/parameters";
import { citedHtmlDocument, citedPathMarkdown, dossierMarkdown } from "../../export";
import { createQueryEngine, keepPath, resolveNeighborsOptions, resolvePathOptions } from "../../query";
import {
  LOAD_OPTIONS,
  intOption,
  listOption,
  NoResultError,
  UsageError,
  type Command,
  type CommandContext,
} from "../cli-context";
import { formatClaims, formatPath } from "../format-claims";
import { resolveArgument } from "../resolve-argument";

async function engineFor(ctx: CommandContext) {
  return createQueryEngine(await ctx.load());
}

/** `--format markdown|html` (a cited paragraph), checked before any work; undefined without it. */
function citedFormat(ctx: CommandContext): CitedFormat | undefined {
  const format = ctx.values.format;
  if (format === undefined) return undefined;
  if (ctx.values.json) throw new UsageError("--json and --format cannot be combined");
  if (typeof format !== "string" || !(CITED_FORMAT_NAMES as readonly string[]).includes(format)) {
    throw new UsageError(`--format must be one of ${CITED_FORMAT_NAMES.join(", ")}, got "${String(format)}"`);
  }
  return format as CitedFormat;
}

export const searchCommand: Command = {
  name: "search",
  usage: "rightsgraph search TEXT [--type TYPE] [--limit N] [--json] [--data DIR] [--suggestions]",
  options: { ...LOAD_OPTIONS, type: { type: "string" }, limit: { type: "string" }, json: { type: "boolean" } },
  positionals: [1, 1],
  async run(ctx) {
    const engine = await engineFor(ctx);
    const results = engine.search(ctx.positionals[0]!, {
      type: ctx.values.type as string | undefined,
      limit: intOption(ctx.values, "limit"),
    });
    if (ctx.values.json) ctx.out(JSON.stringify({ results }, null, 2));
    else for (const r of results) ctx.out(`${r.id}\t${r.label}\t${r.type}\t${r.score.toFixed(2)}`);
    if (results.length === 0) throw new NoResultError(`nothing matches "${ctx.positionals[0]}"`);
    return 0;
  },
};

export const showCommand: Command = {
  name: "show",
  usage: `rightsgraph show ID-OR-NAME [--json | --format ${CITED_FORMAT_NAMES.join("|")}] [--data DIR] [--suggestions]`,
  options: { ...LOAD_OPTIONS, json: { type: "boolean" }, format: { type: "string" } },
  positionals: [1, 1],
  async run(ctx) {
    const format = citedFormat(ctx);
    const engine = await engineFor(ctx);
    const detail = engine.node(resolveArgument(engine, ctx.positionals[0]!));
    if (format !== undefined) {
      const markdown = dossierMarkdown(engine.dataset, detail);
      ctx.out(format === "html" ? citedHtmlDocument(markdown, detail.node.label) : markdown);
      return 0;
    }
    if (ctx.values.json) {
      ctx.out(JSON.stringify(detail, null, 2));
      return 0;
    }
    const { node, edges } = detail;
    ctx.out(`${node.label}  [${node.id}, ${node.type}]`);
    if (node.shortLabel !== node.label) ctx.out(`short name: ${node.shortLabel}`);
    if (node.aliases.length > 0) ctx.out(`also: ${node.aliases.join("; ")}`);
    ctx.out(node.description);
    if (node.date) ctx.out(`date: ${node.date}`);
    for (const note of node.outsideKnowledge ?? []) ctx.out(`outside knowledge: ${note}`);
    ctx.out("");
    for (const line of formatClaims(edges)) ctx.out(line);
    return 0;
  },
};

export const neighborsCommand: Command = {
  name: "neighbors",
  usage:
    `rightsgraph neighbors ID-OR-NAME [--depth ${NEIGHBORS_RULES.depth.min}-${NEIGHBORS_RULES.depth.max}] ` +
    `[--direction ${NEIGHBOR_DIRECTIONS.join("|")}] [--edge-types a,b] [--node-types a,b] [--limit N] [--edge-limit N] ` +
    "[--json] [--data DIR] [--suggestions]",
  options: {
    ...LOAD_OPTIONS,
    depth: { type: "string" },
    direction: { type: "string" },
    "edge-types": { type: "string" },
    "node-types": { type: "string" },
    limit: { type: "string" },
    "edge-limit": { type: "string" },
    json: { type: "boolean" },
  },
  positionals: [1, 1],
  async run(ctx) {
    const given = {
      depth: intOption(ctx.values, "depth"),
      direction: ctx.values.direction,
      edgeTypes: listOption(ctx.values, "edge-types"),
      nodeTypes: listOption(ctx.values, "node-types"),
      limit: intOption(ctx.values, "limit"),
      edgeLimit: intOption(ctx.values, "edge-limit"),
    };
    const engine = await engineFor(ctx);
    // Options are judged before the name is resolved: a usage error wins over a name that matches nothing.
    const options = resolveNeighborsOptions(given, engine.dataset.schema);
    const result = engine.neighbors(resolveArgument(engine, ctx.positionals[0]!), options);
    if (ctx.values.json) {
      ctx.out(JSON.stringify(result, null, 2));
      return 0;
    }
    ctx.out(
      `${result.nodes.length} nodes, ${result.edges.length} edges${result.truncated ? ` (truncated; ${result.counts.nodes} nodes in all)` : ""}`,
    );
    for (const node of result.nodes) ctx.out(`  ${node.id}  ${node.label} (${node.type})`);
    ctx.out("");
    for (const line of formatClaims(result.edges)) ctx.out(line);
    return 0;
  },
};

export const pathCommand: Command = {
  name: "path",
  usage:
    `rightsgraph path FROM TO [--rank ${PATH_RANKS.join("|")}] [--via A,B] [--avoid A,B] [--max-hops N] [--limit K] ` +
    `[--direction ${PATH_DIRECTIONS.join("|")}] [--edge-types a,b] [--exclude-edge-types a,b] ` +
    `[--exclude-node-types a,b] [--include-provenance] [--path N] [--json | --format ${CITED_FORMAT_NAMES.join("|")}] ` +
    "[--data DIR] [--suggestions]",
  options: {
    ...LOAD_OPTIONS,
    path: { type: "string" },
    format: { type: "string" },
    rank: { type: "string" },
    via: { type: "string" },
    avoid: { type: "string" },
    "max-hops": { type: "string" },
    limit: { type: "string" },
    direction: { type: "string" },
    "edge-types": { type: "string" },
    "exclude-edge-types": { type: "string" },
    "exclude-node-types": { type: "string" },
    "include-provenance": { type: "boolean" },
    json: { type: "boolean" },
  },
  positionals: [2, 2],
  async run(ctx) {
    const given = {
      rank: ctx.values.rank,
      via: listOption(ctx.values, "via"),
      avoid: listOption(ctx.values, "avoid"),
      maxHops: intOption(ctx.values, "max-hops"),
      limit: intOption(ctx.values, "limit"),
      direction: ctx.values.direction,
      edgeTypes: listOption(ctx.values, "edge-types"),
      excludeEdgeTypes: listOption(ctx.values, "exclude-edge-types"),
      excludeNodeTypes: listOption(ctx.values, "exclude-node-types"),
      includeProvenance: ctx.values["include-provenance"] === true ? true : undefined,
    };
    const format = citedFormat(ctx);
    const chosen = intOption(ctx.values, "path");
    const engine = await engineFor(ctx);
    // Options are judged before names are resolved: a usage error wins over a name that matches nothing.
    const options = resolvePathOptions(given, engine.dataset.schema);
    const from = resolveArgument(engine, ctx.positionals[0]!);
    const to = resolveArgument(engine, ctx.positionals[1]!);
    const result = keepPath(engine.paths(from, to, options), chosen);
    if (ctx.values.json) ctx.out(JSON.stringify(result, null, 2));
    if (result.type === "none") throw new NoResultError(`no path: ${result.reason}`);
    if (format !== undefined) {
      const label = (id: string) => engine.dataset.graph.getNodeAttribute(id, "label");
      const ends = { from: label(from), to: label(to) };
      const markdown = citedPathMarkdown(engine.dataset, result.paths, ends, chosen ?? 1);
      ctx.out(
        format === "html" ? citedHtmlDocument(markdown, `How ${ends.from} is connected to ${ends.to}`) : markdown,
      );
      return 0;
    }
    if (!ctx.values.json) {
      result.paths.forEach((path, i) => {
        if (i > 0) ctx.out("");
        for (const line of formatPath(path, i)) ctx.out(line);
      });
      if (result.truncated) ctx.out("\n(the search stopped at its cap; there may be more paths)");
    }
    return 0;
  },
};
