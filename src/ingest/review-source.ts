// Review from the terminal: list a source's suggestions; accept (suggested -> draft), reject, mark reviewed (draft ->
// reviewed) or edit records by id or number. A status change carries what it needs with it (accepting a claim
// accepts its suggested ends and the source's document; rejecting a node rejects the claims that name it), so the
// folder stays valid. The changes are merge patches of the records, written by the edit layer's record writer
// (source-writer.ts): checked by the loader, logged, undoable, and only the records' changed lines rewritten.
import { patchRecords, recordSpans, type RecordSection } from "../edit";
import { RightsGraphError } from "../errors";
import type { ReviewStatus } from "../schema/review-status";
import type { Schema } from "../schema/types";
import { anchorAt } from "./evidence-anchor";

export type ReviewAction = "accept" | "reject" | "mark-reviewed";

/** A record as `review` lists it. */
export interface ReviewItem {
  number: number;
  id: string;
  kind: "node" | "edge";
  status: ReviewStatus;
  type: string;
  /** An edge's sentence (its type's reading with the ends filled in), or a node's label. */
  sentence: string;
  quote?: string;
  footnotes?: string[];
  rule?: string;
  note?: string;
}

/** A node or edge record of graph.yaml, with its place. */
export interface RecordRef {
  kind: "node" | "edge";
  section: RecordSection;
  /** Position in its section, from 0. */
  index: number;
  /** Position in the file among all records, from 1: the number `review` lists it by. */
  number: number;
  value: Record<string, unknown>;
  id: string | undefined;
  /** Line of the record's first key (1-based). */
  line: number;
}

/** A source, or a record, that is not in the data folder. */
export class SourceEditError extends RightsGraphError {
  constructor(message: string) {
    super("not-found", message);
  }
}

/** Every node and edge record of a graph.yaml text, numbered in file order. */
export function recordsOf(text: string): RecordRef[] {
  const records: RecordRef[] = [];
  for (const [kind, section] of [
    ["node", "nodes"],
    ["edge", "edges"],
  ] as const)
    for (const span of recordSpans(text, section)) {
      const id = span.value.id;
      records.push({
        kind,
        section,
        index: span.index,
        number: records.length + 1,
        value: span.value,
        id: typeof id === "string" ? id : undefined,
        line: span.line,
      });
    }
  return records;
}

const statusOf = (value: Record<string, unknown>): ReviewStatus =>
  (value.status as ReviewStatus | undefined) ?? "reviewed";
const textOf = (value: Record<string, unknown>, key: string): string | undefined => {
  const v = value[key];
  return typeof v === "string" ? v : undefined;
};
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The records of a source's graph.yaml as review lists them, with the labels of the nodes it names. */
export function reviewItems(records: RecordRef[], schema: Schema, labels: ReadonlyMap<string, string>): ReviewItem[] {
  const ownLabels = new Map(
    records.filter((r) => r.kind === "node" && r.id).map((r) => [r.id!, textOf(r.value, "label")]),
  );
  const labelOf = (id: string) => ownLabels.get(id) ?? labels.get(id) ?? id;
  return records
    .filter((r) => r.id !== undefined)
    .map((r) => {
      const type = textOf(r.value, "type") ?? "";
      const evidence = r.value.evidence;
      const base = {
        number: r.number,
        id: r.id!,
        kind: r.kind,
        status: statusOf(r.value),
        type,
        ...(textOf(r.value, "rule") ? { rule: textOf(r.value, "rule") } : {}),
        ...(textOf(r.value, "review_note") ? { note: textOf(r.value, "review_note") } : {}),
      };
      if (r.kind === "node") return { ...base, sentence: `${labelOf(r.id!)} (${type})` };
      const reading = schema.edgeTypes.get(type)?.reading ?? `{source} ${type} {target}`;
      const sentence = reading.replace(/\{(\w+)\}/g, (_, slot: string) =>
        slot === "source" || slot === "target" ? labelOf(String(r.value[slot])) : String(r.value[slot] ?? `{${slot}}`),
      );
      return {
        ...base,
        sentence,
        ...(isObject(evidence)
          ? {
              quote: String(evidence.quote),
              footnotes: (Array.isArray(evidence.footnotes) ? evidence.footnotes : []).map(String),
            }
          : {}),
      };
    });
}

