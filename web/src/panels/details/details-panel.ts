// Details of the selected node (identity, then its relations grouped by type and direction, as cited sentences)
// or of the selected edge (the claim, its quote and endnotes).
import { selectNode } from "../../actions/index.js";
import { CORE_NODE_KEYS, errorMessage, groupByClaim } from "../../api/index.js";
import type { ClaimGroup, EdgeObject, NodeObject } from "../../api/index.js";
import type { AppContext } from "../../app/context.js";
import { h, replaceChildren, safeUrl } from "../../dom/index.js";
import { formatDate } from "../../graph/index.js";
import type { Selection } from "../../state/index.js";
import { citedTextActions } from "../shared/cited-text.js";
import { evidenceView } from "../shared/evidence.js";
import { groupHeading, groupRelations, otherEnds } from "../shared/sentence.js";
import { sourcesSection } from "./source-agreement.js";

/** Fields the panel shows in their own places; the rest are listed as attributes. */
const SHOWN_ELSEWHERE = CORE_NODE_KEYS;

function typeChip(ctx: AppContext, type: string, text?: string): HTMLElement {
  const info = ctx.nodeTypes.get(type);
  const swatch = h("span", { class: "swatch", attrs: { "aria-hidden": "true" } });
  swatch.style.backgroundColor = info?.color ?? "#888";
  return h("span", { class: "type-chip" }, swatch, text ?? info?.label ?? type);
}

function labelOf(ctx: AppContext): (id: string) => string {
  return (id) => (ctx.graph.hasNode(id) ? ctx.graph.getNodeAttribute(id, "label") : id);
}

function goTo(ctx: AppContext, id: string): void {
  if (!ctx.graph.hasNode(id)) return;
  ctx.store.dispatch(selectNode(id));
  ctx.canvas.focusNode(id);
}

function propValue(value: unknown): string {
  if (Array.isArray(value)) return value.map(String).join(", ");
  if (typeof value === "boolean") return value ? "yes" : "no";
  return String(value);
}

function propsList(record: Record<string, unknown>, skip: ReadonlySet<string>): HTMLElement | null {
  const rows: HTMLElement[] = [];
  for (const [key, value] of Object.entries(record)) {
    if (
      skip.has(key) ||
      value === null ||
      value === undefined ||
      value === "" ||
      (typeof value === "object" && !Array.isArray(value))
    )
      continue;
    const url = key === "url" ? safeUrl(value) : null;
    rows.push(
      h("dt", { text: key.replace(/_/g, " ") }),
      h(
        "dd",
        {},
        url
          ? h("a", { text: String(value), attrs: { href: url, target: "_blank", rel: "noopener noreferrer" } })
          : propValue(value),
      ),
    );
  }
  return rows.length ? h("dl", { class: "props" }, ...rows) : null;
}

function outsideKnowledge(notes: unknown): HTMLElement | null {
  if (!Array.isArray(notes) || notes.length === 0) return null;
  return h(
    "div",
    { class: "outside" },
    h("p", { class: "outside-title", text: "Added from outside the source" }),
    h("ul", {}, ...notes.map((n) => h("li", { text: String(n) }))),
  );
}

/**
 * One claim: its sentence (the server's) as a button that selects the node at the other end, or for a joint claim
 * with several other ends, the sentence and a button for each; then the evidence, which its edges share.
 */
function relationItem(ctx: AppContext, nodeId: string, claim: ClaimGroup<EdgeObject>): HTMLElement {
  const first = claim.edges[0]!;
  const name = labelOf(ctx);
  const others = otherEnds(nodeId, claim.edges);
  const attrs = { "data-edge": first.id, "data-claim": first.claim };
  if (others.length === 1) {
    const other = others[0]!;
    const button = h("button", {
      class: "relation-link",
      text: claim.sentence,
      attrs: { type: "button", title: `Select ${name(other)}`, "data-node": other },
      on: { click: () => goTo(ctx, other) },
    });
    return h("li", { class: "relation", attrs }, button, evidenceView(first, ctx, jointSentence(claim)));
  }
  const ends = others.map((id) =>
    h("button", {
      class: "link-button",
      text: name(id),
      attrs: { type: "button", "data-node": id },
      on: { click: () => goTo(ctx, id) },
    }),
  );
  return h(
    "li",
    { class: "relation", attrs },
    h("p", { class: "relation-sentence", text: claim.sentence }),
    h(
      "p",
      { class: "relation-ends" },
      h("span", { class: "muted", text: "Select: " }),
      ...ends.flatMap((end, i) => (i === 0 ? [end] : [", ", end])),
    ),
    evidenceView(first, ctx, jointSentence(claim)),
  );
}

/** A claim read across several edges titles the source reader with its own sentence, naming every party. */
function jointSentence(claim: ClaimGroup<EdgeObject>): string | undefined {
  return claim.edges.length > 1 ? claim.sentence : undefined;
}

