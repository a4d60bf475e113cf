// A field that holds a list of nodes (the path finder's "Through" and "Avoiding"): a suggest box adds one, each
// chosen node is a removable chip.
import type { AppContext } from "../../app/context.js";
import { h, replaceChildren } from "../../dom/index.js";
import { createSuggestBox, nodeSuggestions } from "../shared/suggest-box.js";

export interface WaypointField {
  wrap: HTMLElement;
  /** The chosen node ids, in the order chosen. */
  ids(): string[];
  set(ids: readonly string[]): void;
}

export function waypointField(
  ctx: AppContext,
  id: string,
  label: string,
  placeholder: string,
  maxItems: number,
): WaypointField {
  // Full names, as the path finder's From and To fields show them.
  const labelOf = (node: string): string =>
    ctx.graph.hasNode(node) ? ctx.graph.getNodeAttribute(node, "fullLabel") : node;
  let chosen: string[] = [];
  const chips = h("ul", { class: "waypoints", attrs: { "aria-label": `${label}: chosen` } });
  const input = h("input", {
    id,
    attrs: { type: "text", role: "combobox", "aria-expanded": "false", placeholder },
  });
  const box = h("div", { class: "suggest" }, input);
  const suggest = createSuggestBox({
    input,
    container: box,
    ...nodeSuggestions(ctx),
    onChoose: (result) => {
      if (!chosen.includes(result.id) && chosen.length < maxItems) set([...chosen, result.id]);
      suggest.setValue("");
      input.focus();
    },
  });

  function set(ids: readonly string[]): void {
    chosen = [...ids];
    replaceChildren(
      chips,
      ...chosen.map((node) =>
        h(
          "li",
          { class: "waypoint" },
          h("span", { class: "waypoint-label", text: labelOf(node) }),
          h("button", {
            class: "waypoint-remove",
            text: "×",
            attrs: { type: "button", "aria-label": `Remove ${labelOf(node)}`, "data-id": node },
            on: { click: () => set(chosen.filter((other) => other !== node)) },
          }),
        ),
      ),
    );
    input.disabled = chosen.length >= maxItems;
  }

  const wrap = h("div", { class: "field" }, h("label", { attrs: { for: id }, text: label }), chips, box);
  return { wrap, ids: () => [...chosen], set };
}
