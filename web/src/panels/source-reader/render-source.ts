// The source text as the reader shows it: italics, superscript endnote markers that link to their endnote and back,
// and links that open the cited page in a new tab. Built with DOM calls from the parsed segments, never as HTML; the
// quote's raw range is wrapped in one <mark>, across whatever parts it covers, and the quotes of the source's claims
// in spans that select their claim. Every rendered piece remembers the raw range it stands for, so a selection made
// in the page maps back to exact offsets of the raw text, asterisks and endnote markers included.
import { h, safeUrl } from "../../dom/index.js";
import type { Span } from "./highlight.js";
import { parseMarkup } from "./markup.js";

/** A claim whose quote the reader marks: its edge id and the quote's raw offsets. */
export interface ClaimSpan extends Span {
  id: string;
}

export interface RenderedSource {
  /** The highlighted quote, or null when there is none. */
  mark: HTMLElement | null;
  /**
   * The raw offset a boundary of a DOM selection stands for, or null when it lies outside the text. A boundary inside
   * an endnote marker takes the whole marker when it is the selection's end, none of it when it is its start.
   */
  rawOffset(container: Node, offset: number, side: "start" | "end"): number | null;
}

/** A rendered piece of the text: a text node holding raw[start, end) as it is, or a marker standing for it. */
interface Atom {
  node: Node;
  start: number;
  end: number;
  marker: boolean;
}

/** Render `raw` into `root` (emptied first), with `highlight` (raw offsets) marked and `claims` underlined. */
export function renderSource(
  root: HTMLElement,
  raw: string,
  highlight: Span | null,
  claims: readonly ClaimSpan[] = [],
): RenderedSource {
  root.replaceChildren();
  let mark: HTMLElement | null = null;
  let done = false;
  const seen = new Map<string, number>();
  const firstMarker = new Map<string, HTMLElement>();
  const definitions = new Map<string, HTMLElement>();
  const atoms: Atom[] = [];
  const cutsAt = new Set<number>();
  if (highlight) cutsAt.add(highlight.start).add(highlight.end);
  for (const c of claims) cutsAt.add(c.start).add(c.end);

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
  // The claims whose quotes cover [from, to), shortest first: a click on that piece means the first.
  const claimsAt = (from: number, to: number): ClaimSpan[] =>
    claims.filter((c) => c.start <= from && c.end >= to).sort((a, b) => a.end - a.start - (b.end - b.start));
  // A piece goes in as it is, or wrapped in a span naming the claims that quote it.
  const place = (from: number, to: number, piece: Node): void => {
    const covering = claimsAt(from, to);
    const parent = parentFor(from, to);
    if (!covering.length) return void parent.append(piece);
    const title = covering.length === 1 ? "A claim quotes this" : `${covering.length} claims quote this`;
    parent.append(
      h("span", { class: "claim-quote", attrs: { "data-claims": covering.map((c) => c.id).join(" "), title } }, piece),
    );
  };
  const text = (from: number, to: number): Text => {
    const node = document.createTextNode(raw.slice(from, to));
    atoms.push({ node, start: from, end: to, marker: false });
    return node;
  };
  // Cut [from, to) at the quotes' ends so that no piece straddles them.
  const pieces = (from: number, to: number): [number, number][] => {
    const cuts = [from, to];
    for (const c of cutsAt) if (c > from && c < to) cuts.push(c);
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
      for (const [a, b] of pieces(segment.start, segment.end)) place(a, b, text(a, b));
    } else if (segment.kind === "em") {
      // The asterisks belong to the italics: a selection from the first word to the last takes them with it.
      for (const [a, b] of pieces(segment.innerStart, segment.innerEnd)) {
        const from = a === segment.innerStart ? segment.start : a;
        const to = b === segment.innerEnd ? segment.end : b;
        const em = h("em", {}, text(a, b));
        atoms[atoms.length - 1] = { node: em.firstChild!, start: from, end: to, marker: false };
        textStart.set(em.firstChild!, a);
        place(a, b, em);
      }
    } else if (segment.kind === "link") {
      const href = safeUrl(raw.slice(segment.innerStart, segment.innerEnd));
      for (const [a, b] of pieces(segment.innerStart, segment.innerEnd)) {
        const node = text(a, b);
        const from = a === segment.innerStart ? segment.start : a;
        const to = b === segment.innerEnd ? segment.end : b;
        atoms[atoms.length - 1] = { node, start: from, end: to, marker: false };
        textStart.set(node, a);
        place(
          a,
          b,
          href
            ? h("a", { attrs: { href, target: "_blank", rel: "noopener noreferrer", class: "source-link" } }, node)
            : node,
        );
      }
    } else {
      const { marker } = segment;
      let sup: HTMLElement;
      if (segment.definition) {
        // The endnote itself: a target for its markers, and a way back to the first of them.
        const back = h("a", {
          class: "endnote-back",
          text: marker,
          attrs: { href: `#marker-${marker}-1`, title: `Back to the text at endnote ${marker}` },
          on: { click: jump(() => firstMarker.get(marker)) },
        });
        sup = h("sup", { class: "endnote-label", id: `endnote-${marker}`, attrs: { tabindex: "-1" } }, back);
        definitions.set(marker, sup);
      } else {
        const n = (seen.get(marker) ?? 0) + 1;
        seen.set(marker, n);
        const link = h("a", {
          class: "endnote-marker",
          text: marker,
          attrs: { href: `#endnote-${marker}`, title: `Endnote ${marker}`, "aria-label": `Endnote ${marker}` },
          on: { click: jump(() => definitions.get(marker)) },
        });
        sup = h("sup", { id: `marker-${marker}-${n}`, attrs: { tabindex: "-1" } }, link);
        if (n === 1) firstMarker.set(marker, sup);
      }
      atoms.push({ node: sup, start: segment.start, end: segment.end, marker: true });
      parentFor(segment.start, segment.end).append(sup);
    }
  }
  return { mark, rawOffset: (container, offset, side) => rawOffset(root, atoms, container, offset, side) };
}

// The raw offset of the text node's first character, for pieces whose shown text is raw[start, end) itself.
const textStart = new WeakMap<Node, number>();

function rawOffset(
  root: Node,
  atoms: readonly Atom[],
  container: Node,
  offset: number,
  side: "start" | "end",
): number | null {
  if (!root.contains(container)) return null;
  for (const atom of atoms) {
    if (atom.marker ? atom.node.contains(container) : atom.node === container) {
      // At a piece's edges the boundary takes the markup around it (asterisks, brackets, the whole marker).
      if (offset === 0) return atom.start;
      if (atom.marker || offset >= (atom.node as Text).length) return atom.end;
      // Inside italics or a link, the shown text starts after the opening asterisk or bracket.
      return (textStart.get(atom.node) ?? atom.start) + offset;
    }
  }
  // A boundary between elements: the first piece after it (a start) or the last one before it (an end).
  const range = document.createRange();
  range.setStart(container, offset);
  range.collapse(true);
  if (side === "start") {
    for (const atom of atoms) if (range.comparePoint(atom.node, 0) >= 0) return atom.start;
    return atoms.at(-1)?.end ?? null;
  }
  for (let i = atoms.length - 1; i >= 0; i--) {
    const atom = atoms[i]!;
    const length = atom.marker ? atom.node.childNodes.length : (atom.node as Text).length;
    if (range.comparePoint(atom.node, length) <= 0) return atom.end;
  }
  return atoms[0]?.start ?? null;
}
