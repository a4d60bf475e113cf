// Reads and checks one source folder's source.yaml (its metadata and endnotes) and its text.
import { createHash } from "node:crypto";
import type { Citation, Endnote, SourceRecord } from "../schema/types";
import { isHttpUrl } from "./check-attribute";
import { RecordChecker, type CheckContext, type SourceText } from "./check-records";
import {
  CONTROL_CHARACTER,
  CONTROL_CHARACTER_HINT,
  codePointName,
  countControlCharacters,
  firstControlCharacter,
} from "./control-characters";
import type { DataFolder } from "./data-folder";
import { normaliseEndnoteMarker } from "./endnote-marker";
import type { LocatedRecord, YamlFile } from "./located-record";
import { isMapping, own } from "./plain-data";

const SOURCE_FIELDS = new Set([
  "id",
  "text",
  "document",
  "title",
  "date",
  "url",
  "language",
  "publisher",
  "publisher_verified",
  "publisher_note",
  "notes",
  "endnotes",
  "sha256",
]);

const CITATION_FIELDS = new Set(["document", "quote", "locator"]);

/** One citation of an endnote, with the record it was read from (for reference problems). */
export interface CitationDraft extends Citation {
  marker: string;
  record: LocatedRecord;
}

/** A checked source: its record with the text as the checks see it, and its citations as read. */
export interface SourceDraft extends Omit<SourceRecord, "id" | "text"> {
  text: SourceText;
  record: LocatedRecord;
  citations: CitationDraft[];
}

/** A file name without a folder: `source.txt`, never `../x`, `/etc/x` or `sub/x` (nor a control character). */
function isPlainFileName(name: string): boolean {
  return name !== "." && name !== ".." && !/[/\\]/.test(name) && !firstControlCharacter(name);
}

/**
 * A source text as quotes are checked against it and as it is served: CRLF line ends read as LF, since a quote in
 * YAML or JSON cannot hold a CR (YAML reads its own line breaks as LF, and CR is a control character), so a quote
 * spanning a line break could never match otherwise; evidence offsets index this text. Any other control character,
 * a lone CR included, is a problem at its line.
 */
function sourceTextOf(raw: string, file: string, ctx: CheckContext): string {
  const text = raw.includes("\r\n") ? raw.replaceAll("\r\n", "\n") : raw;
  const found = CONTROL_CHARACTER.exec(text);
  if (found) {
    const count = countControlCharacters(text);
    ctx.problems.push({
      file,
      line: text.slice(0, found.index).split("\n").length,
      code: "control-character",
      message: `the source text holds control character ${codePointName(found[0])}${count > 1 ? ` (and ${count - 1} more)` : ""}`,
      hint: CONTROL_CHARACTER_HINT,
    });
  }
  return text;
}

/**
 * Reads `sources/<dirName>/source.yaml` and the text it names, and checks both; null when either cannot be used
 * (the problems say why).
 */
export async function readSource(folder: DataFolder, ctx: CheckContext, dirName: string): Promise<SourceDraft | null> {
  const yaml = await folder.readYaml(`sources/${dirName}/source.yaml`);
  if (!yaml) return null;
  const problems = ctx.problems;
  const record = yaml.root();
  const c = new RecordChecker(record, ctx);
  const before = problems.length;
  const what = `source "${dirName}"`;
  const id = c.string("id", "source", true);
  if (id && id !== dirName)
    c.report(
      "bad-value",
      "id",
      `source id "${id}" differs from its folder "${dirName}"`,
      "name the folder after the id",
    );
  const textName = c.string("text", what, true);
  const document = c.string("document", what, true);
  const title = c.string("title", what, true);
  c.date("date", what);
  const url = c.string("url", what, false);
  if (url !== undefined && !isHttpUrl(url))
    c.report("bad-value", "url", `${what}: "url" must be an http(s) URL, found ${JSON.stringify(url)}`);
  c.unknownKeys(what, SOURCE_FIELDS, new Map());
  if (textName !== undefined && !isPlainFileName(textName))
    c.report(
      "unsafe-path",
      "text",
      `${what}: "text" must name a file in the source's own folder, found ${JSON.stringify(textName)}`,
      "write a plain file name: text: source.txt",
    );
  if (problems.length > before || !id || !textName || !document || !title) return null;
  const textPath = `sources/${dirName}/${textName}`;
  const raw = await folder.readText(textPath);
  if (raw === null) return null;
  const text = sourceTextOf(raw, folder.shown(textPath), ctx);
  const sourceText: SourceText = { id, file: folder.shown(textPath), text, anchorsCurrent: textIsAnchored(c, text) };
  const { endnotes, citations } = checkEndnotes(yaml, sourceText, ctx);
  const meta: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record.data))
    if (key !== "endnotes" && SOURCE_FIELDS.has(key)) meta[key] = value;
  return { text: sourceText, record, document, title, meta, endnotes, citations, textPath };
}

