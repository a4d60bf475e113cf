// The search box: suggestions from GET /api/search as you type; choosing one centres the node and opens its details.
import { selectNode, escape } from "../../actions/index.js";
import { api } from "../../api/index.js";
import type { AppContext } from "../../app/context.js";
import { h } from "../../dom/index.js";
import { createSuggestBox } from "../shared/suggest-box.js";

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
    listLabel: "Suggestions",
    fetch: (q, signal) => api.search(q, 8, signal),
    describeType: (type) => ctx.nodeTypes.get(type)?.label ?? type,
    colorOf: (type) => ctx.nodeTypes.get(type)?.color ?? "#888",
    onChoose: (result) => {
      if (!ctx.graph.hasNode(result.id)) {
        ctx.announce(`“${result.label}” is not in the graph on screen.`);
        return;
      }
      ctx.store.dispatch(selectNode(result.id));
      ctx.canvas.focusNode(result.id);
    },
    onEscape: () => ctx.store.dispatch(escape()),
  });
  return input;
}
