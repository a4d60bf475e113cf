// The source reader: the brief's own text, its light markup rendered, with the selected evidence highlighted and
// scrolled into view. Titled with the source document's name.
import { errorMessage } from "../../api/index.js";
import type { AppContext } from "../../app/context.js";
import { clearReading } from "../../actions/index.js";
import { h, replaceChildren } from "../../dom/index.js";
import type { Reading } from "../../state/index.js";
import { locateQuote } from "./highlight.js";
import { renderSource } from "./render-source.js";

export function mountSourceReader(root: HTMLElement, ctx: AppContext): void {
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
    on: { click: () => ctx.store.dispatch(clearReading()) },
  });
  const tools = h("div", { class: "reader-tools" }, enlarge, close);
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

  function idle(): void {
    tools.hidden = true;
    section.classList.add("idle");
    if (enlarged) setEnlarged(false);
    caption.textContent = "Choose “Show in source” on a relation, or click an edge, to read its quote in context.";
    replaceChildren(text);
    text.hidden = true;
  }

  async function show(reading: Reading | null): Promise<void> {
    const mine = ++token;
    if (!reading) return idle();
    tools.hidden = false;
    section.classList.remove("idle");
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
      const span = locateQuote(source.text, edge.evidence.quote, edge.evidence.start, edge.evidence.end);
      // The document's own name ("… (country brief, 2020)"), not the source's title, which may be the country's.
      const title = ctx.graph.hasNode(source.document)
        ? ctx.graph.getNodeAttribute(source.document, "fullLabel")
        : source.title;
      replaceChildren(
        caption,
        h("span", { class: "reader-title", text: title }),
        h("span", { text: ` — ${reading.sentence ?? edge.sentence}` }),
      );
      text.hidden = false;
      const { mark } = renderSource(text, source.text, span);
      if (!mark) {
        caption.append(h("span", { class: "error", text: " (the quote was not found in this text)" }));
        return;
      }
      // Scroll the reader itself (not the page) so the quote sits in the middle of it.
      text.scrollTop = Math.max(0, mark.offsetTop - text.clientHeight / 2 + mark.offsetHeight / 2);
    } catch (error) {
      if (mine !== token) return;
      caption.textContent = `Could not load the source: ${errorMessage(error)}`;
    }
  }

  idle();
  const update = (reading: Reading | null): void => {
    const key = reading ? `${reading.edgeId}\n${reading.sentence ?? ""}` : null;
    if (key === current) return;
    current = key;
    void show(reading);
  };
  update(ctx.store.get().reading);
  ctx.store.subscribe((state) => update(state.reading));
}
