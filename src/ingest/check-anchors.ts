// `rightsgraph check`: every anchored quote of every source held to its text as it is now. A claim's quote found
// elsewhere (moved) or only approximately (fuzzy: the text's words there replace the quote) is re-anchored and
// marked for review: a draft or reviewed claim goes back to draft with a note, a suggestion stays a suggestion.
// The endnotes' citation quotes in source.yaml (the citation as printed, without offsets) are held to the text the
// same way: one no longer printed as it was takes the text's words when found approximately. A quote not found at
// all is a located problem. With `write`, the files change only when every quote is found, through the record
// writer (one write for every file, logged, undoable).
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { isMap, LineCounter, parseDocument } from "yaml";
import { textSha256 } from "../data/check-source";
import { patchRecords, recordSpans, setTopLevel, type FileEdit, type RecordPatch } from "../edit";
import { RightsGraphError, type Problem } from "../errors";
import { anchorAt } from "./evidence-anchor";
import { reanchor } from "./reanchor";
import { applyPatches, recordsOf, type RecordPatches } from "./review-source";
import { commandAuthor, openWriter } from "./source-writer";

/** One quote that moved or changed, as `check` reports it. */
export interface AnchorChange {
  file: string;
  line: number;
  id: string;
  kind: "moved" | "fuzzy";
  message: string;
}

export interface CheckResult {
  /** Quotes checked, in all sources: claims' anchored quotes and citations' quotes. */
  checked: number;
  changes: AnchorChange[];
  /** Quotes that cannot be found, and texts whose SHA-256 is not the recorded one. */
  problems: Problem[];
  /** Sources whose text is not the one their quotes were anchored in. */
  staleTexts: string[];
  written: boolean;
}