/** The records named by `refs` (ids, or numbers as `review` lists them); an unknown one is an error naming it. */
export function findRecords(records: RecordRef[], refs: string[], file: string): RecordRef[] {
  return refs.map((ref) => {
    const found = /^\d+$/.test(ref) ? records.find((r) => r.number === Number(ref)) : records.find((r) => r.id === ref);
    if (!found) throw new SourceEditError(`review: no record "${ref}" in ${file}`);
    return found;
  });
}

/** Merge patches of records, by record number, applied to a graph.yaml text in one go. */
export type RecordPatches = Map<number, { ref: RecordRef; patch: Record<string, unknown> }>;

/** The text with every patch applied, each record spliced in its place. */
export function applyPatches(text: string, patches: RecordPatches): string {
  return patchRecords(
    text,
    [...patches.values()].map(({ ref, patch }) => ({ section: ref.section, index: ref.index, patch })),
  );
}

/**
 * The patches `action` makes of `targets` and of what it carries with it, and every record changed, by id.
 * accept: suggested -> draft (a claim's suggested ends and the source document too); reject: -> rejected (a node's
 * claims too); mark-reviewed: draft or suggested -> reviewed (a claim's ends and the document, when not reviewed).
 */
export function reviewPatches(
  records: RecordRef[],
  targets: RecordRef[],
  action: ReviewAction,
  documentId: string,
): { patches: RecordPatches; changed: string[] } {
  const byId = new Map(records.filter((r) => r.id).map((r) => [r.id!, r]));
  const patches: RecordPatches = new Map();
  const changed: string[] = [];
  const now = (r: RecordRef) => (patches.get(r.number)?.patch.status as ReviewStatus | undefined) ?? statusOf(r.value);
  const set = (r: RecordRef, status: ReviewStatus) => {
    if (now(r) === status) return;
    patches.set(r.number, { ref: r, patch: { status } });
    changed.push(r.id ?? `#${r.number}`);
  };
  const raise = (id: string, to: ReviewStatus) => {
    const r = byId.get(id);
    if (!r) return;
    const status = now(r);
    if (status === "rejected") return;
    if (to === "draft" ? status === "suggested" : status !== "reviewed") set(r, to);
  };
  for (const r of targets) {
    if (action === "reject") {
      set(r, "rejected");
      if (r.kind === "node")
        for (const e of records)
          if (e.kind === "edge" && [e.value.source, e.value.target].flat().includes(r.id)) set(e, "rejected");
      continue;
    }
    const to: ReviewStatus = action === "accept" ? "draft" : "reviewed";
    if (action === "accept" && now(r) !== "suggested" && now(r) !== "rejected") continue;
    set(r, to);
    if (r.kind === "edge") {
      for (const end of ["source", "target"]) for (const id of [r.value[end]].flat()) raise(String(id), to);
      raise(documentId, to);
    }
  }
  return { patches, changed };
}

/** What `review edit` may change on a claim. */
export interface ClaimEdit {
  type?: string;
  source?: string;
  target?: string;
  quote?: string;
  footnotes?: string[];
  date?: string;
}

/**
 * The patch of a claim edit: the fields given replace its own; a new quote is anchored in the source text (its
 * first occurrence; one not in the text keeps no anchor, and the loader refuses it with the closest passage).
 * An edited suggestion becomes draft: a person has looked at it.
 */
export function editPatch(record: RecordRef, edit: ClaimEdit, sourceText: string): Record<string, unknown> {
  if (record.kind !== "edge") throw new SourceEditError(`review edit: "${record.id}" is a node; edit changes claims`);
  const patch: Record<string, unknown> = {};
  for (const key of ["type", "source", "target", "date"] as const) if (edit[key] !== undefined) patch[key] = edit[key];
  const evidence: Record<string, unknown> = isObject(record.value.evidence) ? {} : { quote: "", footnotes: [] };
  if (edit.footnotes !== undefined) evidence.footnotes = edit.footnotes;
  if (edit.quote !== undefined) {
    evidence.quote = edit.quote;
    const start = sourceText.indexOf(edit.quote);
    Object.assign(
      evidence,
      start >= 0
        ? anchorAt(sourceText, start, start + edit.quote.length)
        : { prefix: null, suffix: null, start: null, end: null },
    );
  }
  if (Object.keys(evidence).length > 0) patch.evidence = evidence;
  if (statusOf(record.value) === "suggested") patch.status = "draft";
  return patch;
}
