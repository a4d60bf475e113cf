// `rightsgraph serve`: the HTTP API and web app on a loaded graph, until SIGINT or SIGTERM.
import { once } from "node:events";
import { DEFAULT_SERVER_OPTIONS, startServer } from "../../server";
import { DATA_OPTION, UsageError, type Command, type CommandContext } from "../cli-context";

function portFrom(raw: string | undefined, name: string): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d{1,5}$/.test(raw) || Number(raw) > 65535)
    throw new UsageError(`${name} must be a port number from 0 to 65535, got "${raw}"`);
  return Number(raw);
}

/** Port and host from the options, else PORT and HOST, else the defaults (127.0.0.1:3000): read and checked once. */
function listenAddress(ctx: CommandContext): { port: number; host: string } {
  const port =
    portFrom(ctx.values.port as string | undefined, "--port") ??
    portFrom(ctx.io.env.PORT || undefined, "PORT") ??
    DEFAULT_SERVER_OPTIONS.port;
  const host = (ctx.values.host as string | undefined) ?? (ctx.io.env.HOST || DEFAULT_SERVER_OPTIONS.host);
  return { port, host };
}

export const serveCommand: Command = {
  name: "serve",
  summary: "serve the API and the web explorer (127.0.0.1:3000 by default)",
  usage: "rightsgraph serve [--port N] [--host H] [--data DIR]   (PORT, HOST and RIGHTSGRAPH_CORS_ORIGIN are read too)",
  options: { ...DATA_OPTION, port: { type: "string" }, host: { type: "string" } },
  positionals: [0, 0],
  async run(ctx) {
    const { port, host } = listenAddress(ctx);
    const dataset = await ctx.load();
    const running = await startServer(dataset, {
      ...DEFAULT_SERVER_OPTIONS,
      port,
      host,
      ...(ctx.io.env.RIGHTSGRAPH_CORS_ORIGIN ? { corsOrigin: ctx.io.env.RIGHTSGRAPH_CORS_ORIGIN } : {}),
      log: (line) => ctx.err(line),
    });
    ctx.err(`RightsGraph: ${dataset.graph.order} nodes, ${dataset.graph.size} edges, serving at ${running.url}`);
    const signal = await Promise.race([once(process, "SIGINT"), once(process, "SIGTERM")]);
    ctx.err(`RightsGraph: ${String(signal[0] ?? "signal")} received, finishing requests in flight...`);
    await running.close();
    ctx.err("RightsGraph: stopped");
    return 0;
  },
};
