// Which tab of the results area comes forward when an answer arrives: a path answer brings the paths, a new selection
// its details (unless the table or the query's rows are in front: a row chosen there must not take them away).
import type { AppState } from "../state/index.js";
import type { AppContext } from "./context.js";

/** Tabs of rows that select on the canvas: choosing a row keeps them in front. */
const ROW_TABS = new Set(["table", "query"]);

export function followResults(ctx: AppContext): void {
  ctx.store.subscribe((state: AppState, previous: AppState) => {
    if (state.pathResult !== previous.pathResult && state.pathResult.status !== "idle") {
      ctx.results.show("paths");
      // The answer, not the form above it, is what the user waits for: on a short window it would sit below the fold.
      const answer = document.querySelector("#tabpanel-paths .path-results");
      if (answer && state.pathResult.status !== "loading") ctx.results.reveal(answer);
    } else if (state.selection !== previous.selection && state.selection !== null) {
      if (!ROW_TABS.has(ctx.results.current())) ctx.results.show("details");
    }
  });
}
