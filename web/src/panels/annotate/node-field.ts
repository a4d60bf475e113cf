// One end of a claim in the annotation form: a node found with the search box's suggestions, or a new node of a
// chosen type and name (its id made from the type's prefix and the name).
import type { AppContext } from "../../app/context.js";
import { h, uid } from "../../dom/index.js";
import { createSuggestBox, nodeSuggestions, type SuggestBox } from "../shared/suggest-box.js";

/** What the field holds: an existing node's id, a new node to write first, or nothing usable yet. */
export type NodeChoice =
  | { kind: "existing"; id: string }
  | { kind: "new"; type: string; label: string; description: string; id: string }
  | { kind: "none"; why: string };

export interface NodeField {
  element: HTMLElement;
  value(): NodeChoice;
  /** Show an existing node as chosen (an edited record's end, or a node just written). */
  set(id: string | null): void;
  /** Called when the choice changes (the sentence preview follows it). */
  onChange(listener: () => void): void;
}

/** Lower-case ASCII words joined by hyphens: the part of a new node's id after its type's prefix. */
export function slugOf(label: string): string {
  return label
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
}

export function nodeField(ctx: AppContext, name: string): NodeField {
  const listeners: (() => void)[] = [];
  const changed = (): void => listeners.forEach((l) => l());
  let chosen: string | null = null;
  const inputId = uid("node");
  const input = h("input", {
    id: inputId,
    attrs: { type: "text", role: "combobox", "aria-expanded": "false", placeholder: "Search a node by name" },
  });
  const picked = h("p", { class: "muted node-picked", attrs: { "aria-live": "polite" } });
  const box = h("div", { class: "suggest" }, input);
  const suggest: SuggestBox = createSuggestBox({
    input,
    container: box,
    ...nodeSuggestions(ctx),
    onChoose: (result) => {
      chosen = result.id;
      picked.textContent = `${result.label} (${result.id})`;
      changed();
    },
    onEdit: () => {
      chosen = null;
      picked.textContent = "";
      changed();
    },
  });
  const isNew = h("input", { attrs: { type: "checkbox" } });
  const newType = h(
    "select",
    { attrs: { "aria-label": `New ${name} node type` } },
    ...ctx.schema.nodeTypes.map((t) => h("option", { text: t.label, attrs: { value: t.name } })),
  );
  const newLabel = h("input", { attrs: { type: "text", "aria-label": `New ${name} node name`, placeholder: "Name" } });
  const newDescription = h("input", {
    attrs: {
      type: "text",
      "aria-label": `New ${name} node description`,
      placeholder: "Description: what it is, in a sentence",
    },
  });
  const newFields = h("div", { class: "new-node" }, newType, newLabel, newDescription);
  newFields.hidden = true;
  isNew.addEventListener("change", () => {
    newFields.hidden = !isNew.checked;
    input.disabled = isNew.checked;
    changed();
  });
  newLabel.addEventListener("input", changed);
  newType.addEventListener("change", changed);

  const element = h(
    "div",
    { class: "field node-field" },
    h("label", { attrs: { for: inputId }, text: `${name[0]!.toUpperCase()}${name.slice(1)} node` }),
    box,
    picked,
    h("label", { class: "check" }, isNew, ` New ${name} node`),
    newFields,
  );

  return {
    element,
    value() {
      if (isNew.checked) {
        const label = newLabel.value.trim();
        const type = ctx.nodeTypes.get(newType.value);
        if (!label || !type) return { kind: "none", why: `Give the new ${name} node a name.` };
        const description = newDescription.value.trim();
        return { kind: "new", type: type.name, label, description, id: `${type.idPrefix}:${slugOf(label)}` };
      }
      if (chosen) return { kind: "existing", id: chosen };
      return { kind: "none", why: `Choose the ${name} node from the suggestions, or tick “New ${name} node”.` };
    },
    set(id) {
      isNew.checked = false;
      newFields.hidden = true;
      input.disabled = false;
      chosen = id;
      const label = id && ctx.graph.hasNode(id) ? ctx.graph.getNodeAttribute(id, "fullLabel") : (id ?? "");
      suggest.setValue(id ? label : "");
      picked.textContent = id ? `${label} (${id})` : "";
      changed();
    },
    onChange(listener) {
      listeners.push(listener);
    },
  };
}