function nodeView(ctx: AppContext, node: NodeObject, edges: EdgeObject[], current: () => boolean): HTMLElement[] {
  const parts: HTMLElement[] = [];
  parts.push(
    h("div", { class: "details-kicker" }, typeChip(ctx, node.type)),
    h("h3", { class: "details-title", id: "details-heading", text: node.label, attrs: { tabindex: "-1" } }),
  );
  const aliases = (node.aliases ?? []).filter((a) => a !== node.label);
  if (aliases.length) parts.push(h("p", { class: "aliases", text: `Also called: ${aliases.join(" · ")}` }));
  if (node.date) parts.push(h("p", { class: "date", text: `Date: ${formatDate(node.date)}` }));
  if (node.description) parts.push(h("p", { class: "description", text: node.description }));
  const props = propsList(node, SHOWN_ELSEWHERE);
  if (props) parts.push(props);
  const outside = outsideKnowledge(node.outsideKnowledge);
  if (outside) parts.push(outside);
  parts.push(citedTextActions({ node: node.id }, "rightsgraph-dossier"));
  parts.push(sourcesSection(ctx, { kind: "node", id: node.id }, current));

  const groups = groupRelations(node.id, edges);
  parts.push(h("h4", { class: "relations-title", text: `Relations (${edges.length})` }));
  if (groups.length === 0) parts.push(h("p", { class: "muted", text: "No relations recorded." }));
  for (const group of groups) {
    const type = ctx.edgeTypes.get(group.type);
    const swatch = h("span", { class: "edge-swatch", attrs: { "aria-hidden": "true" } });
    swatch.style.backgroundColor = type?.color ?? "#999";
    const label = group.edges[0]!.label;
    const heading = groupHeading(
      node.shortLabel,
      group.edges.every((e) => e.label === label) ? label : (type?.label ?? group.type),
      group.direction,
    );
    parts.push(
      h(
        "section",
        { class: "relation-group" },
        h("h5", {}, swatch, `${heading} (${group.edges.length})`),
        h("ul", { class: "relations" }, ...groupByClaim(group.edges).map((claim) => relationItem(ctx, node.id, claim))),
      ),
    );
  }
  return parts;
}

function endButton(ctx: AppContext, id: string, role: string): HTMLElement {
  return h(
    "p",
    { class: "edge-end" },
    h("span", { class: "muted", text: `${role}: ` }),
    h("button", {
      class: "link-button",
      text: labelOf(ctx)(id),
      attrs: { type: "button" },
      on: { click: () => goTo(ctx, id) },
    }),
  );
}

function edgeView(ctx: AppContext, edge: EdgeObject, current: () => boolean): HTMLElement[] {
  const type = ctx.edgeTypes.get(edge.type);
  const swatch = h("span", { class: "edge-swatch", attrs: { "aria-hidden": "true" } });
  swatch.style.backgroundColor = type?.color ?? "#999";
  return [
    h(
      "div",
      { class: "details-kicker" },
      h("span", { class: "type-chip" }, swatch, `Relation: ${type?.label ?? edge.type}`),
    ),
    h("h3", {
      class: "details-title",
      id: "details-heading",
      text: edge.sentence,
      attrs: { tabindex: "-1" },
    }),
    // One party of a joint claim: the whole claim as the source makes it ("China and Russia jointly sponsored…").
    ...(edge.claimSentence !== undefined
      ? [h("p", { class: "claim-sentence muted", text: `Part of one claim of the source: ${edge.claimSentence}` })]
      : []),
    endButton(ctx, edge.source, "From"),
    endButton(ctx, edge.target, "To"),
    evidenceView(edge, ctx),
    ...[
      propsList(
        edge,
        new Set([
          ...SHOWN_ELSEWHERE,
          ...["source", "target", "evidence", "direction", "sentence", "claim", "claimSentence", "claimSize"],
        ]),
      ),
    ].filter((x): x is HTMLElement => x !== null),
    ...[outsideKnowledge(edge.outsideKnowledge)].filter((x): x is HTMLElement => x !== null),
    sourcesSection(ctx, { kind: "edge", id: edge.id }, current),
  ];
}

export function mountDetails(root: HTMLElement, ctx: AppContext): void {
  const body = h("div", { class: "panel-body details-body", attrs: { "aria-live": "polite", "aria-busy": "false" } });
  const section = h(
    "section",
    { class: "panel details", attrs: { "aria-labelledby": "details-label" } },
    h("h2", { class: "panel-title", id: "details-label", text: "Details" }),
    body,
  );
  root.append(section);

  let current: Selection = null;
  // The data generation shown: a live change (a write, an undo, a hand edit) makes the cache forget, and the
  // selection is drawn again from the new graph; so does the suggestions switch, which changes the server's answer.
  let generation = ctx.data.generation;
  let token = 0;

  function empty(): void {
    replaceChildren(
      body,
      h("p", {
        class: "muted",
        text: "Select a node or a relation on the canvas, or search for a name, to see its details and evidence.",
      }),
    );
  }

  async function show(selection: Selection): Promise<void> {
    const mine = ++token;
    const stillMine = () => mine === token;
    if (!selection) return empty();
    body.setAttribute("aria-busy", "true");
    replaceChildren(body, h("p", { class: "loading", text: "Loading details…" }));
    try {
      if (selection.kind === "node") {
        const details = await ctx.data.node(selection.id);
        if (mine !== token) return;
        replaceChildren(body, ...nodeView(ctx, details.node, details.edges, stillMine));
      } else {
        const edge = await ctx.data.edge(selection.id);
        if (mine !== token) return;
        if (!edge)
          replaceChildren(body, h("p", { class: "error", text: `Relation “${selection.id}” is not in the graph.` }));
        else replaceChildren(body, ...edgeView(ctx, edge, stillMine));
      }
      section.scrollTop = 0;
      body.scrollTop = 0;
    } catch (error) {
      if (mine !== token) return;
      replaceChildren(body, h("p", { class: "error", text: `Could not load the details: ${errorMessage(error)}` }));
    } finally {
      if (mine === token) body.setAttribute("aria-busy", "false");
    }
  }

  empty();
  const update = (selection: Selection): void => {
    const same = selection?.kind === current?.kind && selection?.id === current?.id;
    if (same && generation === ctx.data.generation) return;
    current = selection;
    generation = ctx.data.generation;
    void show(selection);
  };
  update(ctx.store.get().selection);
  ctx.store.subscribe((state) => update(state.selection));
}