const shorten = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}...` : s);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

const readOptional = (file: string) =>
  readFile(file, "utf8").catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return null;
    throw error;
  });

/** A change made only to the text it was computed from: a file changed since is refused, not patched blindly. */
function onlyFrom(sourceId: string, name: FileEdit["name"], read: string, next: string): FileEdit {
  return {
    sourceId,
    name,
    change: (text) => {
      if (text !== read)
        throw new RightsGraphError("edit-conflict", `check: sources/${sourceId}/${name} changed meanwhile; run again`);
      return next;
    },
  };
}

/** The claims of one graph.yaml held to `text`: their patches, changes and problems added to `result`. */
function checkClaims(text: string, textName: string, graphText: string, file: string, result: CheckResult) {
  const patches: RecordPatches = new Map();
  for (const record of recordsOf(graphText)) {
    const evidence = record.value.evidence;
    if (record.kind !== "edge" || !isObject(evidence)) continue;
    const quote = evidence.quote;
    if (typeof quote !== "string") continue;
    const start = evidence.start;
    // Hand-written evidence without offsets is the loader's to check (the verbatim rule), not check's.
    if (typeof start !== "number" && text.includes(quote)) continue;
    result.checked++;
    const found = reanchor(text, {
      quote,
      ...(typeof start === "number" ? { start } : {}),
      prefix: String(evidence.prefix ?? ""),
      suffix: String(evidence.suffix ?? ""),
    });
    const name = record.id ?? `record ${record.number}`;
    if (found.kind === "lost") {
      result.problems.push({
        file,
        line: record.line,
        code: "quote-not-found",
        message: `${name}: quote “${shorten(quote)}” is no longer in ${textName}, not even approximately`,
        hint: "fix the quote (rightsgraph review ... edit --quote) or reject the claim",
      });
      continue;
    }
    const anchor = anchorAt(text, found.start, found.end);
    const same = (["prefix", "suffix", "start", "end"] as const).every((k) => evidence[k] === anchor[k]);
    if (found.kind === "current" && same) continue;
    const patch: Record<string, unknown> = {
      evidence: { ...(found.kind === "fuzzy" ? { quote: found.quote } : {}), ...anchor },
    };
    patches.set(record.number, { ref: record, patch });
    if (found.kind === "current") continue;
    const message =
      found.kind === "moved"
        ? `quote moved from ${String(start ?? "?")} to ${found.start}`
        : `quote changed to match the text (${found.errors} edit(s)): was “${quote}”`;
    // A moved or changed quote needs a person's eyes: a shown claim goes back to draft; the note says why.
    const status = record.value.status;
    if (status !== "suggested" && status !== "rejected") patch.status = "draft";
    patch.review_note = `check: ${message}`;
    result.changes.push({ file, line: record.line, id: name, kind: found.kind, message });
  }
  return patches;
}

/**
 * The citations of one source.yaml held to `text`: a citation printed as it was stays; one found approximately
 * takes the text's words (reported as fuzzy); one found nowhere is a problem. Answers the new source.yaml text.
 */
function checkCitations(text: string, textName: string, sourceYaml: string, file: string, result: CheckResult) {
  const lines = new LineCounter();
  const doc = parseDocument(sourceYaml, { lineCounter: lines, keepSourceTokens: false });
  const patches: RecordPatch[] = [];
  const notes = recordSpans(sourceYaml, "endnotes");
  // The passages the citations still printed as they were hold: another citation's fuzzy match may not take them.
  const taken: [number, number][] = [];
  for (const note of notes)
    for (const citation of Array.isArray(note.value.citations) ? (note.value.citations as unknown[]) : []) {
      const at = isObject(citation) && typeof citation.quote === "string" ? text.indexOf(citation.quote) : -1;
      if (at >= 0) taken.push([at, at + (citation as { quote: string }).quote.length]);
    }
  for (const note of notes) {
    const citations = Array.isArray(note.value.citations) ? (note.value.citations as unknown[]) : [];
    let changed = false;
    const next = citations.map((citation, i) => {
      if (!isObject(citation) || typeof citation.quote !== "string" || citation.quote === "") return citation;
      const quote = citation.quote;
      result.checked++;
      if (text.includes(quote)) return citation;
      const node = doc.getIn(["endnotes", note.index, "citations", i], true);
      const line = isMap(node) && node.range ? lines.linePos(node.range[0]).line : note.line;
      const name = `endnote ${String(note.value.marker)}, citation ${i + 1}`;
      const found = reanchor(text, { quote }, taken);
      if (found.kind !== "fuzzy") {
        result.problems.push({
          file,
          line,
          code: "quote-not-found",
          message: `${name}: quote “${shorten(quote)}” is no longer in ${textName}, not even approximately`,
          hint: "write the citation as the text now prints it",
        });
        return citation;
      }
      changed = true;
      const message = `citation changed to match the text (${found.errors} edit(s)): was “${quote}”`;
      result.changes.push({ file, line, id: name, kind: "fuzzy", message });
      return { ...citation, quote: found.quote };
    });
    if (changed) patches.push({ section: "endnotes", index: note.index, patch: { citations: next } });
  }
  return patchRecords(sourceYaml, patches);
}

/** Checks (and with `write`, re-anchors) the quotes of every source in `dataDir`. */
export async function checkAnchors(dataDir: string, write: boolean): Promise<CheckResult> {
  const result: CheckResult = { checked: 0, changes: [], problems: [], staleTexts: [], written: false };
  const dirs = (await readdir(path.join(dataDir, "sources"), { withFileTypes: true }).catch(() => []))
    .filter((d) => d.isDirectory() && !d.name.startsWith("."))
    .map((d) => d.name)
    .sort();
  const edits: FileEdit[] = [];
  for (const id of dirs) {
    const folder = path.join(dataDir, "sources", id);
    const sourceYaml = await readOptional(path.join(folder, "source.yaml"));
    if (sourceYaml === null) continue;
    const meta = parseDocument(sourceYaml);
    const textName = path.basename(String(meta.get("text") ?? "source.txt"));
    const text = (await readFile(path.join(folder, textName), "utf8")).replace(/\r\n/g, "\n");
    const sha = textSha256(text);
    const recorded = meta.get("sha256");
    const stale = typeof recorded === "string" && recorded !== sha;
    if (stale) result.staleTexts.push(id);
    const graphText = await readOptional(path.join(folder, "graph.yaml"));
    const patches =
      graphText === null ? new Map() : checkClaims(text, textName, graphText, `sources/${id}/graph.yaml`, result);
    if (patches.size > 0) edits.push(onlyFrom(id, "graph.yaml", graphText!, applyPatches(graphText!, patches)));
    let nextSource = checkCitations(text, textName, sourceYaml, `sources/${id}/source.yaml`, result);
    if (stale || (recorded === undefined && patches.size > 0))
      nextSource = setTopLevel(nextSource, "sha256", sha, ["endnotes"]);
    if (nextSource !== sourceYaml) edits.push(onlyFrom(id, "source.yaml", sourceYaml, nextSource));
  }
  if (write && result.problems.length === 0 && edits.length > 0) {
    const written = await openWriter(dataDir).changeFiles(edits, commandAuthor("check"), {
      action: "check-anchors",
      sourceId: edits[0]!.sourceId,
    });
    result.written = written.length > 0;
  }
  return result;
}
