// The search box: suggestions from GET /api/search as you type; choosing one centres the node and opens its details.
import { selectNode, escape } from "../../actions/index.js";
import type { SearchResult } from "../../api/index.js";
import type { AppContext } from "../../app/context.js";
import { h } from "../../dom/index.js";
import { createSuggestBox, nodeSuggestions } from "../shared/suggest-box.js";

export function mountSearch(root: HTMLElement, ctx: AppContext): HTMLInputElement {
  const input = h("input", {
    id: "search-input",
    class: "search-input",
    attrs: { type: "search", "aria-label": "Search", placeholder: "Search names, aliases… ( / )" },
  });
  const box = h("div", { class: "suggest" }, input);
  root.append(box);
  createSuggestBox({
    input,
    container: box,
    ...nodeSuggestions(ctx),
    onChoose: (result) => {
      // A large corpus draws a scene: the node chosen joins it first.
      if (!ctx.graph.hasNode(result.id) && ctx.bringIn) {
        void ctx.bringIn([result.id]).then(
          () => ctx.graph.hasNode(result.id) && choose(result),
          () => ctx.announce(`Could not bring “${result.label}” into the scene.`),
        );
        return;
      }
      choose(result);
    },
    onEscape: () => ctx.store.dispatch(escape()),
  });
  return input;

  function choose(result: SearchResult): void {
    if (!ctx.graph.hasNode(result.id)) {
      ctx.announce(`“${result.label}” is not in the graph on screen.`);
      return;
    }
    ctx.store.dispatch(selectNode(result.id));
    ctx.canvas.focusNode(result.id);
    // The answer is the details: the keyboard goes there, and Tab walks its relations and quotes.
    ctx.results.focusPanel("details");
  }
}
