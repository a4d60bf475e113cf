// The query panel: a read-only Cypher query with a few of the brief's questions to start from, run by the server;
// its rows as a table whose nodes and relations select themselves on the canvas, the matched subgraph highlighted,
// and an error shown where in the query it stands.
import { clearQuery, runCypherQuery, selectEdge, selectNode } from "../../actions/index.js";
import type { AppContext } from "../../app/context.js";
import { h, replaceChildren } from "../../dom/index.js";
import type { AppState, QueryResult } from "../../state/index.js";

/** Questions of the brief, as a user would start from them. */
export const EXAMPLE_QUERIES: readonly { label: string; query: string }[] = [
  {
    label: "Who declined what",
    query: "MATCH (who)-[r:declined]->(what)\nRETURN who, r.what AS declined, what\nORDER BY who.label",
  },
  {
    label: "Recommendations by addressee",
    query:
      "MATCH (r:recommendation)-[:`addressed-to`]->(a)\nRETURN a AS addressee, count(r) AS recommendations\nORDER BY recommendations DESC, addressee.label",
  },
  {
    label: "What cites S/PV.8682",
    query:
      "MATCH (d:document)-[c:cites]->(v:document {symbol: 'S/PV.8682'})\nRETURN d AS document, c AS citation, c.locator AS page",
  },
];

interface NodeCell {
  id: string;
  label: string;
}
interface EdgeCell extends NodeCell {
  source: string;
  target: string;
  evidence: unknown;
}
interface PathCell {
  nodes: NodeCell[];
  edges: EdgeCell[];
  length: number;
}

const amount = (n: number, one: string): string => `${n.toLocaleString("en")} ${n === 1 ? one : `${one}s`}`;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;
const isEdge = (value: unknown): value is EdgeCell => isObject(value) && "evidence" in value && "source" in value;
const isPath = (value: unknown): value is PathCell =>
  isObject(value) && Array.isArray(value.nodes) && Array.isArray(value.edges) && "length" in value;
const isNode = (value: unknown): value is NodeCell =>
  isObject(value) && typeof value.id === "string" && typeof value.label === "string" && !isEdge(value);

