// The table: the nodes or relations in view as rows (like Gephi's data laboratory), sortable, filtered by type and
// text; a row selects on the canvas and a selection on the canvas marks its row; the rows shown download as CSV.
// From the keyboard, one row takes Tab and the arrow keys walk the others; Enter opens the row's details.
import { selectEdge, selectNode } from "../../actions/index.js";
import type { AppContext } from "../../app/context.js";
import { h, replaceChildren } from "../../dom/index.js";
import type { AppState } from "../../state/index.js";
import { rowKeyTarget } from "./row-keys.js";
import { COLUMNS, queryRows, rowsToCsv, tableRows } from "./table-rows.js";
import type { Row, TableKind, TableQuery } from "./table-rows.js";

/** Rows drawn at most; the CSV holds them all. Enough to scroll through, few enough to draw at once. */
const MAX_DRAWN_ROWS = 500;

export function mountTable(root: HTMLElement, ctx: AppContext): void {
  const { graph, store } = ctx;
  const query: TableQuery = { kind: "nodes", type: "", text: "", sort: { key: "name", descending: false } };
  const typeLabel = (kind: TableKind, type: string): string =>
    kind === "nodes" ? (ctx.nodeTypes.get(type)?.label ?? type) : (ctx.edgeTypes.get(type)?.label ?? type);

  const kindButtons = (["nodes", "relations"] as const).map((kind) =>
    h("button", {
      class: "small-button",
      text: kind === "nodes" ? "Nodes" : "Relations",
      attrs: { type: "button", "aria-pressed": String(kind === query.kind), "data-kind": kind },
      on: {
        click: () => {
          query.kind = kind;
          query.type = "";
          query.sort = { key: COLUMNS[kind][0]!.key, descending: false };
          render();
        },
      },
    }),
  );
  const typeSelect = h("select", { class: "table-type", attrs: { "aria-label": "Type" } });
  typeSelect.addEventListener("change", () => {
    query.type = typeSelect.value;
    render();
  });
  const textInput = h("input", {
    class: "table-text",
    attrs: { type: "search", "aria-label": "Filter rows", placeholder: "Filter rows…" },
  });
  textInput.addEventListener("input", () => {
    query.text = textInput.value;
    render();
  });
  const count = h("p", { class: "table-count muted", attrs: { "aria-live": "polite" } });
  const download = h("button", {
    class: "small-button",
    text: "Download CSV",
    attrs: { type: "button", title: "The rows shown, as CSV" },
    on: { click: () => saveCsv() },
  });
  const table = h("table", { class: "data-table" });
  const wrap = h("div", { class: "table-wrap" }, table);
  root.append(
    h(
      "section",
      { class: "panel table-panel", attrs: { "aria-label": "Table" } },
      h("div", { class: "table-tools" }, h("div", { class: "table-kinds" }, ...kindButtons), typeSelect, textInput),
      h("div", { class: "table-tools" }, count, download),
      wrap,
    ),
  );

  let shown: Row[] = [];
  let drawn: Row[] = [];
  const rowsById = new Map<string, HTMLTableRowElement>();
  const buttonsById = new Map<string, HTMLButtonElement>();
  /** The row whose button takes Tab: the one last focused or selected, else the first. */
  let tabStop: string | null = null;

  function saveCsv(): void {
    const blob = new Blob([rowsToCsv(query.kind, shown)], { type: "text/csv;charset=utf-8" });
    const url = URL.createObjectURL(blob);
    const link = h("a", { attrs: { href: url, download: `rightsgraph-${query.kind}.csv` } });
    document.body.append(link);
    link.click();
    link.remove();
    window.setTimeout(() => URL.revokeObjectURL(url), 0);
  }

  function choose(row: Row): void {
    if (query.kind === "nodes") {
      store.dispatch(selectNode(row.id));
      ctx.canvas.focusNode(row.id);
    } else store.dispatch(selectEdge(row.id));
  }

  function setTabStop(id: string | null): void {
    tabStop = id !== null && buttonsById.has(id) ? id : (drawn[0]?.id ?? null);
    for (const [rowId, button] of buttonsById) button.tabIndex = rowId === tabStop ? 0 : -1;
  }

  // Delegated to the table, whose body is drawn again at each change.
  table.addEventListener("focusin", (event) => {
    const id = (event.target as HTMLElement).closest<HTMLElement>("tr[data-id]")?.dataset.id;
    if (id !== undefined && buttonsById.has(id)) setTabStop(id);
  });
  table.addEventListener("keydown", (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const id = (event.target as HTMLElement).closest<HTMLElement>(".row-button")?.closest("tr")?.dataset.id;
    const at = id === undefined ? -1 : drawn.findIndex((row) => row.id === id);
    if (at < 0) return;
    if (event.key === "Enter") {
      // Enter answers with the details, as choosing a search result does; a click or Space keeps the table.
      event.preventDefault();
      choose(drawn[at]!);
      ctx.results.focusPanel("details");
      return;
    }
    const next = rowKeyTarget(event.key, at, drawn.length);
    if (next === null) return;
    event.preventDefault();
    const target = drawn[next]!.id;
    setTabStop(target);
    buttonsById.get(target)!.focus();
    rowsById.get(target)!.scrollIntoView({ block: "nearest" });
  });

  function markSelection(state: AppState): void {
    const wanted = state.selection && (state.selection.kind === "node") === (query.kind === "nodes");
    for (const [id, tr] of rowsById) {
      const on = Boolean(wanted && state.selection!.id === id);
      tr.setAttribute("aria-selected", String(on));
      if (on) setTabStop(id);
      if (on && !root.hidden) tr.scrollIntoView({ block: "nearest" });
    }
  }

  function render(): void {
    for (const button of kindButtons) button.setAttribute("aria-pressed", String(button.dataset.kind === query.kind));
    const all = tableRows(graph, ctx.visibility(), query.kind, typeLabel);
    const types = [...new Set(all.map((r) => r.type))].sort((a, b) =>
      typeLabel(query.kind, a).localeCompare(typeLabel(query.kind, b), "en"),
    );
    if (query.type && !types.includes(query.type)) query.type = "";
    replaceChildren(
      typeSelect,
      h("option", { text: "All types", attrs: { value: "" } }),
      ...types.map((t) => h("option", { text: typeLabel(query.kind, t), attrs: { value: t } })),
    );
    typeSelect.value = query.type;
    shown = queryRows(all, query);
    drawn = shown.slice(0, MAX_DRAWN_ROWS);
    count.textContent =
      `${shown.length} of ${all.length} ${query.kind} in view` +
      (drawn.length < shown.length ? `; the first ${drawn.length} are listed, the CSV holds all` : "");

    const columns = COLUMNS[query.kind];
    const head = h(
      "tr",
      {},
      ...columns.map((column) => {
        const sorted = query.sort.key === column.key;
        const th = h(
          "th",
          {
            attrs: {
              scope: "col",
              "aria-sort": sorted ? (query.sort.descending ? "descending" : "ascending") : "none",
            },
          },
          h(
            "button",
            {
              class: "sort-button",
              text: column.label,
              attrs: { type: "button", "data-column": column.key },
              on: {
                click: () => {
                  query.sort = { key: column.key, descending: sorted ? !query.sort.descending : false };
                  render();
                },
              },
            },
            // The arrow is for the eye; aria-sort says it to screen readers and keeps the button's name the label.
            sorted &&
              h("span", {
                class: "sort-arrow",
                text: query.sort.descending ? " ▼" : " ▲",
                attrs: { "aria-hidden": "true" },
              }),
          ),
        );
        return th;
      }),
    );
    rowsById.clear();
    buttonsById.clear();
    const body = h(
      "tbody",
      {},
      ...drawn.map((row) => {
        const cells = columns.map((column, i) => {
          const value = String(row.cells[column.key] ?? "");
          if (i > 0) return h("td", { class: `cell-${column.key}`, text: value });
          // The first cell is the row's button: every node and relation in view is reached from the keyboard.
          const button = h("button", {
            class: "row-button",
            text: value,
            attrs: { type: "button", tabindex: -1 },
            on: { click: () => choose(row) },
          });
          buttonsById.set(row.id, button);
          return h("th", { attrs: { scope: "row" } }, button);
        });
        const tr = h("tr", { attrs: { "data-id": row.id, "aria-selected": "false" } }, ...cells);
        tr.addEventListener("click", (event) => {
          if ((event.target as HTMLElement).closest("button")) return;
          choose(row);
        });
        rowsById.set(row.id, tr);
        return tr;
      }),
    );
    replaceChildren(table, h("thead", {}, head), body);
    setTabStop(tabStop);
    markSelection(store.get());
  }

  render();
  store.subscribe((state, previous) => {
    if (state.filters !== previous.filters) render();
    else if (state.selection !== previous.selection) markSelection(state);
  });
}
