// `rightsgraph serve`: the HTTP API and web app on a loaded graph, until SIGINT or SIGTERM.
import { once } from "node:events";
import { isIP } from "node:net";
import { EDIT_RULES } from "../../api/parameters";
import {
  checkAllowedHosts,
  DEFAULT_SERVER_OPTIONS,
  generateEditToken,
  isEveryInterface,
  startServer,
  type EditModeOptions,
} from "../../server";
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

/** Whether only this machine can reach `host`: a loopback address or localhost. */
function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, "").toLowerCase();
  if (bare === "localhost" || bare === "::1") return true;
  return isIP(bare) === 4 && bare.startsWith("127.");
}

/**
 * Edit mode's token: RIGHTSGRAPH_EDIT_TOKEN, else one generated now (printed at start). A server others can reach
 * must be given one on purpose, so a generated token never guards a public address by accident.
 */
function editToken(ctx: CommandContext, host: string): { token: string; generated: boolean } {
  const given = ctx.io.env.RIGHTSGRAPH_EDIT_TOKEN;
  if (given !== undefined && given !== "") {
    if (given.length < EDIT_RULES.minTokenLength || /\s/.test(given))
      throw new UsageError(
        `RIGHTSGRAPH_EDIT_TOKEN must be at least ${EDIT_RULES.minTokenLength} characters with no spaces`,
      );
    return { token: given, generated: false };
  }
  if (!isLoopback(host))
    throw new UsageError(
      `--edit on ${host}, which other machines can reach, needs a token chosen on purpose: set RIGHTSGRAPH_EDIT_TOKEN`,
    );
  return { token: generateEditToken(), generated: true };
}

export const serveCommand: Command = {
  name: "serve",
  usage:
    "rightsgraph serve [--port N] [--host H] [--allowed-hosts a,b] [--data DIR] [--suggestions] [--edit [--no-watch]] [--no-answer-cache]   (PORT, HOST, RIGHTSGRAPH_ALLOWED_HOSTS, RIGHTSGRAPH_CORS_ORIGIN and, with --edit, RIGHTSGRAPH_EDIT_TOKEN are read too)",
  options: {
    ...LOAD_OPTIONS,
    port: { type: "string" },
    host: { type: "string" },
    "allowed-hosts": { type: "string" },
    edit: { type: "boolean" },
    "no-watch": { type: "boolean" },
    "no-answer-cache": { type: "boolean" },
  },
  positionals: [0, 0],
  async run(ctx) {
    const { port, host } = listenAddress(ctx);
    const hosts = allowedHosts(ctx);
    if (ctx.values["no-watch"] && !ctx.values.edit) throw new UsageError("--no-watch goes with --edit");
    const access = ctx.values.edit ? editToken(ctx, host) : undefined;
    if (access && ctx.io.env.RIGHTSGRAPH_CORS_ORIGIN)
      throw new UsageError("--edit and RIGHTSGRAPH_CORS_ORIGIN do not go together: edit mode never opens CORS");
    // Suggested records are always loaded, so a request can ask for them (`include=suggested`); whether a request
    // that does not say gets them is --suggestions, and always so in edit mode, since reviewing them is what it is for.
    const dataset = await ctx.load(access ? { suggestions: true, locateClaims: true } : { suggestions: true });
    const include = access || ctx.values.suggestions ? "suggested" : "none";
    const edit: EditModeOptions | undefined = access
      ? { token: access.token, suggestions: true, watch: !ctx.values["no-watch"] }
      : undefined;
    const running = await startServer(dataset, {
      ...DEFAULT_SERVER_OPTIONS,
      port,
      host,
      allowedHosts: hosts,
      ...(ctx.io.env.RIGHTSGRAPH_CORS_ORIGIN ? { corsOrigin: ctx.io.env.RIGHTSGRAPH_CORS_ORIGIN } : {}),
      ...(edit ? { edit } : {}),
      include,
      // Off only to measure what answers made afresh cost (the reliability report's second load row).
      ...(ctx.values["no-answer-cache"] ? { answerCache: false } : {}),
      log: (line) => ctx.err(line),
    });
    ctx.err(`RightsGraph: ${dataset.graph.order} nodes, ${dataset.graph.size} edges, serving at ${running.url}`);
    const suggested = (dataset.review?.nodes.suggested ?? 0) + (dataset.review?.edges.suggested ?? 0);
    if (suggested > 0)
      ctx.err(
        include === "suggested"
          ? `RightsGraph: ${suggested} suggested records included (counted above); a request with include=none leaves them out`
          : `RightsGraph: ${suggested} suggested records (counted above) are left out unless a request asks for them with include=suggested`,
      );
    if (access && running.store) {
      ctx.err(
        access.generated
          ? `RightsGraph: edit mode; send "Authorization: Bearer ${access.token}" with writes (a new token each start; set RIGHTSGRAPH_EDIT_TOKEN to keep one)`
          : "RightsGraph: edit mode; writes need the token in RIGHTSGRAPH_EDIT_TOKEN",
      );
      // The fragment never reaches the server or its logs; the web app takes the token and removes it at once.
      ctx.err(`RightsGraph: open ${running.url}/#token=${encodeURIComponent(access.token)} to edit in the browser`);
      ctx.err(`RightsGraph: every write is logged to ${running.store.logFile}`);
    }
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