/** The SHA-256 of a source text as the loader reads it (UTF-8, LF line ends), in lower-case hex. */
export function textSha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/**
 * Whether the text is the one source.yaml's `sha256` was taken of (true when it records none); when it is not, one
 * stale-anchor problem says to re-anchor the quotes, and their offsets are not checked one by one.
 */
function textIsAnchored(c: RecordChecker, text: string): boolean {
  const recorded = own(c.record.data, "sha256");
  if (recorded === undefined || recorded === null) return true;
  if (typeof recorded !== "string" || !/^[0-9a-f]{64}$/.test(recorded)) {
    c.report("bad-value", "sha256", `"sha256" must be 64 lower-case hex digits, found ${JSON.stringify(recorded)}`);
    return false;
  }
  if (recorded === textSha256(text)) return true;
  c.report(
    "stale-anchor",
    "sha256",
    `${String(own(c.record.data, "text"))} has changed since its quotes were anchored (its SHA-256 is not the one recorded)`,
    "run `rightsgraph check --write` to re-anchor the quotes and record the new SHA-256",
  );
  return false;
}

/** The endnotes of source.yaml, each marker normalised and listed once, each citation quoted from the text. */
function checkEndnotes(
  yaml: YamlFile,
  text: SourceText,
  ctx: CheckContext,
): { endnotes: Map<string, Endnote>; citations: CitationDraft[] } {
  const problems = ctx.problems;
  const endnotes = new Map<string, Endnote>();
  const citations: CitationDraft[] = [];
  const { records, problems: listProblems } = yaml.records("endnotes");
  problems.push(...listProblems);
  for (const note of records) {
    const nc = new RecordChecker(note, ctx);
    const rawMarker = own(note.data, "marker");
    const marker = normaliseEndnoteMarker(String(rawMarker ?? ""));
    if (marker === null) {
      nc.report(
        "bad-value",
        "marker",
        `endnote marker ${JSON.stringify(rawMarker)} is not a roman or arabic numeral`,
        'write "iv", "^{iv}", "ⁱᵛ", "3" or "[3]"',
      );
      continue;
    }
    if (endnotes.has(marker)) {
      nc.report("duplicate-id", "marker", `endnote "${marker}" is listed twice`);
      continue;
    }
    const endnote: Endnote = { marker, citations: [] };
    endnotes.set(marker, endnote);
    const rawCitations = own(note.data, "citations");
    if (!Array.isArray(rawCitations) || rawCitations.length === 0) {
      nc.report("missing-field", "citations", `endnote "${marker}" needs a list of citations`);
      continue;
    }
    rawCitations.forEach((entry: unknown, index) => {
      const line = note.lineOf("citations", index);
      const what = `endnote "${marker}", citation ${index + 1}`;
      const data = isMapping(entry) ? entry : {};
      const c = new RecordChecker({ file: note.file, line, data, lineOf: () => line }, ctx);
      if (!isMapping(entry))
        return c.report("bad-value", null, `${what} must be a mapping with document, quote and locator`);
      c.unknownKeys(what, CITATION_FIELDS, new Map());
      const document = c.string("document", what, true);
      if (document === undefined) return;
      const quote = own(data, "quote");
      if (typeof quote !== "string" || quote === "")
        return c.report("missing-evidence", null, `${what} has no "quote" (the citation as printed)`);
      const given = own(data, "locator");
      const locator = c.string("locator", what, false);
      if (locator === undefined && given !== undefined && given !== null) return;
      if (c.verbatim("quote", what, quote, [text]) < 0) return;
      const citation: Citation = { document, quote, ...(locator ? { locator } : {}) };
      endnote.citations.push(citation);
      citations.push({ ...citation, marker, record: c.record });
    });
  }
  return { endnotes, citations };
}
