// Following a permalink the user navigated to (pasted, or back and forward): the state first, then what needs the
// camera or the server.
import { runPathQuery } from "../actions/index.js";
import { pathToAsk, restorePermalink, validPermalink } from "../permalink/index.js";
import type { PermalinkState } from "../permalink/index.js";
import type { AppContext } from "./context.js";

export function followPermalink(ctx: AppContext, decoded: PermalinkState): void {
  const { state: link, problems } = validPermalink(ctx.graph, decoded);
  const ask = pathToAsk(link, ctx.store.get());
  ctx.store.dispatch(restorePermalink(link));
  if (link.camera) ctx.canvas.setView(link.camera);
  if (ask) void runPathQuery(ctx.store, ask, link.activePath);
  for (const problem of problems) ctx.announce(problem);
}
