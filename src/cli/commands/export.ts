// `rightsgraph export`: the whole graph, a filtered view or a path result, to a file or stdout.
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { EXPORT_FORMAT_NAMES } from "../../api/parameters";
import { checkAgeGraphName, DEFAULT_AGE_GRAPH, isExportFormat, writeAgeFiles, writeExport } from "../../export";
import { computeLayout } from "../../layout";
import { createQueryEngine, resolvePathOptions, resolveSubgraphFilter } from "../../query";
import { RightsGraphError } from "../../errors";
import { LOAD_OPTIONS, intOption, listOption, UsageError, type Command } from "../cli-context";
import { resolveArgument } from "../resolve-argument";

/** Fewest edges for which an export says its steps on a terminal and its time when done. */
const EXPORT_STEPS_MIN_EDGES = 10_000;

export const exportCommand: Command = {
  name: "export",
  usage: [
    `rightsgraph export --format ${EXPORT_FORMAT_NAMES.join("|")} [--out FILE] [--data DIR] [--suggestions] [--without-layout]`,
    "         rightsgraph export --format age --out DIR [--graph NAME] [--files-at PATH]   CSV per label and load.sql",
    "         view:  [--node-types a,b] [--edge-types a,b] [--date-from YYYY[-MM[-DD]]] [--date-to ...]",
    "         path:  --from ID-OR-NAME --to ID-OR-NAME [--max-hops N] [--limit K] [--edge-types a,b] [--exclude-edge-types a,b]",
  ].join("\n"),
  options: {
    ...LOAD_OPTIONS,
    format: { type: "string" },
    out: { type: "string" },
    graph: { type: "string" },
    "files-at": { type: "string" },
    "without-layout": { type: "boolean" },
    "node-types": { type: "string" },
    "edge-types": { type: "string" },
    "date-from": { type: "string" },
    "date-to": { type: "string" },
    from: { type: "string" },
    to: { type: "string" },
    "max-hops": { type: "string" },
    limit: { type: "string" },
    "exclude-edge-types": { type: "string" },
  },
  positionals: [0, 0],
  async run(ctx) {
    const format = ctx.values.format;
    const isAge = format === "age";
    if (typeof format !== "string" || !(isAge || isExportFormat(format))) {
      throw new UsageError(`--format must be one of ${[...EXPORT_FORMAT_NAMES, "age"].join(", ")}`);
    }
    if (!isAge && (ctx.values.graph !== undefined || ctx.values["files-at"] !== undefined))
      throw new UsageError("--graph and --files-at go with --format age");
    if (isAge && typeof ctx.values.out !== "string") throw new UsageError("--format age needs --out DIR (a folder)");
    const graphName = checkAgeGraphName(String(ctx.values.graph ?? DEFAULT_AGE_GRAPH));
    const isPath = ctx.values.from !== undefined || ctx.values.to !== undefined;
    if (isPath && (ctx.values.from === undefined || ctx.values.to === undefined))
      throw new UsageError("a path export needs both --from and --to");
    const given = {
      maxHops: intOption(ctx.values, "max-hops"),
      limit: intOption(ctx.values, "limit"),
      edgeTypes: listOption(ctx.values, "edge-types"),
      excludeEdgeTypes: listOption(ctx.values, "exclude-edge-types"),
    };
    const filter = {
      nodeTypes: listOption(ctx.values, "node-types"),
      edgeTypes: listOption(ctx.values, "edge-types"),
      dateFrom: ctx.values["date-from"] as string | undefined,
      dateTo: ctx.values["date-to"] as string | undefined,
    };
    const dataset = await ctx.load();
    const engine = createQueryEngine(dataset);
    // The view filter and the path options are judged before names are resolved: a usage error comes first.
    resolveSubgraphFilter(filter, dataset.schema);
    let graph = dataset.graph;
    if (isPath) {
      const options = resolvePathOptions(given, dataset.schema);
      const from = resolveArgument(engine, String(ctx.values.from));
      const result = engine.paths(from, resolveArgument(engine, String(ctx.values.to)), options);
      if (result.type === "none") throw new RightsGraphError("no-result", `no path to export: ${result.reason}`);
      graph = engine.pathSubgraph(result);
    } else if (Object.values(filter).some((v) => v !== undefined)) {
      graph = engine.subgraph(filter);
    }
    if (isAge) {
      const filesAt = ctx.values["files-at"] as string | undefined;
      const summary = await writeAgeFiles(graph, String(ctx.values.out), { graphName, filesAt });
      ctx.err(
        `wrote ${ctx.values.out}: ${graph.order} vertices, ${graph.size} edges in ${summary.files.length - 1} CSV files, and load.sql (psql -f ${ctx.values.out}/load.sql)`,
      );
      return 0;
    }
    if (!isExportFormat(format)) throw new UsageError(`--format must be one of ${EXPORT_FORMAT_NAMES.join(", ")}`);
    // A large export lays the graph out and writes for tens of seconds: a terminal sees each step, a pipe one summary.
    const large = graph.size >= EXPORT_STEPS_MIN_EDGES;
    const started = performance.now();
    const step = (what: string) => {
      if (large && ctx.io.stderr.isTTY) ctx.io.stderr.write(`\r\u001b[2Kexport: ${what}...`);
    };
    step(`laying out ${graph.order} nodes`);
    const display = ctx.values["without-layout"] ? undefined : computeLayout(graph);
    const options = display ? { display } : {};
    if (typeof ctx.values.out === "string") {
      const file = createWriteStream(ctx.values.out);
      await once(file, "open").catch((error: Error) => {
        throw new RightsGraphError("cannot-write", `cannot write ${String(ctx.values.out)}: ${error.message}`);
      });
      step(`writing ${graph.size} edges as ${format}`);
      await writeExport(format, graph, dataset.schema, file, options); // ends the file stream when done
      if (large && ctx.io.stderr.isTTY) ctx.io.stderr.write("\r\u001b[2K");
      const took = large ? ` in ${((performance.now() - started) / 1000).toFixed(1)} s` : "";
      ctx.err(`wrote ${ctx.values.out}: ${graph.order} nodes, ${graph.size} edges (${format})${took}`);
    } else {
      await writeExport(format, graph, dataset.schema, ctx.io.stdout, options);
    }
    return 0;
  },
};
