// A text field with suggestions as you type (ARIA listbox of options), used by the search box and the path finder.
import { api, errorMessage } from "../../api/index.js";
import type { SearchResult } from "../../api/index.js";
import type { AppContext } from "../../app/context.js";
import { h, replaceChildren, uid } from "../../dom/index.js";

export interface SuggestBoxOptions {
  input: HTMLInputElement;
  /** Where the listbox and status line are placed (after the input). */
  container: HTMLElement;
  fetch: (query: string, signal: AbortSignal) => Promise<SearchResult[]>;
  describeType: (type: string) => string;
  colorOf: (type: string) => string;
  onChoose: (result: SearchResult) => void;
  /** Called when Esc is pressed on a closed, empty box. */
  onEscape?: () => void;
  /** Called whenever the text changes by typing (the chosen value is no longer valid). */
  onEdit?: () => void;
  /** Calls `refresh` whenever the suggestions shown may be stale (the server answers otherwise now). */
  watch?: (refresh: () => void) => void;
  listLabel: string;
}

export interface SuggestBox {
  close(): void;
  setValue(text: string): void;
  /** Asks again for the suggestions open, if any. */
  refresh(): void;
}

const DEBOUNCE_MS = 120;

/**
 * The settings every node-search box shares: the API's search, asked again when the suggestions switch changes what
 * it finds, and each type's label and colour.
 */
export function nodeSuggestions(
  ctx: AppContext,
): Pick<SuggestBoxOptions, "listLabel" | "fetch" | "watch" | "describeType" | "colorOf"> {
  return {
    listLabel: "Suggestions",
    fetch: (q, signal) => api.search({ q, limit: 8 }, signal),
    watch: (refresh) =>
      ctx.store.subscribe((state, previous) => {
        if (state.filters.showSuggestions !== previous.filters.showSuggestions) refresh();
      }),
    describeType: (type) => ctx.nodeTypes.get(type)?.label ?? type,
    colorOf: (type) => ctx.nodeTypes.get(type)?.color ?? "#888",
  };
}

export function createSuggestBox(options: SuggestBoxOptions): SuggestBox {
  const { input, container } = options;
  const listId = uid("suggestions");
  const list = h("ul", {
    class: "suggestions",
    id: listId,
    attrs: { role: "listbox", "aria-label": options.listLabel },
  });
  const note = h("p", { class: "suggest-note", attrs: { "aria-live": "polite" } });
  list.hidden = true;
  note.hidden = true;
  container.append(list, note);
  input.setAttribute("aria-controls", listId);
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("autocomplete", "off");
  input.setAttribute("spellcheck", "false");

  let results: SearchResult[] = [];
  let active = -1;
  let timer: number | undefined;
  let controller: AbortController | null = null;

  function setNote(text: string | null): void {
    note.hidden = text === null;
    note.textContent = text ?? "";
  }

  // Closed means closed: a look-up still on its way (the box left just after typing) must not open the list again.
  function close(): void {
    window.clearTimeout(timer);
    controller?.abort();
    list.hidden = true;
    results = [];
    active = -1;
    input.removeAttribute("aria-activedescendant");
    if (input.getAttribute("role") === "combobox") input.setAttribute("aria-expanded", "false");
    setNote(null);
  }

  function setActive(index: number): void {
    active = index;
    list.querySelectorAll<HTMLElement>("[role=option]").forEach((option, i) => {
      option.setAttribute("aria-selected", String(i === index));
      if (i === index) {
        input.setAttribute("aria-activedescendant", option.id);
        option.scrollIntoView({ block: "nearest" });
      }
    });
    if (index < 0) input.removeAttribute("aria-activedescendant");
  }

  function choose(result: SearchResult): void {
    input.value = result.label;
    close();
    options.onChoose(result);
  }

  function render(): void {
    replaceChildren(
      list,
      ...results.map((result, i) => {
        const option = h(
          "li",
          { id: `${listId}-${i}`, class: "suggestion", attrs: { role: "option", "aria-selected": "false" } },
          h("span", { class: "swatch", attrs: { "aria-hidden": "true" } }),
          h("span", { class: "suggestion-label", text: result.label }),
          h("span", { class: "suggestion-type", text: options.describeType(result.type) }),
        );
        (option.firstChild as HTMLElement).style.backgroundColor = options.colorOf(result.type);
        option.addEventListener("mousedown", (event) => event.preventDefault());
        option.addEventListener("click", () => choose(result));
        return option;
      }),
    );
    list.hidden = results.length === 0;
    if (input.getAttribute("role") === "combobox") input.setAttribute("aria-expanded", String(!list.hidden));
    setActive(-1);
  }

  async function lookUp(query: string): Promise<void> {
    controller?.abort();
    controller = new AbortController();
    const { signal } = controller;
    setNote("Searching…");
    try {
      const found = await options.fetch(query, signal);
      if (signal.aborted) return;
      results = found;
      render();
      setNote(found.length === 0 ? `No matches for “${query}”.` : null);
    } catch (error) {
      if (signal.aborted) return;
      results = [];
      render();
      setNote(`Search failed: ${errorMessage(error)}`);
    }
  }

  input.addEventListener("input", () => {
    options.onEdit?.();
    window.clearTimeout(timer);
    const query = input.value.trim();
    if (!query) {
      close();
      return;
    }
    timer = window.setTimeout(() => void lookUp(query), DEBOUNCE_MS);
  });

  input.addEventListener("keydown", (event) => {
    const open = !list.hidden && results.length > 0;
    if (event.key === "ArrowDown" && open) {
      event.preventDefault();
      setActive((active + 1) % results.length);
    } else if (event.key === "ArrowUp" && open) {
      event.preventDefault();
      setActive(active <= 0 ? results.length - 1 : active - 1);
    } else if (event.key === "Enter") {
      if (open) {
        event.preventDefault();
        choose(results[active >= 0 ? active : 0]!);
      }
    } else if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      if (open || !note.hidden) close();
      else if (input.value) {
        input.value = "";
        // The look-up a keystroke just asked for would fill an empty box.
        close();
        options.onEdit?.();
      } else options.onEscape?.();
    }
  });

  // Later than the click on an option it may be going to, and not if the box has the focus again by then.
  input.addEventListener("blur", () =>
    window.setTimeout(() => {
      if (document.activeElement !== input) close();
    }, 150),
  );

  // Only while the box is in use: once it loses the focus its suggestions close, and the next keystroke asks anew.
  function refresh(): void {
    const query = input.value.trim();
    if (query && document.activeElement === input && (!list.hidden || !note.hidden)) void lookUp(query);
  }
  options.watch?.(refresh);

  return {
    close,
    setValue(text) {
      input.value = text;
      close();
    },
    refresh,
  };
}
