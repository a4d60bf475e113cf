// `rightsgraph load-age`: the graph loaded straight into a running PostgreSQL with Apache AGE, in batches, with
// progress on stderr; all or nothing.
import { AGE_BATCH, checkAgeGraphName, DEFAULT_AGE_GRAPH, loadAge } from "../../export";
import { DATA_OPTION, intOption, UsageError, type Command } from "../cli-context";

export const loadAgeCommand: Command = {
  name: "load-age",
  usage: `rightsgraph load-age --database postgres://USER@HOST:PORT/DB [--graph NAME] [--batch ${AGE_BATCH.min}-${AGE_BATCH.max}] [--data DIR]`,
  options: { ...DATA_OPTION, database: { type: "string" }, graph: { type: "string" }, batch: { type: "string" } },
  positionals: [0, 0],
  async run(ctx) {
    const database = ctx.values.database;
    if (typeof database !== "string" || !/^postgres(?:ql)?:\/\//.test(database))
      throw new UsageError("--database takes a PostgreSQL URL: postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE");
    const batch = intOption(ctx.values, "batch") ?? AGE_BATCH.default;
    if (batch < AGE_BATCH.min || batch > AGE_BATCH.max)
      throw new UsageError(`--batch must be from ${AGE_BATCH.min} to ${AGE_BATCH.max}, got ${batch}`);
    const graphName = checkAgeGraphName(String(ctx.values.graph ?? DEFAULT_AGE_GRAPH));
    const { graph } = await ctx.load();
    // A line each time a tenth more is loaded, and at the end: enough to see it move without flooding a log.
    let last = { what: "", tenth: -1 };
    const summary = await loadAge(graph, {
      database,
      graphName,
      batch,
      progress: (what, done, total) => {
        const tenth = Math.floor((done * 10) / total);
        if (what === last.what && tenth === last.tenth && done !== total) return;
        last = { what, tenth };
        ctx.err(`load-age: ${what} ${done}/${total}`);
      },
    });
    ctx.err(`load-age: graph ${graphName} holds ${summary.vertices} vertices and ${summary.edges} edges`);
    return 0;
  },
};
