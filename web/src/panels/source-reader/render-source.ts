// The source text as the reader shows it: italics, superscript endnote markers that link to their endnote and back,
// and links that open the cited page in a new tab. Built with DOM calls from the parsed segments, never as HTML; the
// quote's raw range is wrapped in one <mark>, across whatever parts it covers.
import { h, safeUrl } from "../../dom/index.js";
import type { Span } from "./highlight.js";
import { parseMarkup } from "./markup.js";

export interface RenderedSource {
  /** The highlighted quote, or null when there is none. */
  mark: HTMLElement | null;
}

/** Render `raw` into `root` (emptied first), with `highlight` (raw offsets) marked. */
export function renderSource(root: HTMLElement, raw: string, highlight: Span | null): RenderedSource {
  root.replaceChildren();
  let mark: HTMLElement | null = null;
  let done = false;
  const seen = new Map<string, number>();
  const firstMarker = new Map<string, HTMLElement>();
  const definitions = new Map<string, HTMLElement>();

  // Where a piece of raw text [from, to) goes: into the mark while it lies within the quote, else the root.
  const parentFor = (from: number, to: number): HTMLElement => {
    const inside = highlight !== null && from < highlight.end && to > highlight.start;
    if (inside && !done) {
      if (!mark) {
        mark = h("mark", { class: "evidence-mark" });
        root.append(mark);
      }
      return mark;
    }
    if (mark) done = true;
    return root;
  };
  // Cut [from, to) at the quote's ends so that no piece straddles them.
  const pieces = (from: number, to: number): [number, number][] => {
    const cuts = [from, to];
    if (highlight) for (const c of [highlight.start, highlight.end]) if (c > from && c < to) cuts.push(c);
    cuts.sort((a, b) => a - b);
    return cuts.slice(1).map((end, i) => [cuts[i]!, end]);
  };
  const jump = (target: () => HTMLElement | undefined) => (event: Event) => {
    event.preventDefault();
    target()?.scrollIntoView({ block: "center" });
    target()?.focus({ preventScroll: true });
  };

  for (const segment of parseMarkup(raw)) {
    if (segment.kind === "text") {
      for (const [a, b] of pieces(segment.start, segment.end)) parentFor(a, b).append(raw.slice(a, b));
    } else if (segment.kind === "em") {
      for (const [a, b] of pieces(segment.innerStart, segment.innerEnd))
        parentFor(a, b).append(h("em", { text: raw.slice(a, b) }));
    } else if (segment.kind === "link") {
      const href = safeUrl(raw.slice(segment.innerStart, segment.innerEnd));
      for (const [a, b] of pieces(segment.innerStart, segment.innerEnd)) {
        const text = raw.slice(a, b);
        parentFor(a, b).append(
          href
            ? h("a", { text, attrs: { href, target: "_blank", rel: "noopener noreferrer", class: "source-link" } })
            : text,
        );
      }
    } else {
      const { marker } = segment;
      const parent = parentFor(segment.start, segment.end);
      if (segment.definition) {
        // The endnote itself: a target for its markers, and a way back to the first of them.
        const back = h("a", {
          class: "endnote-back",
          text: marker,
          attrs: { href: `#marker-${marker}-1`, title: `Back to the text at endnote ${marker}` },
          on: { click: jump(() => firstMarker.get(marker)) },
        });
        const sup = h("sup", { class: "endnote-label", id: `endnote-${marker}`, attrs: { tabindex: "-1" } }, back);
        definitions.set(marker, sup);
        parent.append(sup);
      } else {
        const n = (seen.get(marker) ?? 0) + 1;
        seen.set(marker, n);
        const link = h("a", {
          class: "endnote-marker",
          text: marker,
          attrs: { href: `#endnote-${marker}`, title: `Endnote ${marker}`, "aria-label": `Endnote ${marker}` },
          on: { click: jump(() => definitions.get(marker)) },
        });
        const sup = h("sup", { id: `marker-${marker}-${n}`, attrs: { tabindex: "-1" } }, link);
        if (n === 1) firstMarker.set(marker, sup);
        parent.append(sup);
      }
    }
  }
  return { mark };
}
