// `rightsgraph export`: the whole graph, a filtered view or a path result, to a file or stdout.
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { EXPORT_FORMATS, isExportFormat, writeExport } from "../../export";
import { computeLayout } from "../../layout";
import { createQueryEngine } from "../../query";
import { RightsGraphError } from "../../errors";
import { DATA_OPTION, intOption, listOption, UsageError, type Command } from "../cli-context";
import { resolveArgument } from "../resolve-argument";

const DAY = /^\d{4}(-\d{2}(-\d{2})?)?$/;

export const exportCommand: Command = {
  name: "export",
  summary: "write the graph, a filtered view or a path result as GraphML, GEXF, JSON or a Neo4j CSV zip",
  usage: [
    "rightsgraph export --format graphml|gexf|json|csv [--out FILE] [--data DIR] [--without-layout]",
    "         view:  [--node-types a,b] [--edge-types a,b] [--date-from YYYY[-MM[-DD]]] [--date-to ...]",
    "         path:  --from ID-OR-NAME --to ID-OR-NAME [--max-hops N] [--limit K] [--edge-types a,b] [--exclude-edge-types a,b]",
  ].join("\n"),
  options: {
    ...DATA_OPTION,
    format: { type: "string" },
    out: { type: "string" },
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
    if (typeof format !== "string" || !isExportFormat(format)) {
      throw new UsageError(`--format must be one of ${Object.keys(EXPORT_FORMATS).join(", ")}`);
    }
    const isPath = ctx.values.from !== undefined || ctx.values.to !== undefined;
    if (isPath && (ctx.values.from === undefined || ctx.values.to === undefined))
      throw new UsageError("a path export needs both --from and --to");
    for (const key of ["date-from", "date-to"]) {
      const value = ctx.values[key];
      if (value !== undefined && !DAY.test(String(value)))
        throw new UsageError(`--${key} must be YYYY, YYYY-MM or YYYY-MM-DD`);
    }
    const dataset = await ctx.load();
    const engine = createQueryEngine(dataset);
    let graph = dataset.graph;
    if (isPath) {
      const result = engine.paths(
        resolveArgument(engine, String(ctx.values.from)),
        resolveArgument(engine, String(ctx.values.to)),
        {
          maxHops: intOption(ctx.values, "max-hops", 1, 8),
          limit: intOption(ctx.values, "limit", 1, 50),
          edgeTypes: listOption(ctx.values, "edge-types"),
          excludeEdgeTypes: listOption(ctx.values, "exclude-edge-types"),
        },
      );
      if (result.type === "none") throw new RightsGraphError("no-result", `no path to export: ${result.reason}`);
      graph = engine.pathSubgraph(result);
    } else {
      const filter = {
        nodeTypes: listOption(ctx.values, "node-types"),
        edgeTypes: listOption(ctx.values, "edge-types"),
        dateFrom: ctx.values["date-from"] as string | undefined,
        dateTo: ctx.values["date-to"] as string | undefined,
      };
      if (Object.values(filter).some((v) => v !== undefined)) graph = engine.subgraph(filter);
    }
    const display = ctx.values["without-layout"] ? undefined : computeLayout(graph);
    const options = display ? { display } : {};
    if (typeof ctx.values.out === "string") {
      const file = createWriteStream(ctx.values.out);
      await once(file, "open").catch((error: Error) => {
        throw new RightsGraphError("cannot-write", `cannot write ${String(ctx.values.out)}: ${error.message}`);
      });
      await writeExport(format, graph, dataset.schema, file, options); // ends the file stream when done
      ctx.err(`wrote ${ctx.values.out}: ${graph.order} nodes, ${graph.size} edges (${format})`);
    } else {
      await writeExport(format, graph, dataset.schema, ctx.io.stdout, options);
    }
    return 0;
  },
};
