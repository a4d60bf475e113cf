// The source reader: a source's own text, its light markup rendered, with the selected evidence highlighted and
// scrolled into view and the quotes of its claims marked (a click selects the claim). Titled with the source
// document's name; a chooser opens another source. In edit mode a passage selected here becomes a new claim.
import { editApi, errorMessage } from "../../api/index.js";
import type { SourceResponse } from "../../api/index.js";
import type { AppContext } from "../../app/context.js";
import { clearReading, selectEdge } from "../../actions/index.js";
import { h, replaceChildren } from "../../dom/index.js";
import type { Reading } from "../../state/index.js";
import type { EditSession } from "../annotate/edit-session.js";
import { locateQuote, type Span } from "./highlight.js";
import { suggestEndnotes, trimPassage } from "./passage.js";
import { sourceName } from "../shared/source-name.js";
import { renderSource, type ClaimSpan, type RenderedSource } from "./render-source.js";

/** The quotes of every claim of `source` the graph holds, where they stand in its text. */
function claimSpans(ctx: AppContext, source: SourceResponse): ClaimSpan[] {
  const spans: ClaimSpan[] = [];
  ctx.graph.forEachEdge((id, a) => {
    if (a.evidence.sourceDoc !== source.document || !a.evidence.quote) return;
    const span = locateQuote(source.text, a.evidence.quote, a.evidence.start, a.evidence.end);
    if (span) spans.push({ id, ...span });
  });
  return spans;
}

