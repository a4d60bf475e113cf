// `rightsgraph check`: every anchored quote of every source held to its text as it is now. A quote found elsewhere
// (moved) or only approximately (fuzzy: the text's words there replace the quote) is re-anchored and marked for
// review: a draft or reviewed claim goes back to draft with a note, a suggestion stays a suggestion. A quote not
// found at all is a located problem. With `write`, the files change only when every quote is found.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { isMap, type YAMLMap } from "yaml";
import { textSha256 } from "../data/check-source";
import type { Problem } from "../errors";
import { anchorAt } from "./evidence-anchor";
import { reanchor } from "./reanchor";
import { lineOf, openSourceFile, recordsOf, saveSourceFiles, setStatus, type OpenFile } from "./source-files";
import { styleDocument } from "./yaml-style";

/** One quote that moved or changed, as `check` reports it. */
export interface AnchorChange {
  file: string;
  line: number;
  id: string;
  kind: "moved" | "fuzzy";
  message: string;
}

export interface CheckResult {
  /** Quotes checked, in all sources. */
  checked: number;
  changes: AnchorChange[];
  /** Quotes that cannot be found, and texts whose SHA-256 is not the recorded one. */
  problems: Problem[];
  /** Sources whose text is not the one their quotes were anchored in. */
  staleTexts: string[];
  written: boolean;
}

const shorten = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}...` : s);

/** Checks (and with `write`, re-anchors) the quotes of every source in `dataDir`. */
export async function checkAnchors(dataDir: string, write: boolean): Promise<CheckResult> {
  const result: CheckResult = { checked: 0, changes: [], problems: [], staleTexts: [], written: false };
  const dirs = (await readdir(path.join(dataDir, "sources"), { withFileTypes: true }).catch(() => []))
    .filter((d) => d.isDirectory() && !d.name.startsWith("."))
    .map((d) => d.name)
    .sort();
  const edited: OpenFile[] = [];
  for (const id of dirs) {
    const source = await openSourceFile(dataDir, id, "source.yaml");
    const textName = path.basename(String(source.doc.get("text") ?? "source.txt"));
    const text = (await readFile(path.join(dataDir, "sources", id, textName), "utf8")).replace(/\r\n/g, "\n");
    const sha = textSha256(text);
    const recorded = source.doc.get("sha256");
    const stale = typeof recorded === "string" && recorded !== sha;
    if (stale) result.staleTexts.push(id);
    const graph = await openSourceFile(dataDir, id, "graph.yaml").catch(() => undefined);
    let changed = false;
    for (const record of graph ? recordsOf(graph) : []) {
      const evidence = record.map.get("evidence");
      if (record.kind !== "edge" || !isMap(evidence)) continue;
      const quote = evidence.get("quote");
      if (typeof quote !== "string") continue;
      const start = evidence.get("start");
      // Hand-written evidence without offsets is the loader's to check (the verbatim rule), not check's.
      if (typeof start !== "number" && text.includes(quote)) continue;
      result.checked++;
      const found = reanchor(text, {
        quote,
        ...(typeof start === "number" ? { start } : {}),
        prefix: String(evidence.get("prefix") ?? ""),
        suffix: String(evidence.get("suffix") ?? ""),
      });
      const line = lineOf(graph!, record.map);
      const file = graph!.rel;
      const name = record.id ?? `record ${record.number}`;
      if (found.kind === "lost") {
        result.problems.push({
          file,
          line,
          code: "quote-not-found",
          message: `${name}: quote “${shorten(quote)}” is no longer in ${textName}, not even approximately`,
          hint: "fix the quote (rightsgraph review ... edit --quote) or reject the claim",
        });
        continue;
      }
      const anchor = anchorAt(text, found.start, found.end);
      const same = ["prefix", "suffix", "start", "end"].every(
        (k) => evidence.get(k) === anchor[k as keyof typeof anchor],
      );
      if (found.kind === "current" && same) continue;
      changed = true;
      if (found.kind === "fuzzy") evidence.set("quote", graph!.doc.createNode(found.quote));
      for (const [key, value] of Object.entries(anchor)) evidence.set(key, graph!.doc.createNode(value));
      if (found.kind === "current") continue;
      const message =
        found.kind === "moved"
          ? `quote moved from ${String(start ?? "?")} to ${found.start}`
          : `quote changed to match the text (${found.errors} edit(s)): was “${quote}”`;
      markForReview(graph!, record.map, `check: ${message}`);
      result.changes.push({ file, line, id: name, kind: found.kind, message });
    }
    if (changed && graph) edited.push(graph);
    if (stale || (recorded === undefined && changed)) {
      source.doc.set("sha256", sha);
      edited.push(source);
    }
  }
  if (write && result.problems.length === 0 && edited.length > 0) {
    await saveSourceFiles(dataDir, edited);
    result.written = true;
  }
  return result;
}

/** A moved or changed quote needs a person's eyes: a shown claim goes back to draft; the note says why. */
function markForReview(file: OpenFile, map: YAMLMap, note: string): void {
  const status = map.get("status");
  if (status !== "suggested" && status !== "rejected") setStatus(file, map, "draft");
  map.set("review_note", file.doc.createNode(note));
  styleDocument(map);
}
