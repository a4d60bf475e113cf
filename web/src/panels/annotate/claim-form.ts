// The annotation form (the "Annotate" tab in edit mode): a passage chosen in the source reader, or a record to edit
// (a suggestion from the review queue), made into a claim: relation type with its reading, source and target (found
// or new), the type's attributes, endnotes, modality, date and review status. Saving writes the new nodes, then the
// claim, through the write API; the live graph brings it onto the canvas. A refused write shows the server's
// message beside the form and keeps every field; a 409 offers to load the source's new version.
import { anchorAt, ApiError, editApi, errorMessage } from "../../api/index.js";
import type { ClaimRecord, EdgeTypeInfo } from "../../api/index.js";
import type { AppContext } from "../../app/context.js";
import { selectEdge } from "../../actions/index.js";
import { h, replaceChildren } from "../../dom/index.js";
import type { ClaimDraft, EditSession } from "./edit-session.js";
import { sourceName } from "../shared/source-name.js";
import { nodeField, type NodeChoice } from "./node-field.js";

const MODALITIES = ["asserted", "attributed", "hedged"] as const;

/** The reading of a type with its ends named: "{source} sponsored {target}" → "China sponsored the draft". */
function readingOf(type: EdgeTypeInfo, source: string, target: string): string {
  return type.reading.replaceAll("{source}", source).replaceAll("{target}", target);
}

/** An attribute typed in as text, read as its kind says; undefined when left empty. */
function attributeValue(kind: string, text: string): unknown {
  const value = text.trim();
  if (!value) return undefined;
  if (kind === "integer" || kind === "number") return Number.isFinite(Number(value)) ? Number(value) : value;
  if (kind === "boolean") return value === "true" ? true : value === "false" ? false : value;
  if (kind === "string-list")
    return value
      .split(",")
      .map((v) => v.trim())
      .filter(Boolean);
  return value;
}

