// The review queue (the "Review" tab in edit mode): the suggestions `rightsgraph ingest` wrote for a source, in file
// order (its nodes, then its claims), each claim as its sentence and its quote in context, to accept (status
// reviewed), reject (status rejected) or edit in the annotation form, by mouse or by key (j/k or the arrows to move,
// a, r, e; u undoes the last write). The current claim's quote is shown in the source reader. Nodes come first since
// the loader takes no reviewed claim of a source whose document is still suggested.
import { ApiError, editApi, errorMessage } from "../../api/index.js";
import type { ClaimRecord, EditSourceResponse, NodeRecord, SourceResponse } from "../../api/index.js";
import type { AppContext } from "../../app/context.js";
import { showEvidence } from "../../actions/index.js";
import { h, replaceChildren } from "../../dom/index.js";
import type { EditSession } from "../annotate/edit-session.js";
import { sourceName } from "../shared/source-name.js";
import { locateQuote } from "../source-reader/index.js";

/** Characters of the source shown on either side of a suggestion's quote. */
const CONTEXT_CHARS = 90;

type Suggestion = { kind: "claim"; id: string; record: ClaimRecord } | { kind: "node"; id: string; record: NodeRecord };

type Verdict = "reviewed" | "rejected";

export function mountReviewQueue(root: HTMLElement, ctx: AppContext, session: EditSession): void {
  const chooser = h(
    "select",
    { id: "review-source" },
    ...session.sources.map((s) => h("option", { text: sourceName(ctx.graph, s), attrs: { value: s.id } })),
  );
  const counts = h("p", { class: "review-counts", attrs: { "aria-live": "polite" } });
  const undo = h("button", {
    class: "small-button",
    text: "Undo the last edit",
    attrs: { type: "button", title: "Undo the last write to the data (u)" },
  });
  const message = h("p", { class: "form-message", attrs: { role: "alert" } });
  const list = h("ul", {
    class: "review-list",
    attrs: { role: "listbox", "aria-label": "Suggested claims", tabindex: "0" },
  });
  root.append(
    h(
      "section",
      { class: "panel review" },
      h("h2", { class: "panel-title", text: "Review suggestions" }),
      h(
        "div",
        { class: "review-head" },
        h("label", { attrs: { for: "review-source" }, text: "Source to review" }),
        chooser,
        undo,
      ),
      h("p", {
        class: "muted",
        text: "j / k or the arrows move, a accepts, r rejects, e edits in the Annotate tab, u undoes the last edit.",
      }),
      counts,
      message,
      list,
    ),
  );

  let items: Suggestion[] = [];
  let current = 0;
  let text: SourceResponse | null = null;
  const done: Verdict[] = [];
  let busy = false;
  /** The source whose suggestions are listed (or being loaded). */
  let loadedFor: string | null = null;

  const labelOf = (id: string | string[]): string =>
    [id]
      .flat()
      .map((n) => (ctx.graph.hasNode(n) ? ctx.graph.getNodeAttribute(n, "fullLabel") : n))
      .join(", ");
  const sentenceOf = (s: Suggestion): string => {
    if (s.kind === "node") return `New ${ctx.nodeTypes.get(s.record.type)?.label ?? s.record.type}: ${s.record.label}`;
    return ctx.graph.hasEdge(s.id)
      ? ctx.graph.getEdgeAttribute(s.id, "sentence")
      : `${labelOf(s.record.source)} ${s.record.type} ${labelOf(s.record.target)}`;
  };

  function inContext(record: ClaimRecord): HTMLElement {
    const quote = record.evidence.quote;
    const span = text ? locateQuote(text.text, quote, record.evidence.start, record.evidence.end) : null;
    if (!text || !span) return h("blockquote", { class: "quote" }, h("mark", { text: quote }));
    const before = text.text.slice(Math.max(0, span.start - CONTEXT_CHARS), span.start);
    const after = text.text.slice(span.end, span.end + CONTEXT_CHARS);
    return h(
      "blockquote",
      { class: "quote review-context" },
      `…${before}`,
      h("mark", { class: "evidence-mark", text: quote }),
      `${after}…`,
    );
  }

  function draw(): void {
    const accepted = done.filter((d) => d === "reviewed").length;
    counts.textContent =
      `${items.length} suggestion${items.length === 1 ? "" : "s"} left` +
      (done.length ? ` (${accepted} accepted, ${done.length - accepted} rejected here)` : "");
    current = Math.min(current, Math.max(0, items.length - 1));
    replaceChildren(
      list,
      ...items.map((s, i) =>
        h(
          "li",
          {
            class: "review-item",
            id: `review-${i}`,
            attrs: { role: "option", "aria-selected": String(i === current), [`data-${s.kind}`]: s.id },
            on: { click: () => move(i) },
          },
          h("p", { class: "review-sentence", text: sentenceOf(s) }),
          s.kind === "claim" ? inContext(s.record) : h("p", { class: "muted", text: s.record.description ?? s.id }),
          h(
            "div",
            { class: "review-actions" },
            button("Accept", "a", () => void decide(i, "reviewed")),
            button("Reject", "r", () => void decide(i, "rejected")),
            s.kind === "claim" ? button("Edit", "e", () => edit(i)) : null,
          ),
        ),
      ),
    );
    if (items.length) list.setAttribute("aria-activedescendant", `review-${current}`);
    else list.removeAttribute("aria-activedescendant");
    undo.disabled = busy;
  }

  function button(label: string, key: string, act: () => void): HTMLElement {
    return h("button", {
      class: "small-button",
      text: label,
      attrs: { type: "button", tabindex: "-1", "aria-keyshortcuts": key },
      on: {
        click: (event) => {
          event.stopPropagation();
          act();
        },
      },
    });
  }

  function move(index: number): void {
    if (!items.length) return;
    current = Math.max(0, Math.min(items.length - 1, index));
    list.querySelectorAll("[role=option]").forEach((el, i) => el.setAttribute("aria-selected", String(i === current)));
    list.setAttribute("aria-activedescendant", `review-${current}`);
    const el = list.querySelector(`#review-${current}`);
    if (el) ctx.results.reveal(el);
    const item = items[current]!;
    if (item.kind === "claim" && ctx.graph.hasEdge(item.id)) ctx.store.dispatch(showEvidence(item.id));
  }

  async function load(): Promise<void> {
    const sourceId = session.sourceId();
    if (!sourceId) return;
    loadedFor = sourceId;
    try {
      const [records, source] = await Promise.all([session.load(sourceId), ctx.data.source(sourceId)]);
      if (loadedFor !== sourceId) return;
      text = source;
      items = suggestionsOf(records);
      draw();
    } catch (error) {
      message.textContent = `Could not load the suggestions: ${errorMessage(error)}`;
    }
  }

  async function decide(index: number, verdict: Verdict): Promise<void> {
    const sourceId = session.sourceId();
    const item = items[index];
    if (!item || !sourceId || busy) return;
    busy = true;
    message.textContent = "";
    try {
      const etag = await session.etag(sourceId);
      const answer =
        item.kind === "claim"
          ? await editApi.patchClaim(sourceId, item.id, { status: verdict }, etag)
          : await editApi.patchNode(sourceId, item.id, { status: verdict }, etag);
      session.wrote(sourceId, answer.etag);
      done.push(verdict);
      current = index;
      ctx.announce(`${verdict === "reviewed" ? "Accepted" : "Rejected"}: ${sentenceOf(item)}`);
      await load();
      list.focus();
    } catch (error) {
      const problems = error instanceof ApiError ? (error.detail?.problems ?? []) : [];
      message.textContent =
        error instanceof ApiError && error.status === 409
          ? "Someone else changed this source; the list was loaded again. Try once more."
          : [errorMessage(error), ...problems.map((p) => `${p.file}:${p.line}: ${p.message}`)].join(" ");
      if (error instanceof ApiError && error.status === 409) await load();
    } finally {
      busy = false;
      draw();
    }
  }

  function edit(index: number): void {
    const sourceId = session.sourceId();
    const item = items[index];
    if (!item || !sourceId) return;
    if (item.kind === "node") {
      message.textContent = "A suggested node is accepted or rejected here; change its record in graph.yaml.";
      return;
    }
    session.openForm({ kind: "edit", sourceId, claimId: item.id, record: item.record, accept: true });
  }

  async function undoLast(): Promise<void> {
    if (busy) return;
    busy = true;
    message.textContent = "";
    try {
      const answer = await editApi.undo();
      done.pop();
      ctx.announce(`Undone: ${answer.undone.action}${answer.undone.id ? ` ${answer.undone.id}` : ""}`);
      await load();
    } catch (error) {
      message.textContent = errorMessage(error);
    } finally {
      busy = false;
      draw();
    }
  }

  list.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const actions: Record<string, () => void> = {
      j: () => move(current + 1),
      ArrowDown: () => move(current + 1),
      k: () => move(current - 1),
      ArrowUp: () => move(current - 1),
      a: () => void decide(current, "reviewed"),
      r: () => void decide(current, "rejected"),
      e: () => edit(current),
      u: () => void undoLast(),
    };
    const act = actions[event.key];
    if (!act) return;
    event.preventDefault();
    event.stopPropagation();
    act();
  });
  undo.addEventListener("click", () => void undoLast());
  chooser.addEventListener("change", () => session.chooseSource(chooser.value));
  // The list is fetched only while the tab is in front (its read needs the token, which may have to be asked for).
  session.onChange(() => {
    chooser.value = session.sourceId() ?? "";
    if (loadedFor !== session.sourceId() && ctx.results.current() === "review") void load();
  });
  // A change of the graph (an edited suggestion accepted from the form) changes the list: load it again when it
  // is in front, or when it comes forward.
  ctx.graph.on("cleared", () => {
    if (ctx.results.current() === "review") void load();
  });
  ctx.results.onShow((id) => {
    if (id === "review") void load();
  });
  chooser.value = session.sourceId() ?? "";
}

/** The source's suggested nodes and claims, in file order, each claim by the (first) edge id it makes. */
function suggestionsOf(records: EditSourceResponse): Suggestion[] {
  return [
    ...records.nodes
      .filter((n) => n.record.status === "suggested")
      .map((n): Suggestion => ({ kind: "node", id: n.id, record: n.record })),
    ...records.claims
      .filter((c) => c.record.status === "suggested" && c.ids.length > 0)
      .map((c): Suggestion => ({ kind: "claim", id: c.ids[0]!, record: c.record })),
  ];
}
