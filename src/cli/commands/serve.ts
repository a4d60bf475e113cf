// `rightsgraph serve`: the HTTP API and web app on a loaded graph, until SIGINT or SIGTERM.
import { once } from "node:events";
import { checkAllowedHosts, DEFAULT_SERVER_OPTIONS, isEveryInterface, startServer } from "../../server";
import { LOAD_OPTIONS, listOption, UsageError, type Command, type CommandContext } from "../cli-context";

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

/**
 * Host names to answer besides the listen address and localhost: --allowed-hosts, else RIGHTSGRAPH_ALLOWED_HOSTS
 * (comma-separated), read and checked once.
 */
function allowedHosts(ctx: CommandContext): string[] {
  const raw = listOption(ctx.values, "allowed-hosts") ?? listOption(ctx.io.env, "RIGHTSGRAPH_ALLOWED_HOSTS") ?? [];
  try {
    checkAllowedHosts(raw);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  return raw;
}

export const serveCommand: Command = {
  name: "serve",
  summary: "serve the API and the web explorer (127.0.0.1:3000 by default)",
  usage:
    "rightsgraph serve [--port N] [--host H] [--allowed-hosts a,b] [--data DIR] [--suggestions]   (PORT, HOST, RIGHTSGRAPH_ALLOWED_HOSTS and RIGHTSGRAPH_CORS_ORIGIN are read too)",
  options: { ...LOAD_OPTIONS, port: { type: "string" }, host: { type: "string" }, "allowed-hosts": { type: "string" } },
  positionals: [0, 0],
  async run(ctx) {
    const { port, host } = listenAddress(ctx);
    const hosts = allowedHosts(ctx);
    const dataset = await ctx.load();
    const running = await startServer(dataset, {
      ...DEFAULT_SERVER_OPTIONS,
      port,
      host,
      allowedHosts: hosts,
      ...(ctx.io.env.RIGHTSGRAPH_CORS_ORIGIN ? { corsOrigin: ctx.io.env.RIGHTSGRAPH_CORS_ORIGIN } : {}),
      log: (line) => ctx.err(line),
    });
    ctx.err(`RightsGraph: ${dataset.graph.order} nodes, ${dataset.graph.size} edges, serving at ${running.url}`);
    if (isEveryInterface(host))
      ctx.err(
        `RightsGraph: listening on every interface; answering the Host names ${[...running.allowedHosts].join(", ")} ` +
          "(name others with --allowed-hosts)",
      );
    const signal = await Promise.race([once(process, "SIGINT"), once(process, "SIGTERM")]);
    ctx.err(`RightsGraph: ${String(signal[0] ?? "signal")} received, finishing requests in flight...`);
    await running.close();
    ctx.err("RightsGraph: stopped");
    return 0;
  },
};