export function mountQueryPanel(root: HTMLElement, ctx: AppContext): void {
  const { store } = ctx;
  const labelOf = (id: string): string => (ctx.graph.hasNode(id) ? ctx.graph.getNodeAttribute(id, "label") : id);

  const text = h("textarea", {
    id: "query-text",
    class: "query-text",
    attrs: { rows: 5, spellcheck: "false", autocomplete: "off", "aria-describedby": "query-hint" },
  });
  text.value = EXAMPLE_QUERIES[0]!.query;
  const examples = h(
    "select",
    { id: "query-example" },
    h("option", { text: "Start from an example…", attrs: { value: "" } }),
    ...EXAMPLE_QUERIES.map((e, i) => h("option", { text: e.label, attrs: { value: i } })),
  );
  examples.addEventListener("change", () => {
    const example = EXAMPLE_QUERIES[Number(examples.value)];
    if (examples.value !== "" && example) {
      text.value = example.query;
      run();
    }
  });
  const runButton = h("button", { class: "primary", text: "Run", attrs: { type: "button" } });
  const clearButton = h("button", { class: "small-button", text: "Clear", attrs: { type: "button" } });
  const output = h("div", { class: "query-output", attrs: { "aria-live": "polite" } });

  const run = (): void => {
    if (text.value.trim() === "") return;
    void runCypherQuery(store, text.value);
  };
  runButton.addEventListener("click", run);
  clearButton.addEventListener("click", () => store.dispatch(clearQuery()));
  text.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      run();
    }
  });

  function entityButton(label: string, title: string, onClick: () => void): HTMLButtonElement {
    return h("button", { class: "cell-link", text: label, attrs: { type: "button", title }, on: { click: onClick } });
  }

  function cell(value: unknown): Node {
    if (value === null || value === undefined) return h("span", { class: "muted", text: "null" });
    if (isEdge(value)) {
      const sentence = `${labelOf(value.source)} ${value.label} ${labelOf(value.target)}`;
      return entityButton(sentence, "Select this relation and read its source", () =>
        store.dispatch(selectEdge(value.id)),
      );
    }
    if (isPath(value)) {
      const parts: Node[] = [];
      value.nodes.forEach((node, i) => {
        if (i > 0) parts.push(document.createTextNode(" → "));
        parts.push(cell(node));
      });
      return h("span", { class: "cell-path" }, ...parts);
    }
    if (isNode(value)) {
      return entityButton(value.label, "Select this node on the canvas", () => {
        store.dispatch(selectNode(value.id));
        ctx.canvas.focusNode(value.id);
      });
    }
    if (Array.isArray(value)) {
      if (value.some((item) => isObject(item))) {
        const list = h("span", { class: "cell-list" });
        value.forEach((item, i) => {
          if (i > 0) list.append(", ");
          list.append(cell(item));
        });
        return list;
      }
      return document.createTextNode(JSON.stringify(value));
    }
    return document.createTextNode(typeof value === "string" ? value : JSON.stringify(value));
  }

  function errorView(result: Extract<QueryResult, { status: "error" }>, query: string): HTMLElement {
    const view = h("div", { class: "query-error", attrs: { role: "alert" } }, h("p", { text: result.message }));
    if (result.line !== undefined && result.column !== undefined) {
      const line = query.split(/\r\n|\r|\n/)[result.line - 1] ?? "";
      view.append(
        h("p", { class: "hint", text: `Line ${result.line}, column ${result.column}:` }),
        h("pre", { class: "query-caret", text: `${line}\n${" ".repeat(Math.max(0, result.column - 1))}^` }),
      );
    }
    return view;
  }

  function render(state: AppState): void {
    const result = state.queryResult;
    runButton.disabled = result.status === "loading";
    if (result.status === "idle") {
      replaceChildren(output);
      return;
    }
    if (result.status === "loading") {
      replaceChildren(output, h("p", { class: "loading", text: "Running the query…" }));
      return;
    }
    if (result.status === "error") {
      replaceChildren(output, errorView(result, state.queryText ?? ""));
      return;
    }
    const { columns, rows, truncated, truncatedBy, nodes, edges, highlightTruncated } = result.response;
    const count = `${rows.length} ${rows.length === 1 ? "row" : "rows"}`;
    const note = truncated ? `${count}, cut short (${truncatedBy.join(", ")})` : count;
    const table = h(
      "table",
      { class: "query-table" },
      h("thead", {}, h("tr", {}, ...columns.map((c) => h("th", { text: c, attrs: { scope: "col" } })))),
      h("tbody", {}, ...rows.map((row) => h("tr", {}, ...row.map((value) => h("td", {}, cell(value)))))),
    );
    replaceChildren(
      output,
      h("p", { class: "hint query-count", text: rows.length === 0 ? "No match: 0 rows." : note }),
      rows.length > 0 ? h("div", { class: "query-table-wrap" }, table) : null,
      // The canvas highlights only the ids the server sent; say so, or a user would read it as everything matched.
      highlightTruncated
        ? h("p", {
            class: "hint query-highlight-cap",
            text:
              "Highlighted the matches of the first rows only: " +
              `${amount(nodes.length, "node")} and ${amount(edges.length, "relationship")} of more.`,
          })
        : null,
    );
  }

  root.append(
    h(
      "section",
      { class: "panel query-panel", attrs: { "aria-labelledby": "query-label" } },
      h("h2", { class: "panel-title", id: "query-label", text: "Query (Cypher)" }),
      h("div", { class: "field" }, h("label", { attrs: { for: "query-example" }, text: "Examples" }), examples),
      h("div", { class: "field" }, h("label", { attrs: { for: "query-text" }, text: "Cypher query" }), text),
      h("p", { class: "hint", id: "query-hint", text: "Read-only openCypher; Ctrl+Enter runs it." }),
      h("div", { class: "button-row" }, runButton, clearButton),
      output,
    ),
  );
  render(store.get());
  store.subscribe((state, previous) => {
    if (state.queryResult !== previous.queryResult || state.queryText !== previous.queryText) render(state);
  });
}
