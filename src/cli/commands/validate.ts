// `rightsgraph validate`: loads the data folder and reports every problem, or the size of the valid graph.
import { LOAD_OPTIONS, type Command } from "../cli-context";

export const validateCommand: Command = {
  name: "validate",
  usage: "rightsgraph validate [--data DIR] [--suggestions]",
  options: LOAD_OPTIONS,
  positionals: [0, 0],
  async run(ctx) {
    const dataset = await ctx.load();
    const { graph, sources } = dataset;
    ctx.out(`ok: ${ctx.dataDir()} is valid: ${graph.order} nodes, ${graph.size} edges, ${sources.size} source(s)`);
    return 0;
  },
};
