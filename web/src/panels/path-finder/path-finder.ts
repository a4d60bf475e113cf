// The path finder: two actors, the ranking, nodes to pass through or avoid, hops, direction, relation types and
// documents; the k best paths as cited sentences, each step with its arrow; the chosen one highlighted on the canvas.
import { choosePath, clearPath, pathParams, runPathQuery } from "../../actions/index.js";
import { api, errorMessage, PATH_RULES, pathWalk } from "../../api/index.js";
import type { FoundPathObject } from "../../api/index.js";
import type { AppContext } from "../../app/context.js";
import { h, replaceChildren } from "../../dom/index.js";
import { DEFAULT_PATH_QUERY, MAX_HOPS_RANGE, PATH_LIMIT_RANGE } from "../../state/index.js";
import type { AppState, PathQuery } from "../../state/index.js";
import { citedTextActions } from "../shared/cited-text.js";
import { evidenceView } from "../shared/evidence.js";
import { createSuggestBox, nodeSuggestions } from "../shared/suggest-box.js";
import { waypointField } from "./waypoint-field.js";

interface Endpoint {
  input: HTMLInputElement;
  chosen: string | null;
}

function numberField(id: string, value: number, min: number, max: number): HTMLInputElement {
  return h("input", { id, attrs: { type: "number", min, max, step: 1, value, inputmode: "numeric" } });
}

