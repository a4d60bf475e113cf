// The "show suggestions" switch reaches every answer, not only the canvas: each request that reads the graph says
// `include` as the switch stands (web/src/api), and when it changes, the answers on screen are asked again (the path
// answer, the Cypher rows; the details through the data cache, the open search suggestions through their box), so a
// path never runs through a suggested claim the canvas hides, as if it were evidence.
import { runCypherQueryAgain, runPathQueryAgain } from "../actions/index.js";
import { followSuggestionsSwitch } from "../api/index.js";
import type { Store } from "../state/index.js";

export function followSuggestions(store: Store): void {
  followSuggestionsSwitch(() => store.get().filters.showSuggestions);
  store.subscribe((state, previous) => {
    if (state.filters.showSuggestions === previous.filters.showSuggestions) return;
    if (state.pathResult.status !== "idle") void runPathQueryAgain(store);
    if (state.queryResult.status !== "idle") void runCypherQueryAgain(store);
  });
}
