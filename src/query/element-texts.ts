// The JSON text of the API objects an engine makes from its graph's nodes and edges, kept per element, encoded as
// UTF-8: a node or an edge is written the same way in every answer that holds it (its sentence, quote and notes are
// most of an answer's bytes), so a server writes it once and copies the bytes after that.

/** Bytes of text kept per engine when not told otherwise; the oldest go first past that. */
export const DEFAULT_ELEMENT_TEXT_BYTES = 32 * 1024 * 1024;

/** The forms of an element an answer holds: an edge, a node with all its sources, a node in a list (a few). */
export type ElementForm = "edge" | "node" | "listed-node";

/**
 * Keeps the texts of elements. `make(form, id)` makes the API object of an element in a form, as the engine's
 * answers hold it; its text is JSON.stringify's of an object just made, never of one an answer holds, so a caller
 * that changed an object it was given cannot change what later answers say. Past `maxBytes`, the texts kept longest
 * go first (a text asked for often is soon made again; keeping an order of use cost more than that).
 */
export class ElementTexts {
  /** Texts by id, one map per form, each in the order made. */
  private readonly texts: Record<ElementForm, Map<string, Buffer>> = {
    edge: new Map(),
    node: new Map(),
    "listed-node": new Map(),
  };
  private bytes = 0;

  constructor(
    private readonly make: (form: ElementForm, id: string) => object,
    readonly maxBytes: number = DEFAULT_ELEMENT_TEXT_BYTES,
  ) {}

  /** The UTF-8 JSON text of element `id` (which the graph holds) in `form`. */
  text(form: ElementForm, id: string): Buffer {
    const texts = this.texts[form];
    const kept = texts.get(id);
    if (kept !== undefined) return kept;
    const text = Buffer.from(JSON.stringify(this.make(form, id)), "utf8");
    this.bytes += text.length;
    for (const map of [texts, ...Object.values(this.texts)]) {
      for (const [oldId, old] of map) {
        if (this.bytes <= this.maxBytes) break;
        map.delete(oldId);
        this.bytes -= old.length;
      }
    }
    texts.set(id, text);
    return text;
  }

  /** Bytes of text kept now, the one just made included. */
  get keptBytes(): number {
    return this.bytes;
  }
}
