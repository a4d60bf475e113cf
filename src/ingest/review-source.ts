// Review from the terminal: list a source's suggestions; accept (suggested -> draft), reject, mark reviewed (draft ->
// reviewed) or edit records by id or number. A status change carries what it needs with it (accepting a claim
// accepts its suggested ends and the source's document; rejecting a node rejects the claims that name it), so the
// folder stays valid; every write goes through the loader's checks (source-files.ts).
import { isMap, isScalar, isSeq, type YAMLMap, type YAMLSeq } from "yaml";
import type { ReviewStatus } from "../schema/review-status";
import type { Schema } from "../schema/types";
import { anchorAt } from "./evidence-anchor";
import {
  openSourceFile,
  recordsOf,
  saveSourceFiles,
  setStatus,
  SourceEditError,
  type OpenFile,
  type RecordRef,
} from "./source-files";
import { styleDocument } from "./yaml-style";
import { readFile } from "node:fs/promises";
import path from "node:path";

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

const statusOf = (map: YAMLMap): ReviewStatus => (map.get("status") as ReviewStatus | undefined) ?? "reviewed";
const text = (map: YAMLMap, key: string): string | undefined => {
  const value = map.get(key);
  return typeof value === "string" ? value : undefined;
};

/** The records of a source's graph.yaml as review lists them, with the labels of the nodes it names. */
export function reviewItems(file: OpenFile, schema: Schema, labels: ReadonlyMap<string, string>): ReviewItem[] {
  const records = recordsOf(file);
  const ownLabels = new Map(records.filter((r) => r.kind === "node" && r.id).map((r) => [r.id!, text(r.map, "label")]));
  const labelOf = (id: string) => ownLabels.get(id) ?? labels.get(id) ?? id;
  return records
    .filter((r) => r.id !== undefined)
    .map((r) => {
      const type = text(r.map, "type") ?? "";
      const evidence = r.map.get("evidence");
      const base = {
        number: r.number,
        id: r.id!,
        kind: r.kind,
        status: statusOf(r.map),
        type,
        ...(text(r.map, "rule") ? { rule: text(r.map, "rule") } : {}),
        ...(text(r.map, "review_note") ? { note: text(r.map, "review_note") } : {}),
      };
      if (r.kind === "node") return { ...base, sentence: `${labelOf(r.id!)} (${type})` };
      const reading = schema.edgeTypes.get(type)?.reading ?? `{source} ${type} {target}`;
      const sentence = reading.replace(/\{(\w+)\}/g, (_, slot: string) =>
        slot === "source" || slot === "target"
          ? labelOf(String(r.map.get(slot)))
          : String(r.map.get(slot) ?? `{${slot}}`),
      );
      return {
        ...base,
        sentence,
        ...(isMap(evidence)
          ? {
              quote: String(evidence.get("quote")),
              footnotes: ((evidence.get("footnotes") as YAMLSeq | undefined)?.items ?? []).map((i) =>
                String(isScalar(i) ? i.value : i),
              ),
            }
          : {}),
      };
    });
}

/** The records named by `refs` (ids, or numbers as `review` lists them); an unknown one is an error naming it. */
export function findRecords(file: OpenFile, refs: string[]): RecordRef[] {
  const records = recordsOf(file);
  return refs.map((ref) => {
    const found = /^\d+$/.test(ref) ? records.find((r) => r.number === Number(ref)) : records.find((r) => r.id === ref);
    if (!found) throw new SourceEditError(`review: no record "${ref}" in ${file.rel}`);
    return found;
  });
}

/**
 * Applies `action` to `targets` and to what it carries with it; returns every record changed, by id.
 * accept: suggested -> draft (a claim's suggested ends and the source document too); reject: -> rejected (a node's
 * claims too); mark-reviewed: draft or suggested -> reviewed (a claim's ends and the document, when not reviewed).
 */
