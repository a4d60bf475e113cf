// A source folder's YAML files opened for editing (review, check; the edit API next): the yaml library's document
// API changes only the records touched, so a reviewed change is a small git diff. Every save is checked whole by the
// loader first and written by renaming a temporary file, so a failed check or a crash leaves the file as it was.
import { randomBytes } from "node:crypto";
import { readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type YAMLMap } from "yaml";
import type { ReviewStatus } from "../schema/review-status";
import { loadDataset } from "../data";
import { RightsGraphError } from "../errors";
import { YAML_OUTPUT } from "./yaml-style";

/** A source that is not in the data folder, or a record that is not in it. */
export class SourceEditError extends RightsGraphError {
  constructor(message: string) {
    super("not-found", message);
  }
}

/** One YAML file of a source, parsed with line numbers. */
export interface OpenFile {
  /** Path inside the data folder (`sources/x/graph.yaml`). */
  rel: string;
  doc: Document;
  lines: LineCounter;
}

/** A node or edge record of graph.yaml, with its place. */
export interface RecordRef {
  kind: "node" | "edge";
  /** Position in the file among all records, from 1: the number `review` lists it by. */
  number: number;
  map: YAMLMap;
  id: string | undefined;
}

/** Opens `sources/<id>/<name>` of `dataDir`. */
export async function openSourceFile(dataDir: string, sourceId: string, name: string): Promise<OpenFile> {
  const rel = `sources/${sourceId}/${name}`;
  const text = await readFile(path.join(dataDir, rel), "utf8").catch(() => {
    throw new SourceEditError(`no ${rel} in ${dataDir}`);
  });
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, keepSourceTokens: false });
  if (doc.errors.length > 0) throw new SourceEditError(`${rel} does not parse: ${doc.errors[0]!.message}`);
  return { rel, doc, lines };
}

/** The line a YAML node starts on (1-based). */
export function lineOf(file: OpenFile, node: { range?: [number, number, number] | null } | null | undefined): number {
  return node?.range ? file.lines.linePos(node.range[0]).line : 1;
}

/** Every node and edge record of a graph.yaml, numbered in file order. */
export function recordsOf(file: OpenFile): RecordRef[] {
  const records: RecordRef[] = [];
  for (const kind of ["node", "edge"] as const) {
    const list = file.doc.get(`${kind}s`, true);
    if (!isSeq(list)) continue;
    for (const item of list.items) {
      if (!isMap(item)) continue;
      const id = item.get("id");
      records.push({ kind, number: records.length + 1, map: item, id: typeof id === "string" ? id : undefined });
    }
  }
  return records;
}

/** Sets a record's status, keeping `status` right after `id` as ingest writes it. */
export function setStatus(file: OpenFile, map: YAMLMap, status: ReviewStatus): void {
  if (map.has("status")) map.set("status", status);
  else {
    const pair = file.doc.createPair("status", status);
    const at = map.items.findIndex((p) => isScalar(p.key) && p.key.value === "id");
    map.items.splice(at + 1, 0, pair);
  }
}

/**
 * Saves edited files (style the records changed with styleDocument first): the whole data folder is loaded with their new texts first (a DataError lists every problem
 * and nothing is written), then each file is replaced by a rename.
 */
export async function saveSourceFiles(dataDir: string, files: OpenFile[]): Promise<void> {
  const texts = new Map(files.map((f) => [f.rel, f.doc.toString(YAML_OUTPUT)] as const));
  await loadDataset(dataDir, { suggestions: true, overrides: texts });
  for (const [rel, text] of texts) {
    const target = path.join(dataDir, rel);
    const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString("hex")}`);
    try {
      await writeFile(temporary, text, { flag: "wx" });
      await rename(temporary, target);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }
}
