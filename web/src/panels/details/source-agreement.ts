// The details panel's view of several sources: which sources state the selected claim (each with its quote), where
// another source disagrees (both claims side by side with their quotes), and which sources mention a node.
import { api, errorMessage } from "../../api/index.js";
import type { ClaimSourcesResponse, DisagreementKind, EdgeObject, NodeSourcesResponse } from "../../api/index.js";
import type { AppContext } from "../../app/context.js";
import { h, replaceChildren } from "../../dom/index.js";
import { formatDate } from "../../graph/index.js";
import { evidenceView } from "../shared/evidence.js";
import { sourceName } from "../shared/source-name.js";

const DIFFERS: Record<DisagreementKind, string> = {
  type: "another relation",
  date: "another date",
  negated: "one negates the other",
  modality: "one asserts, the other hedges",
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** One side of a disagreement: the source's title, the claim's sentence and date, and its quote. */
function claimSide(ctx: AppContext, title: string, edge: EdgeObject): HTMLElement {
  return h(
    "div",
    { class: "disagreement-side", attrs: { "data-edge": edge.id } },
    h("p", { class: "source-title", text: title }),
    h("p", { class: "relation-sentence", text: edge.sentence }),
    edge.date ? h("p", { class: "date muted", text: `Date: ${formatDate(edge.date)}` }) : null,
    evidenceView(edge, ctx),
  );
}

function claimSourcesView(ctx: AppContext, answer: ClaimSourcesResponse): HTMLElement[] {
  const { support, disagreements, edge } = answer;
  const parts: HTMLElement[] = [
    h("h4", {
      class: "sources-title",
      text: `Stated in ${plural(support.length, "source", "sources")}`,
    }),
    h(
      "ul",
      { class: "claim-sources" },
      ...support.map((group) =>
        h(
          "li",
          { class: "claim-source", attrs: { "data-source": group.source.id } },
          h("p", { class: "source-title", text: sourceName(ctx.graph, group.source) }),
          ...group.edges.map((e) => evidenceView(e, ctx)),
        ),
      ),
    ),
  ];
  if (disagreements.length === 0) return parts;
  const ownSource = support.find((s) => s.edges.some((e) => e.id === edge.id))?.source;
  const own = ownSource ? sourceName(ctx.graph, ownSource) : "This source";
  parts.push(
    h("h4", {
      class: "sources-title disagreements-title",
      text: `Sources disagree (${disagreements.length})`,
    }),
    ...disagreements.map((d) =>
      h(
        "section",
        { class: "disagreement", attrs: { "data-source": d.source.id } },
        h("p", { class: "disagreement-kinds muted", text: `Differs: ${d.differs.map((k) => DIFFERS[k]).join("; ")}` }),
        h(
          "div",
          { class: "disagreement-sides" },
          claimSide(ctx, own, edge),
          claimSide(ctx, sourceName(ctx.graph, d.source), d.edge),
        ),
      ),
    ),
  );
  return parts;
}

function nodeSourcesView(ctx: AppContext, answer: NodeSourcesResponse): HTMLElement[] {
  return [
    h("h4", { class: "sources-title", text: `Mentioned in ${plural(answer.sources.length, "source", "sources")}` }),
    h(
      "ul",
      { class: "node-sources" },
      ...answer.sources.map(({ source, claims }) =>
        h(
          "li",
          { attrs: { "data-source": source.id } },
          h("span", { class: "source-title", text: sourceName(ctx.graph, source) }),
          h("span", { class: "muted", text: ` · ${plural(claims, "claim", "claims")}` }),
        ),
      ),
    ),
  ];
}

/**
 * A section filled in when the server answers: for a claim, its sources and disagreements; for a node, the sources
 * that mention it. `current` says whether the panel still shows the same selection when the answer comes.
 */
export function sourcesSection(
  ctx: AppContext,
  selection: { kind: "node" | "edge"; id: string },
  current: () => boolean,
): HTMLElement {
  const section = h(
    "section",
    { class: "details-sources", attrs: { "aria-busy": "true" } },
    h("p", { class: "loading", text: "Loading sources…" }),
  );
  const answer =
    selection.kind === "edge"
      ? api.edgeSources(selection.id).then((a) => claimSourcesView(ctx, a))
      : api.nodeSources(selection.id).then((a) => nodeSourcesView(ctx, a));
  answer
    .then((parts) => {
      if (current()) replaceChildren(section, ...parts);
    })
    .catch((error: unknown) => {
      if (current())
        replaceChildren(
          section,
          h("p", { class: "error", text: `Could not load the sources: ${errorMessage(error)}` }),
        );
    })
    .finally(() => section.setAttribute("aria-busy", "false"));
  return section;
}
