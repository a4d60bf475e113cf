// A claim's evidence as the panels show it: the verbatim quote, its endnotes (expandable to the cited documents)
// and a button to read it in context.
import { selectNode, showEvidence } from "../../actions/index.js";
import { errorMessage } from "../../api/index.js";
import type { CitationInfo, EdgeObject } from "../../api/index.js";
import type { AppContext } from "../../app/context.js";
import { h, replaceChildren, safeUrl, uid } from "../../dom/index.js";
import { formatDate } from "../../graph/index.js";

function citationView(citation: CitationInfo, ctx: AppContext): HTMLElement {
  const known = ctx.graph.hasNode(citation.document);
  const title =
    citation.title ||
    citation.label ||
    (known ? ctx.graph.getNodeAttribute(citation.document, "label") : citation.document);
  const facts = [citation.publisher, citation.date ? formatDate(citation.date) : null, citation.locator]
    .filter((x): x is string => typeof x === "string" && x.length > 0)
    .join(" · ");
  const url = safeUrl(citation.url);
  return h(
    "li",
    { class: "citation" },
    h("span", { class: "citation-title", text: title }),
    facts ? h("span", { class: "citation-facts", text: facts }) : null,
    h("span", { class: "citation-printed", text: `As printed: ${citation.quote}` }),
    h(
      "span",
      { class: "citation-actions" },
      url
        ? h("a", {
            text: "Open the cited document",
            attrs: { href: url, target: "_blank", rel: "noopener noreferrer" },
          })
        : null,
      known
        ? h("button", {
            class: "link-button",
            text: "Show it in the graph",
            attrs: { type: "button" },
            on: {
              click: () => {
                ctx.store.dispatch(selectNode(citation.document));
                ctx.canvas.focusNode(citation.document);
              },
            },
          })
        : null,
    ),
  );
}

async function fillEndnote(box: HTMLElement, marker: string, sourceDoc: string, ctx: AppContext): Promise<void> {
  replaceChildren(box, h("p", { class: "loading", text: `Loading endnote ${marker}…` }));
  try {
    const source = await ctx.data.sourceForDocument(sourceDoc);
    const note = source?.endnotes.find((n) => n.marker === marker);
    if (!note || note.citations.length === 0) {
      replaceChildren(box, h("p", { class: "muted", text: `Endnote ${marker} is not recorded.` }));
      return;
    }
    replaceChildren(
      box,
      h("p", { class: "citation-heading", text: `Endnote ${marker} cites:` }),
      h("ul", { class: "citations" }, ...note.citations.map((c) => citationView(c, ctx))),
    );
  } catch (error) {
    replaceChildren(box, h("p", { class: "error", text: `Could not load endnote ${marker}: ${errorMessage(error)}` }));
  }
}

/**
 * The quote, the date, the endnote buttons and "Show in source" for one edge; `sentence` is the claim's sentence when
 * the quote supports several edges read as one, so the reader names every party, not only this edge's.
 */
export function evidenceView(edge: EdgeObject, ctx: AppContext, sentence?: string): HTMLElement {
  const { evidence } = edge;
  const box = h("div", { class: "citation-box", id: uid("endnote") });
  box.hidden = true;
  let openMarker: string | null = null;
  const buttons: HTMLButtonElement[] = [];
  for (const marker of evidence?.footnotes ?? []) {
    const button = h("button", {
      class: "endnote",
      text: marker,
      attrs: {
        type: "button",
        "aria-expanded": "false",
        "aria-controls": box.id,
        title: `Endnote ${marker}: show the cited document`,
      },
    });
    button.addEventListener("click", () => {
      const opening = openMarker !== marker;
      openMarker = opening ? marker : null;
      for (const b of buttons) b.setAttribute("aria-expanded", String(opening && b === button));
      box.hidden = !opening;
      if (opening) void fillEndnote(box, marker, evidence.sourceDoc, ctx);
    });
    buttons.push(button);
  }
  const qualifier = typeof edge.qualifier === "string" ? edge.qualifier : null;
  return h(
    "div",
    { class: "evidence" },
    evidence?.quote
      ? h("blockquote", { class: "quote", text: `“${evidence.quote}”` })
      : h("p", { class: "muted", text: "No quote recorded." }),
    h(
      "div",
      { class: "evidence-meta" },
      edge.date ? h("span", { class: "date", text: formatDate(edge.date) }) : null,
      qualifier ? h("span", { class: "qualifier", text: `hedged: “${qualifier}”` }) : null,
      buttons.length
        ? h(
            "span",
            { class: "endnotes" },
            h("span", { class: "muted", text: buttons.length > 1 ? "Endnotes " : "Endnote " }),
            ...buttons,
          )
        : null,
      evidence?.quote
        ? h("button", {
            class: "link-button",
            text: "Show in source",
            attrs: { type: "button" },
            on: { click: () => ctx.store.dispatch(showEvidence(edge.id, sentence)) },
          })
        : null,
    ),
    box,
  );
}