export function applyReview(file: OpenFile, targets: RecordRef[], action: ReviewAction, documentId: string): string[] {
  const records = recordsOf(file);
  const byId = new Map(records.filter((r) => r.id).map((r) => [r.id!, r]));
  const changed = new Set<string>();
  const set = (r: RecordRef, status: ReviewStatus) => {
    if (statusOf(r.map) === status) return;
    setStatus(file, r.map, status);
    changed.add(r.id ?? `#${r.number}`);
  };
  const raise = (id: string, to: ReviewStatus) => {
    const r = byId.get(id);
    if (!r) return;
    const now = statusOf(r.map);
    if (now === "rejected") return;
    if (to === "draft" ? now === "suggested" : now !== "reviewed") set(r, to);
  };
  for (const r of targets) {
    if (action === "reject") {
      set(r, "rejected");
      if (r.kind === "node")
        for (const e of records)
          if (e.kind === "edge" && [e.map.get("source"), e.map.get("target")].flat().includes(r.id)) set(e, "rejected");
      continue;
    }
    const to: ReviewStatus = action === "accept" ? "draft" : "reviewed";
    if (action === "accept" && statusOf(r.map) !== "suggested" && statusOf(r.map) !== "rejected") continue;
    set(r, to);
    if (r.kind === "edge") {
      for (const end of ["source", "target"]) for (const id of [r.map.get(end)].flat()) raise(String(id), to);
      raise(documentId, to);
    }
  }
  for (const r of targets) styleDocument(r.map);
  return [...changed];
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
 * Edits a claim: the fields given replace its own; a new quote is anchored in the source text (its first occurrence).
 * An edited suggestion becomes draft: a person has looked at it.
 */
export function applyEdit(file: OpenFile, record: RecordRef, edit: ClaimEdit, sourceText: string): void {
  if (record.kind !== "edge") throw new SourceEditError(`review edit: "${record.id}" is a node; edit changes claims`);
  const { map } = record;
  const node = (value: unknown) => file.doc.createNode(value);
  for (const key of ["type", "source", "target", "date"] as const)
    if (edit[key] !== undefined) map.set(key, node(edit[key]));
  let evidence = map.get("evidence");
  if (!isMap(evidence)) {
    map.set("evidence", file.doc.createNode({ quote: "", footnotes: [] }));
    evidence = map.get("evidence") as YAMLMap;
  }
  const ev = evidence as YAMLMap;
  if (edit.footnotes !== undefined) ev.set("footnotes", node(edit.footnotes));
  if (edit.quote !== undefined) {
    ev.set("quote", node(edit.quote));
    const start = sourceText.indexOf(edit.quote);
    // A quote not in the text keeps no anchor: the loader reports it, with the closest passage, and nothing is saved.
    for (const key of ["prefix", "suffix", "start", "end"]) ev.delete(key);
    if (start >= 0)
      for (const [key, value] of Object.entries(anchorAt(sourceText, start, start + edit.quote.length)))
        ev.set(key, node(value));
  }
  if (statusOf(map) === "suggested") setStatus(file, map, "draft");
  const footnotes = ev.get("footnotes");
  if (isSeq(footnotes)) footnotes.flow = true;
  styleDocument(map);
}

/** Opens a source's graph.yaml with the id of its document (from source.yaml) and its text. */
export async function openForReview(
  dataDir: string,
  sourceId: string,
): Promise<{ graph: OpenFile; documentId: string; sourceText: string }> {
  const source = await openSourceFile(dataDir, sourceId, "source.yaml");
  const graph = await openSourceFile(dataDir, sourceId, "graph.yaml");
  const textName = String(source.doc.get("text") ?? "source.txt");
  const sourceText = (await readFile(path.join(dataDir, "sources", sourceId, path.basename(textName)), "utf8")).replace(
    /\r\n/g,
    "\n",
  );
  return { graph, documentId: String(source.doc.get("document")), sourceText };
}

export { saveSourceFiles };
