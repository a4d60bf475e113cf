// Follows a server in edit mode: `/api/events` says when the served graph changed (a write, an undo, a hand edit of
// the files) or when the files on disk have problems. On a new version the graph is fetched again and the canvas's
// graph refilled in place, so the selection, filters, path and camera stay. A read-only server has no event stream
// (its /api/health carries no version), so none is opened.
import { api, errorMessage } from "../api/index.js";
import type { GraphChangeEvent } from "../api/index.js";
import { buildGraph } from "../graph/index.js";
import { curveParallelEdges } from "../renderer/index.js";
import type { Selection } from "../state/index.js";
import type { AppContext } from "./context.js";

function parse(event: Event): GraphChangeEvent | null {
  try {
    return JSON.parse((event as MessageEvent<string>).data) as GraphChangeEvent;
  } catch {
    return null;
  }
}

/** Refetches the graph and puts it in place of the one drawn; the data cache forgets what it fetched. */
async function refresh(ctx: AppContext, version: number): Promise<void> {
  const [data, schema] = await Promise.all([api.graph(), api.schema()]);
  const fresh = buildGraph(data, schema);
  curveParallelEdges(fresh);
  // A selection the change removed is dropped before the graph is swapped: the swap redraws the panels, and the
  // details panel would ask the server for the sources of a node that is gone (a 404 in the console).
  const gone = (selection: Selection): boolean =>
    selection !== null && !(selection.kind === "node" ? fresh.hasNode(selection.id) : fresh.hasEdge(selection.id));
  if (gone(ctx.store.get().selection)) ctx.store.dispatch((state) => ({ ...state, selection: null }));
  ctx.graph.clear();
  ctx.graph.import(fresh.export());
  ctx.data.forget();
  ctx.store.dispatch((state) => ({
    ...state,
    // A new filters object makes everything derived from the graph (visibility, view, counts) be derived again.
    filters: { ...state.filters },
    selection:
      state.selection &&
      (state.selection.kind === "node" ? ctx.graph.hasNode(state.selection.id) : ctx.graph.hasEdge(state.selection.id))
        ? state.selection
        : null,
  }));
  ctx.announce(`The graph changed (version ${version}): ${ctx.graph.order} nodes and ${ctx.graph.size} edges.`);
}

/** Subscribes the explorer to the server's changes, if the server is in edit mode (its health has a version). */
export function followLiveUpdates(ctx: AppContext): void {
  if (typeof EventSource === "undefined") return;
  api
    .health()
    .then((health) => {
      if (health.version !== undefined) subscribe(ctx, health.version);
    })
    .catch(() => {});
}

/** Listens from `shown` on: the version of the graph drawn (or about, if it changed while the page loaded). */
function subscribe(ctx: AppContext, shown: number): void {
  const events = new EventSource("/api/events");
  let version = shown;
  let pending = Promise.resolve();
  events.addEventListener("graph", (event) => {
    const change = parse(event);
    if (!change || change.version === version) return;
    version = change.version;
    pending = pending.then(() =>
      refresh(ctx, change.version).catch((error) => ctx.announce(`Could not redraw the graph: ${errorMessage(error)}`)),
    );
  });
  events.addEventListener("problems", (event) => {
    const change = parse(event);
    if (!change) return;
    const first = change.problems[0];
    ctx.announce(
      first
        ? `The data files have ${change.problems.length} problem(s) (${first.file}:${first.line}: ${first.message}); the last good graph is shown.`
        : "The data files pass their checks again.",
    );
  });
  events.addEventListener("error", () => {
    if (events.readyState === EventSource.CLOSED) events.close();
  });
  window.addEventListener("pagehide", () => events.close());
}