export function mountPathFinder(root: HTMLElement, ctx: AppContext): void {
  const { store } = ctx;
  const labelOf = (id: string): string => (ctx.graph.hasNode(id) ? ctx.graph.getNodeAttribute(id, "label") : id);

  function endpointField(id: string, label: string, placeholder: string): { wrap: HTMLElement; endpoint: Endpoint } {
    const input = h("input", {
      id,
      attrs: { type: "text", role: "combobox", "aria-expanded": "false", placeholder },
    });
    const endpoint: Endpoint = { input, chosen: null };
    const box = h("div", { class: "suggest" }, input);
    createSuggestBox({
      input,
      container: box,
      ...nodeSuggestions(ctx),
      onChoose: (result) => {
        endpoint.chosen = result.id;
      },
      onEdit: () => {
        endpoint.chosen = null;
      },
    });
    return { wrap: h("div", { class: "field" }, h("label", { attrs: { for: id }, text: label }), box), endpoint };
  }

  const fromField = endpointField("path-from", "From", "e.g. Republic of Korea");
  const toField = endpointField("path-to", "To", "e.g. Quintana");
  const via = waypointField(ctx, "path-via", "Through", "must pass through…", PATH_RULES.via.maxItems);
  const avoid = waypointField(ctx, "path-avoid", "Avoiding", "never through…", PATH_RULES.avoid.maxItems);
  const rankInformative = h("input", {
    id: "path-rank-informative",
    attrs: { type: "radio", name: "path-rank", value: "informative" },
  });
  const rankHops = h("input", { id: "path-rank-hops", attrs: { type: "radio", name: "path-rank", value: "hops" } });
  rankInformative.checked = DEFAULT_PATH_QUERY.rank === "informative";
  rankHops.checked = !rankInformative.checked;
  const hops = numberField("path-hops", DEFAULT_PATH_QUERY.maxHops, MAX_HOPS_RANGE.min, MAX_HOPS_RANGE.max);
  const limit = numberField("path-limit", DEFAULT_PATH_QUERY.limit, PATH_LIMIT_RANGE.min, PATH_LIMIT_RANGE.max);
  const dirAny = h("input", { id: "path-dir-any", attrs: { type: "radio", name: "path-direction", value: "any" } });
  const dirForward = h("input", {
    id: "path-dir-forward",
    attrs: { type: "radio", name: "path-direction", value: "forward" },
  });
  dirAny.checked = DEFAULT_PATH_QUERY.direction === "any";
  dirForward.checked = !dirAny.checked;
  // Relation types as toggle buttons (pressed = used); none pressed means every type.
  const chosenTypes = new Set<string>();
  const typeButtons = ctx.schema.edgeTypes
    .filter((t) => t.count > 0)
    .map((t) => {
      const swatch = h("span", { class: "edge-swatch", attrs: { "aria-hidden": "true" } });
      swatch.style.backgroundColor = t.color;
      const button = h(
        "button",
        { class: "type-toggle", attrs: { type: "button", "aria-pressed": "false", "data-type": t.name } },
        swatch,
        h("span", { class: "type-label", text: t.label }),
      );
      button.addEventListener("click", () => {
        if (chosenTypes.has(t.name)) chosenTypes.delete(t.name);
        else chosenTypes.add(t.name);
        button.setAttribute("aria-pressed", String(chosenTypes.has(t.name)));
      });
      return { name: t.name, button };
    });
  const throughDocs = h("input", { id: "path-docs", attrs: { type: "checkbox" } });
  throughDocs.checked = DEFAULT_PATH_QUERY.throughDocuments;
  const provenance = h("input", { id: "path-provenance", attrs: { type: "checkbox" } });
  provenance.checked = DEFAULT_PATH_QUERY.includeProvenance;
  const message = h("p", { class: "form-message", attrs: { "aria-live": "polite" } });
  const results = h("div", { class: "path-results", attrs: { "aria-live": "polite" } });
  const findButton = h("button", { class: "primary", text: "Find paths", attrs: { type: "submit" } });
  const clearButton = h("button", {
    class: "small-button",
    text: "Clear",
    attrs: { type: "button" },
    on: {
      click: () => {
        store.dispatch(clearPath());
        message.textContent = "";
      },
    },
  });

  async function resolve(endpoint: Endpoint, name: string): Promise<string | null> {
    if (endpoint.chosen) return endpoint.chosen;
    const text = endpoint.input.value.trim();
    if (!text) {
      message.textContent = `Enter a name in “${name}”.`;
      return null;
    }
    // The server resolves a typed name as the CLI does: an exact label or alias wins, an ambiguous one is refused
    // with its candidates (the message lists them).
    try {
      const { node } = await api.node(text);
      endpoint.chosen = node.id;
      endpoint.input.value = node.label;
      return endpoint.chosen;
    } catch (error) {
      message.textContent = `“${name}”: ${errorMessage(error)}`;
      return null;
    }
  }

  const form = h(
    "form",
    { class: "path-form", attrs: { novalidate: true } },
    fromField.wrap,
    toField.wrap,
    h(
      "fieldset",
      { class: "rank" },
      h("legend", { text: "Order" }),
      h("label", { class: "check" }, rankInformative, " most informative first"),
      h("label", { class: "check" }, rankHops, " shortest first"),
    ),
    via.wrap,
    avoid.wrap,
    h(
      "div",
      { class: "field-row" },
      h("div", { class: "field" }, h("label", { attrs: { for: "path-hops" }, text: "Max hops" }), hops),
      h("div", { class: "field" }, h("label", { attrs: { for: "path-limit" }, text: "Paths" }), limit),
    ),
    h(
      "fieldset",
      { class: "direction" },
      h("legend", { text: "Direction" }),
      h("label", { class: "check" }, dirAny, " either way"),
      h("label", { class: "check" }, dirForward, " along the arrows"),
    ),
    h(
      "details",
      { class: "more-options" },
      h("summary", { text: "Relation types" }),
      h("p", { class: "hint", text: "Use only the pressed types (none pressed: all)." }),
      h("ul", { class: "type-list" }, ...typeButtons.map((t) => h("li", {}, t.button))),
    ),
    h("label", { class: "check" }, throughDocs, " Pass through documents"),
    h("label", { class: "check" }, provenance, " Use citation links"),
    h("div", { class: "button-row" }, findButton, clearButton),
    message,
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void (async () => {
      message.textContent = "";
      try {
        const from = await resolve(fromField.endpoint, "From");
        if (!from) return;
        const to = await resolve(toField.endpoint, "To");
        if (!to) return;
        const clamp = (input: HTMLInputElement, lo: number, hi: number, fallback: number): number => {
          const n = Math.round(Number(input.value));
          const v = Number.isFinite(n) && input.value !== "" ? Math.min(hi, Math.max(lo, n)) : fallback;
          input.value = String(v);
          return v;
        };
        const query: PathQuery = {
          from,
          to,
          rank: rankHops.checked ? "hops" : "informative",
          via: via.ids(),
          avoid: avoid.ids(),
          maxHops: clamp(hops, MAX_HOPS_RANGE.min, MAX_HOPS_RANGE.max, DEFAULT_PATH_QUERY.maxHops),
          limit: clamp(limit, PATH_LIMIT_RANGE.min, PATH_LIMIT_RANGE.max, DEFAULT_PATH_QUERY.limit),
          direction: dirForward.checked ? "forward" : "any",
          edgeTypes: [...chosenTypes].sort(),
          throughDocuments: throughDocs.checked,
          includeProvenance: provenance.checked,
        };
        await runPathQuery(store, query);
      } catch (error) {
        message.textContent = `Could not look up the names: ${errorMessage(error)}`;
      }
    })();
  });

  root.append(
    h(
      "section",
      { class: "panel path-finder", attrs: { "aria-labelledby": "paths-label" } },
      h("h2", { class: "panel-title", id: "paths-label", text: "Path finder" }),
      form,
      results,
    ),
  );

  /** One item per step: every claim folded into it, each as its sentence with its quote. */
  /**
   * One item per step: the claims that begin at it, each as its sentence with its quote. One sentence of the source
   * used by two steps ("… continues to call on the United States and China …") is read once, at the first.
   */
  function hopList(path: FoundPathObject): HTMLElement {
    const edges = new Map(path.edges.map((edge) => [edge.id, edge]));
    return h(
      "ol",
      { class: "hops" },
      ...path.steps.flatMap((step, i) => {
        const claims = path.claims.filter((claim) => claim.steps[0] === i);
        if (claims.length === 0) return [];
        return [
          h(
            "li",
            { class: "hop", attrs: { "data-direction": step.direction, value: i + 1 } },
            ...claims.flatMap((claim) => [
              h("p", { class: "hop-sentence", text: claim.sentence }),
              evidenceView(edges.get(claim.edges[0]!)!, ctx, claim.edges.length > 1 ? claim.sentence : undefined),
            ]),
          ),
        ];
      }),
    );
  }

  function renderResults(state: AppState): void {
    const result = state.pathResult;
    switch (result.status) {
      case "idle":
        replaceChildren(results);
        return;
      case "loading":
        replaceChildren(results, h("p", { class: "loading", text: "Looking for paths…" }));
        return;
      case "error":
        replaceChildren(results, h("p", { class: "error", text: `Path search failed: ${result.message}` }));
        return;
      case "none":
        replaceChildren(results, h("p", { class: "no-path", text: `No path: ${result.reason}` }));
        return;
      case "found": {
        const { paths, truncated, rank } = result.response;
        const q = state.pathQuery;
        replaceChildren(
          results,
          h(
            "p",
            { class: "path-summary" },
            `${paths.length} ${paths.length === 1 ? "path" : "paths"}${q ? ` between ${labelOf(q.from)} and ${labelOf(q.to)}` : ""}, ${rank === "hops" ? "shortest" : "most informative"} first${truncated ? " (more exist: raise “Paths”)" : ""}.`,
          ),
          h(
            "ol",
            { class: "path-list" },
            ...paths.map((path, i) => {
              const chosen = state.activePath === i;
              const names = pathWalk(
                path.nodes.map((n) => n.label),
                path.steps.map((step) => step.direction),
              );
              return h(
                "li",
                { class: chosen ? "path chosen" : "path" },
                h("button", {
                  class: "path-choose",
                  text: `Path ${i + 1} (${path.length} ${path.length === 1 ? "hop" : "hops"}): ${names}`,
                  attrs: { type: "button", "aria-pressed": String(chosen) },
                  on: { click: () => store.dispatch(choosePath(chosen ? null : i)) },
                }),
                chosen && q
                  ? citedTextActions({ path: { ...pathParams(q), path: i + 1 } }, `rightsgraph-path-${i + 1}`)
                  : null,
                chosen ? hopList(path) : null,
              );
            }),
          ),
        );
      }
    }
  }

  // The fields show full names, as the search suggestions they are chosen from do.
  const fullLabelOf = (id: string): string =>
    ctx.graph.hasNode(id) ? ctx.graph.getNodeAttribute(id, "fullLabel") : id;

  function syncForm(query: PathQuery | null): void {
    if (!query) return;
    fromField.endpoint.chosen = query.from;
    fromField.endpoint.input.value = fullLabelOf(query.from);
    toField.endpoint.chosen = query.to;
    toField.endpoint.input.value = fullLabelOf(query.to);
    rankInformative.checked = query.rank === "informative";
    rankHops.checked = query.rank === "hops";
    via.set(query.via);
    avoid.set(query.avoid);
    hops.value = String(query.maxHops);
    limit.value = String(query.limit);
    dirAny.checked = query.direction === "any";
    dirForward.checked = query.direction === "forward";
    chosenTypes.clear();
    for (const type of query.edgeTypes) chosenTypes.add(type);
    for (const t of typeButtons) t.button.setAttribute("aria-pressed", String(chosenTypes.has(t.name)));
    throughDocs.checked = query.throughDocuments;
    provenance.checked = query.includeProvenance;
  }

  syncForm(store.get().pathQuery);
  renderResults(store.get());
  store.subscribe((state, previous) => {
    if (state.pathQuery !== previous.pathQuery) syncForm(state.pathQuery);
    if (state.pathResult !== previous.pathResult || state.activePath !== previous.activePath) renderResults(state);
  });
}