export function mountSourceReader(root: HTMLElement, ctx: AppContext, session: EditSession): void {
  const caption = h("p", { class: "reader-caption muted" });
  const text = h("div", { class: "source-text", attrs: { tabindex: "0", "aria-label": "Source text" } });
  let enlarged = false;
  const enlarge = h("button", {
    class: "small-button",
    text: "Enlarge",
    attrs: { type: "button", "aria-pressed": "false", title: "Let the source text fill the results area" },
  });
  const setEnlarged = (on: boolean): void => {
    enlarged = on;
    enlarge.setAttribute("aria-pressed", String(on));
    ctx.results.enlargeDock(on);
  };
  enlarge.addEventListener("click", () => setEnlarged(!enlarged));
  const close = h("button", {
    class: "small-button",
    text: "Close",
    attrs: { type: "button", "aria-label": "Close the source reader" },
    on: {
      click: () => {
        idle();
        ctx.store.dispatch(clearReading());
      },
    },
  });
  const chooser = h(
    "select",
    { class: "source-chooser", attrs: { "aria-label": "Source to read" } },
    h("option", { text: "Read a source…", attrs: { value: "" } }),
    ...session.sources.map((s) => h("option", { text: sourceName(ctx.graph, s), attrs: { value: s.id } })),
  );
  const newClaim = h("button", {
    class: "small-button primary",
    text: "New claim",
    attrs: { type: "button", disabled: true, title: "Select a passage of the text first" },
  });
  const editClaim = h("button", {
    class: "small-button",
    text: "Edit claim",
    attrs: { type: "button", title: "Edit the claim whose quote is marked (click a marked quote to choose it)" },
  });
  const tools = h("div", { class: "reader-tools" }, chooser, newClaim, editClaim, enlarge, close);
  const section = h(
    "section",
    { class: "panel reader", attrs: { "aria-labelledby": "reader-label" } },
    h(
      "div",
      { class: "panel-head" },
      h("h2", { class: "panel-title", id: "reader-label", text: "Source reader" }),
      tools,
    ),
    caption,
    text,
  );
  root.append(section);

  let token = 0;
  let current: string | null = null;
  /** What is on screen: the source, the edge whose quote is marked, and how it was rendered. */
  let shown: { source: SourceResponse; edgeId: string | null; rendered: RenderedSource } | null = null;

  /** The claim "Edit claim" opens: the selected claim when it is of the source shown, else the one marked. */
  const editable = (): string | null => {
    const selection = ctx.store.get().selection;
    if (
      selection?.kind === "edge" &&
      ctx.graph.hasEdge(selection.id) &&
      ctx.graph.getEdgeAttributes(selection.id).evidence.sourceDoc === shown?.source.document
    )
      return selection.id;
    return shown?.edgeId ?? null;
  };

  const showTools = (open: boolean): void => {
    tools.hidden = !open && session.sources.length < 2 && !session.enabled();
    for (const button of [enlarge, close]) button.hidden = !open;
    newClaim.hidden = !open || !session.enabled();
    editClaim.hidden = !open || !session.enabled() || editable() === null;
    section.classList.toggle("idle", !open);
  };

  function idle(): void {
    shown = null;
    showTools(false);
    chooser.value = "";
    if (enlarged) setEnlarged(false);
    caption.textContent =
      session.sources.length > 1 || session.enabled()
        ? "Choose a source to read, or click an edge to read its quote in context."
        : "Choose “Show in source” on a relation, or click an edge, to read its quote in context.";
    replaceChildren(text);
    text.hidden = true;
  }

  /** Draws `source` with the quote of `edgeId` marked (and scrolled to), or none; `keepScroll` after a live change. */
  function draw(source: SourceResponse, edgeId: string | null, keepScroll = false, sentence?: string): void {
    const edge = edgeId && ctx.graph.hasEdge(edgeId) ? ctx.graph.getEdgeAttributes(edgeId) : null;
    const span = edge ? locateQuote(source.text, edge.evidence.quote, edge.evidence.start, edge.evidence.end) : null;
    const title = sourceName(ctx.graph, source);
    replaceChildren(
      caption,
      h("span", { class: "reader-title", text: title }),
      edge ? h("span", { text: ` — ${sentence ?? edge.sentence}` }) : null,
    );
    showTools(true);
    chooser.value = source.id;
    text.hidden = false;
    const scroll = text.scrollTop;
    const rendered = renderSource(text, source.text, span, claimSpans(ctx, source));
    shown = { source, edgeId: edge ? edgeId : null, rendered };
    showTools(true);
    updateNewClaim();
    if (keepScroll) {
      text.scrollTop = scroll;
    } else if (rendered.mark) {
      // Scroll the reader itself (not the page) so the quote sits in the middle of it.
      const { mark } = rendered;
      text.scrollTop = Math.max(0, mark.offsetTop - text.clientHeight / 2 + mark.offsetHeight / 2);
    } else {
      text.scrollTop = 0;
    }
    if (edge && !rendered.mark)
      caption.append(h("span", { class: "error", text: " (the quote was not found in this text)" }));
  }

  async function show(reading: Reading | null): Promise<void> {
    const mine = ++token;
    if (!reading) {
      // Closing the quote keeps the source open when it was chosen for its own sake (edit mode, several sources).
      if (shown && (session.enabled() || session.sources.length > 1)) return draw(shown.source, null, true);
      return idle();
    }
    showTools(true);
    caption.textContent = "Loading the source…";
    try {
      const edge = await ctx.data.edge(reading.edgeId);
      if (mine !== token) return;
      if (!edge) {
        caption.textContent = "That relation is not in the graph.";
        return;
      }
      const source = await ctx.data.sourceForDocument(edge.evidence.sourceDoc);
      if (mine !== token) return;
      if (!source) {
        caption.textContent = "The source text of this relation is not available.";
        return;
      }
      draw(source, reading.edgeId, false, reading.sentence);
      session.chooseSource(source.id);
    } catch (error) {
      if (mine !== token) return;
      caption.textContent = `Could not load the source: ${errorMessage(error)}`;
    }
  }

  async function open(sourceId: string): Promise<void> {
    const mine = ++token;
    if (shown?.source.id === sourceId) return;
    caption.textContent = "Loading the source…";
    try {
      const source = await ctx.data.source(sourceId);
      if (mine === token) draw(source, null);
    } catch (error) {
      if (mine === token) caption.textContent = `Could not load the source: ${errorMessage(error)}`;
    }
  }

  /** The passage selected in the text, in raw offsets, or null. */
  function selectedPassage(): Span | null {
    const selection = window.getSelection();
    if (!shown || !selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
    const range = selection.getRangeAt(0);
    const start = shown.rendered.rawOffset(range.startContainer, range.startOffset, "start");
    const end = shown.rendered.rawOffset(range.endContainer, range.endOffset, "end");
    if (start === null || end === null) return null;
    return trimPassage(shown.source.text, start, end);
  }

  function updateNewClaim(): void {
    const passage = session.enabled() ? selectedPassage() : null;
    newClaim.disabled = passage === null;
    newClaim.title = passage ? "Make the selected passage a claim" : "Select a passage of the text first";
  }

  chooser.addEventListener("change", () => {
    const id = chooser.value;
    if (!id) return;
    void open(id);
    session.chooseSource(id);
  });
  document.addEventListener("selectionchange", updateNewClaim);
  newClaim.addEventListener("click", () => {
    const passage = selectedPassage();
    if (!shown || !passage) return;
    const quote = shown.source.text.slice(passage.start, passage.end);
    session.openForm({
      kind: "new",
      sourceId: shown.source.id,
      quote,
      span: passage,
      endnotes: suggestEndnotes(shown.source.text, passage),
    });
  });
  // The claim marked in the reader opens in the annotation form, filled with its record as stored; saving patches it.
  editClaim.addEventListener("click", () => {
    const claimId = editable();
    const sourceId = shown?.source.id;
    if (!claimId || !sourceId) return;
    editClaim.disabled = true;
    editApi
      .claim(sourceId, claimId)
      .then((answer) => {
        session.wrote(sourceId, answer.etag);
        session.openForm({ kind: "edit", sourceId, claimId, record: answer.record, accept: false });
      })
      .catch((error: unknown) => {
        caption.append(h("span", { class: "error", text: ` Could not open the claim: ${errorMessage(error)}` }));
      })
      .finally(() => (editClaim.disabled = false));
  });
  // A click on a claim's quote selects the claim (unless it ended a selection of text).
  text.addEventListener("click", (event) => {
    const target = event.target instanceof Element ? event.target : null;
    if (!target || target.closest("a")) return;
    const claim = target.closest<HTMLElement>(".claim-quote")?.dataset.claims?.split(" ")[0];
    if (claim && window.getSelection()?.isCollapsed !== false && ctx.graph.hasEdge(claim))
      ctx.store.dispatch(selectEdge(claim));
  });
  // The source chosen here or in the review queue is the one read; in edit mode the reader opens on it at once.
  session.onChange(() => {
    const id = session.sourceId();
    if (id && session.enabled() && shown?.source.id !== id) void open(id);
    else if (shown) showTools(true);
    else idle();
  });
  // After a live change the claims (and the marked one) are drawn again from the new graph.
  ctx.graph.on("cleared", () =>
    requestAnimationFrame(() => {
      if (!shown) return;
      const { source, edgeId } = shown;
      draw(source, edgeId && ctx.graph.hasEdge(edgeId) ? edgeId : null, true);
    }),
  );

  idle();
  const update = (reading: Reading | null): void => {
    const key = reading ? `${reading.edgeId}\n${reading.sentence ?? ""}` : null;
    if (key === current) return;
    current = key;
    void show(reading);
  };
  update(ctx.store.get().reading);
  ctx.store.subscribe((state) => {
    update(state.reading);
    if (shown) editClaim.hidden = !session.enabled() || editable() === null;
  });
}