export function mountClaimForm(root: HTMLElement, ctx: AppContext, session: EditSession, show: () => void): void {
  const heading = h("h2", { class: "panel-title", text: "New claim" });
  const intro = h("p", {
    class: "muted",
    text: "Select a passage in the source reader, then press “New claim” there to make it a claim.",
  });
  const quote = h("blockquote", { class: "quote form-quote" });
  const where = h("p", { class: "muted form-where" });
  const type = h(
    "select",
    { id: "claim-type" },
    ...ctx.schema.edgeTypes
      .filter((t) => !t.provenance)
      .map((t) => h("option", { text: `${t.label} (${t.name})`, attrs: { value: t.name } })),
  );
  const reading = h("p", { class: "claim-reading", attrs: { "aria-live": "polite" } });
  const source = nodeField(ctx, "source");
  const target = nodeField(ctx, "target");
  const attributes = h("div", { class: "claim-attributes" });
  let attributeInputs: { name: string; kind: string; input: HTMLInputElement }[] = [];
  const endnotes = h("input", { id: "claim-endnotes", attrs: { type: "text", placeholder: "e.g. ii, iii" } });
  const modality = h(
    "select",
    { id: "claim-modality" },
    ...MODALITIES.map((m) => h("option", { text: m, attrs: { value: m } })),
  );
  const date = h("input", { id: "claim-date", attrs: { type: "text", placeholder: "YYYY, YYYY-MM or YYYY-MM-DD" } });
  const status = h(
    "select",
    { id: "claim-status" },
    h("option", { text: "draft", attrs: { value: "draft" } }),
    h("option", { text: "reviewed", attrs: { value: "reviewed" } }),
  );
  const save = h("button", { class: "primary", text: "Save claim", attrs: { type: "submit" } });
  const cancel = h("button", { text: "Cancel", attrs: { type: "button" } });
  const message = h("div", { class: "form-message", attrs: { role: "alert" } });
  const field = (label: string, control: HTMLElement, hint?: string): HTMLElement =>
    h(
      "div",
      { class: "field" },
      h("label", { attrs: { for: control.id }, text: label }),
      control,
      hint ? h("p", { class: "muted field-hint", text: hint }) : null,
    );
  const form = h(
    "form",
    { class: "claim-form", attrs: { "aria-labelledby": "claim-form-title", novalidate: true } },
    quote,
    where,
    field("Relation type", type),
    reading,
    source.element,
    target.element,
    attributes,
    field("Endnotes", endnotes, "The markers in or right after the passage are filled in; separate them with commas."),
    field("Modality", modality),
    field("Date", date),
    field("Status", status),
    h("div", { class: "form-actions" }, save, cancel),
    message,
  );
  heading.id = "claim-form-title";
  root.append(h("section", { class: "panel annotate" }, heading, intro, form));
  form.hidden = true;

  let draft: ClaimDraft | null = null;

  const typeInfo = (): EdgeTypeInfo => ctx.edgeTypes.get(type.value)!;
  const nameOf = (choice: NodeChoice, fallback: string): string =>
    choice.kind === "existing"
      ? ctx.graph.hasNode(choice.id)
        ? ctx.graph.getNodeAttribute(choice.id, "fullLabel")
        : choice.id
      : choice.kind === "new"
        ? choice.label
        : fallback;
  function preview(): void {
    reading.textContent = `Reads: ${readingOf(typeInfo(), nameOf(source.value(), "{source}"), nameOf(target.value(), "{target}"))}`;
  }
  /** The attributes worth a field: those the type requires or its reading names, and the qualifier and note. */
  function formAttributes(): EdgeTypeInfo["attributes"] {
    const type = typeInfo();
    const read = new Set([...type.reading.matchAll(/\{(\w+)\}/g)].map((m) => m[1]));
    return type.attributes.filter(
      (a) => a.name !== "modality" && (a.required || read.has(a.name) || a.name === "qualifier" || a.name === "note"),
    );
  }
  function drawAttributes(values: Record<string, unknown> = {}): void {
    attributeInputs = formAttributes().map((a) => {
      const input = h("input", { id: `claim-attr-${a.name}`, attrs: { type: "text" } });
      const value = values[a.name];
      if (value !== undefined) input.value = Array.isArray(value) ? value.join(", ") : String(value);
      return { name: a.name, kind: a.kind, input };
    });
    replaceChildren(
      attributes,
      ...formAttributes().map((a, i) =>
        field(`${a.name}${a.required ? " (required)" : ""}`, attributeInputs[i]!.input, a.description),
      ),
    );
  }
  type.addEventListener("change", () => {
    drawAttributes(Object.fromEntries(attributeInputs.map((a) => [a.name, a.input.value])));
    preview();
  });
  source.onChange(preview);
  target.onChange(preview);

  function say(kind: "error" | "ok", text: string, ...extra: HTMLElement[]): void {
    message.className = `form-message ${kind}`;
    replaceChildren(message, h("p", { text }), ...extra);
  }

  function open(next: ClaimDraft): void {
    draft = next;
    form.hidden = false;
    intro.hidden = true;
    replaceChildren(message);
    const read = session.sources.find((s) => s.id === next.sourceId);
    const title = read ? sourceName(ctx.graph, read) : next.sourceId;
    if (next.kind === "new") {
      heading.textContent = "New claim";
      quote.textContent = next.quote;
      where.textContent = `${title}, characters ${next.span.start}–${next.span.end}`;
      endnotes.value = next.endnotes.join(", ");
      status.value = "draft";
      save.textContent = "Save claim";
      // The ends and the type stay from the last claim: a run of claims often shares them.
      drawAttributes();
    } else {
      const r = next.record;
      heading.textContent = next.accept ? "Edit, then accept the suggestion" : "Edit the claim";
      quote.textContent = r.evidence.quote;
      where.textContent = `${title}, claim ${next.claimId}`;
      if (ctx.edgeTypes.has(r.type)) type.value = r.type;
      source.set(typeof r.source === "string" ? r.source : (r.source[0] ?? null));
      target.set(typeof r.target === "string" ? r.target : (r.target[0] ?? null));
      endnotes.value = (r.evidence.footnotes ?? []).join(", ");
      modality.value = typeof r.modality === "string" ? r.modality : "asserted";
      date.value = r.date ?? "";
      status.value = next.accept || r.status === "reviewed" ? "reviewed" : "draft";
      save.textContent = next.accept ? "Save and accept" : "Save changes";
      drawAttributes(r);
    }
    preview();
    show();
    type.focus();
  }
  session.setFormOpener(open);

  /** Writes a new node for an end that asks for one; the field then holds it, so a retry does not write it again. */
  async function writeNode(sourceId: string, choice: NodeChoice, field: typeof source): Promise<string> {
    if (choice.kind === "existing") return choice.id;
    if (choice.kind === "none") throw new Error(choice.why);
    const answer = await editApi.addNode(
      sourceId,
      {
        id: choice.id,
        type: choice.type,
        label: choice.label,
        ...(choice.description ? { description: choice.description } : {}),
      },
      await session.etag(sourceId),
    );
    session.wrote(sourceId, answer.etag);
    field.set(answer.id);
    return answer.id;
  }

  function claimFields(): Partial<ClaimRecord> {
    const fields: Record<string, unknown> = {
      type: type.value,
      modality: modality.value,
      status: status.value,
    };
    for (const a of attributeInputs) {
      const value = attributeValue(a.kind, a.input.value);
      fields[a.name] = value === undefined ? null : value;
    }
    fields.date = date.value.trim() || null;
    return fields as Partial<ClaimRecord>;
  }

  function footnotes(): string[] {
    return endnotes.value
      .split(/[,\s]+/)
      .map((m) => m.trim().toLowerCase())
      .filter(Boolean);
  }

  async function submit(): Promise<void> {
    if (!draft) return;
    const { sourceId } = draft;
    save.disabled = true;
    say("ok", "Saving…");
    try {
      for (const choice of [source.value(), target.value()]) if (choice.kind === "none") throw new Error(choice.why);
      const from = await writeNode(sourceId, source.value(), source);
      const to = await writeNode(sourceId, target.value(), target);
      let claimId: string;
      if (draft.kind === "new") {
        // A new record leaves out what is empty (a merge patch would write nulls as removals instead).
        const fields = Object.fromEntries(Object.entries(claimFields()).filter(([, v]) => v !== null));
        const text = (await ctx.data.source(sourceId)).text;
        const { start, end } = draft.span;
        const record = {
          ...fields,
          source: from,
          target: to,
          evidence: { quote: draft.quote, footnotes: footnotes(), ...anchorAt(text, start, end) },
        } as ClaimRecord;
        const answer = await editApi.addClaim(sourceId, record, await session.etag(sourceId));
        session.wrote(sourceId, answer.etag);
        claimId = answer.id;
      } else {
        const patch = { ...claimFields(), source: from, target: to, evidence: { footnotes: footnotes() } };
        const answer = await editApi.patchClaim(
          sourceId,
          draft.claimId,
          patch as Partial<ClaimRecord>,
          await session.etag(sourceId),
        );
        session.wrote(sourceId, answer.etag);
        claimId = answer.id;
      }
      say("ok", `Saved: ${claimId}. It appears on the canvas as soon as the graph is redrawn.`);
      selectWhenDrawn(claimId);
      draft = null;
      form.hidden = true;
      intro.hidden = false;
      intro.textContent = `Saved ${claimId}. Select another passage in the source reader to add the next claim.`;
      window.getSelection()?.removeAllRanges();
    } catch (error) {
      refused(error, sourceId);
    } finally {
      save.disabled = false;
    }
  }

  function refused(error: unknown, sourceId: string): void {
    if (error instanceof ApiError && error.status === 409) {
      const reload = h("button", {
        text: "Load the new version",
        attrs: { type: "button" },
        on: {
          click: () =>
            void session
              .load(sourceId)
              .then(() => say("ok", "Loaded the source's new version; your input is kept. Save again."))
              .catch((e) => say("error", `Could not load the source: ${errorMessage(e)}`)),
        },
      });
      say("error", "Someone else changed this source since you loaded it; nothing was written.", reload);
      return;
    }
    const problems = error instanceof ApiError ? (error.detail?.problems ?? []) : [];
    // The loader's problems are listed one by one under the message's first line.
    say(
      "error",
      problems.length ? errorMessage(error).split("\n")[0]! : errorMessage(error),
      ...(problems.length
        ? [h("ul", {}, ...problems.map((p) => h("li", { text: `${p.file}:${p.line}: ${p.message}` })))]
        : []),
    );
  }

  /** Selects the claim once the live graph has drawn it. */
  function selectWhenDrawn(id: string): void {
    if (ctx.graph.hasEdge(id)) return void ctx.store.dispatch(selectEdge(id));
    const stop = ctx.store.subscribe(() => {
      if (!ctx.graph.hasEdge(id)) return;
      stop();
      ctx.store.dispatch(selectEdge(id));
    });
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void submit();
  });
  cancel.addEventListener("click", () => {
    draft = null;
    form.hidden = true;
    intro.hidden = false;
    replaceChildren(message);
  });
  drawAttributes();
  preview();
}
