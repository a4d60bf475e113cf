// One record of a graph.yaml changed as text: the yaml library's document API finds the record and writes it, and
// the new record is spliced into the file in its place, so every other byte (comments, blank lines, the folding of
// long strings) stays as it was and the diff is that one record.
import {
  Document,
  isAlias,
  isMap,
  isNode,
  isScalar,
  isSeq,
  visit,
  YAMLMap,
  YAMLSeq,
  type Node as YamlNode,
  type Pair,
} from "yaml";
import { MAX_ALIAS_COUNT, parsedYamlDocument } from "../data/located-record";

/** The lists of records a source's files hold: graph.yaml's nodes and edges, source.yaml's endnotes. */
export type RecordSection = "nodes" | "edges" | "endnotes";

/** One record of a section: its place in the list and in the text, and its value. */
export interface RecordSpan {
  index: number;
  /** Line of the record's first key (1-based), as the loader reports it. */
  line: number;
  /** Offset of the start of the line holding the record's `-`. */
  start: number;
  /** Offset just past the record's last line. */
  end: number;
  /** Column of the `-`: the indentation a record written in its place takes. */
  indent: number;
  value: Record<string, unknown>;
}

/** Widest line a written record takes, as the bundled files are folded. */
const LINE_WIDTH = 120;

/** A change that the file's layout does not allow as a splice (a flow-style list, say), with the reason and line. */
export class RecordTextError extends Error {
  constructor(
    message: string,
    /** The line (1-based) the reason points at, when there is one. */
    readonly line?: number,
  ) {
    super(message);
  }
}

/** The document of `text`, shared with the loader (which checks the same texts): only read it. */
function parse(text: string): Document.Parsed {
  return parsedYamlDocument(text);
}

function sectionOf(doc: Document.Parsed, section: RecordSection): YAMLSeq | null {
  const node = doc.get(section, true) as YamlNode | undefined;
  if (node === undefined || node === null) return null;
  if (!isSeq(node) || node.flow)
    throw new RecordTextError(`"${section}" is not a block list in this file; edit it by hand or make it one`);
  return node;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf("\n", offset - 1) + 1;
}

function lineNumber(text: string, offset: number): number {
  return lineCounter(text)(offset);
}

/** Line numbers of offsets asked in increasing order, each counted on from the last (records come in order). */
function lineCounter(text: string): (offset: number) => number {
  let line = 1;
  let next = text.indexOf("\n");
  return (offset) => {
    for (; next !== -1 && next < offset; next = text.indexOf("\n", next + 1)) line++;
    return line;
  };
}

/**
 * A node's value as the loader reads it: aliases (`*name`) stand for the value of their anchor (`&name`). A file
 * whose aliases do not resolve (a hand edit since the last load) is refused with the line of the record.
 */
function valueOf(doc: Document, node: unknown, line: number): unknown {
  if (!isNode(node)) return node;
  try {
    return node.toJS(doc, { maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    if (error instanceof ReferenceError) throw new RecordTextError(`YAML: ${error.message}`, line);
    throw error;
  }
}

function spansOf(doc: Document.Parsed, text: string, seq: YAMLSeq): RecordSpan[] {
  const lineOf = lineCounter(text);
  return seq.items.map((item, index) => {
    const node = item as YamlNode;
    const line = node?.range ? lineOf(node.range[0]) : undefined;
    if (isAlias(node))
      throw new RecordTextError(
        `record ${index + 1} is an alias (*${node.source}) of another record; write it out in full to edit it`,
        line,
      );
    if (!isMap(node) || !node.range) throw new RecordTextError(`record ${index + 1} is not a mapping`, line);
    let start = lineStart(text, node.range[0]);
    let lead = text.slice(start, node.range[0]);
    // A record with an anchor of its own (`- &name` alone on its line) starts on the line of the anchor.
    const above = start > 0 ? lineStart(text, start - 1) : start;
    if (/^ *$/.test(lead) && /^ *- +&\S+ *\n$/.test(text.slice(above, start))) {
      start = above;
      lead = text.slice(above, text.indexOf("-", above) + 1);
    } else if (!/^ *- +(?:&\S+ +)?$/.test(lead))
      throw new RecordTextError(`record ${index + 1} does not start its own line`, line);
    return {
      index,
      line: line!,
      start,
      end: node.range[1],
      indent: lead.indexOf("-"),
      value: valueOf(doc, node, line!) as Record<string, unknown>,
    };
  });
}

/**
 * The records of one section of a graph file, in order; none when the section is absent. A write asks this of the
 * same text several times (to find the record, to list the source, after writing), and the loader checks that text
 * too: the parse is shared, and each call makes its own values.
 */
export function recordSpans(text: string, section: RecordSection): RecordSpan[] {
  const doc = parse(text);
  const seq = sectionOf(doc, section);
  return seq ? spansOf(doc, text, seq) : [];
}

/** Strings a reader could take for a date, a number, a boolean or null: written quoted, as the data files do. */
const MISREADABLE = /^(?:[-+.\d].*|~|null|true|false|yes|no|on|off|y|n)$/i;

/** Longest list of short strings written on one line (`footnotes: [iii]`, `aliases: [US, USA]`). */
const FLOW_LIST_WIDTH = 60;
/** Strings longer than this are written as folded blocks (`>-`), as the data files write free text. */
const FOLDED_LENGTH = 100;

/** A value made into a YAML node in the data files' style: misreadable strings quoted, long text folded. */
function createNode(doc: Document, value: unknown): YamlNode {
  // A value used twice (an alias's, written out) is written twice: an alias would tie this record to another.
  const node = doc.createNode(value, { aliasDuplicateObjects: false }) as YamlNode;
  visit(node, {
    Scalar(_key, scalar) {
      if (typeof scalar.value !== "string") return;
      // Line breaks and edge spaces (an anchor's prefix and suffix) show plainly on one quoted line.
      if (MISREADABLE.test(scalar.value) || /^\s|\s$|\n/.test(scalar.value)) scalar.type = "QUOTE_DOUBLE";
      else if (scalar.value.length > FOLDED_LENGTH && !/^\s|\s$|\n/.test(scalar.value)) scalar.type = "BLOCK_FOLDED";
    },
    Seq(_key, seq) {
      const items = seq.items as { value?: unknown }[];
      const short = items.every((i) => isScalar(i) && typeof i.value === "string" && !i.value.includes(","));
      const width = items.reduce((sum, i) => sum + String(i.value).length + 2, 0);
      if (short && width <= FLOW_LIST_WIDTH) seq.flow = true;
    },
  });
  return node;
}

/** A record written as one list item at `indent`, each line prefixed so that it sits where the old one stood. */
function itemText(record: YAMLMap | Record<string, unknown>, indent: number): string {
  const doc = new Document<YAMLSeq>(new YAMLSeq());
  doc.contents!.items.push(isMap(record) ? record : createNode(doc, record));
  const body = doc.toString({ lineWidth: LINE_WIDTH - indent, minContentWidth: 40, flowCollectionPadding: false });
  const pad = " ".repeat(indent);
  return body
    .split("\n")
    .map((line) => (line === "" ? line : pad + line))
    .join("\n");
}

function withNewline(text: string, offset: number): string {
  return offset > 0 && text[offset - 1] !== "\n" ? "\n" : "";
}

/** The text with a record added at the end of `section` (the section is added when the file has none). */
export function appendRecord(text: string, section: RecordSection, record: Record<string, unknown>): string {
  const doc = parse(text);
  const seq = sectionOf(doc, section);
  const spans = seq ? spansOf(doc, text, seq) : [];
  const last = spans.at(-1);
  if (!last) {
    if (seq) throw new RecordTextError(`"${section}" holds no record to write after; write it as "${section}: []"`);
    const empty = doc.get(section, true) === null && doc.has(section);
    if (empty) throw new RecordTextError(`"${section}" is empty; write it as a list first`);
    return `${text}${withNewline(text, text.length)}${section}:\n${itemText(record, 2)}`;
  }
  // Records separated by blank lines get one before the new record too.
  const blank = (seq!.items[last.index] as YamlNode).spaceBefore === true || spans.length === 1 ? "\n" : "";
  const at = last.end;
  return `${text.slice(0, at)}${withNewline(text, at)}${blank}${itemText(record, last.indent)}${text.slice(at)}`;
}

/** Applies a JSON merge patch (RFC 7396) to a YAML mapping in place: null removes a key, a new key goes last. */
function mergeInto(doc: Document, map: YAMLMap, patch: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(patch)) {
    const current = map.get(key, true) as YamlNode | undefined;
    if (value === null) map.delete(key);
    else if (isMap(current) && typeof value === "object" && !Array.isArray(value))
      mergeInto(doc, current, value as Record<string, unknown>);
    else map.set(key, createNode(doc, value));
  }
}

/** The text of one pair `key: value` at `indent`, its first line unindented (it goes where the old pair began). */
function pairText(pair: Pair, indent: number): string {
  const doc = new Document<YAMLMap>(new YAMLMap());
  doc.contents!.items.push(pair);
  const body = doc.toString({ lineWidth: LINE_WIDTH - indent, minContentWidth: 40, flowCollectionPadding: false });
  const pad = " ".repeat(indent);
  return body
    .split("\n")
    .map((line, i) => (line === "" || i === 0 ? line : pad + line))
    .join("\n");
}

/** Offset of the start of the line after the one holding `offset - 1` (`offset` itself when it starts a line). */
function lineEndFrom(text: string, offset: number): number {
  if (offset === 0 || text[offset - 1] === "\n") return offset;
  const next = text.indexOf("\n", offset);
  return next === -1 ? text.length : next + 1;
}

const keyName = (pair: Pair): string => String(isScalar(pair.key) ? pair.key.value : pair.key);
/** A value as JSON, its aliases resolved in `doc`: a pair is unchanged when this is. */
const jsonOf = (doc: Document, node: unknown): string => JSON.stringify(valueOf(doc, node, 0));

/** Where each pair of a parsed block map stands in the text: from its key to the next key's line (comments kept). */
interface PairPlace {
  keyStart: number;
  end: number;
  value: string;
  node: unknown;
}

/** The pairs of a block map, by key, and the column of its keys. */
interface MapPlaces {
  indent: number;
  pairs: Map<string, PairPlace>;
}

function pairPlaces(doc: Document, text: string, map: YAMLMap): MapPlaces {
  const places = new Map<string, PairPlace>();
  const pairs = map.items as Pair[];
  pairs.forEach((pair, i) => {
    const next = pairs[i + 1];
    const end = next ? lineStart(text, (next.key as YamlNode).range![0]) : map.range![2];
    places.set(keyName(pair), {
      keyStart: (pair.key as YamlNode).range![0],
      end,
      value: jsonOf(doc, pair.value),
      node: pair.value,
    });
  });
  const first = (pairs[0]!.key as YamlNode).range![0];
  return { indent: first - lineStart(text, first), pairs: places };
}

/**
 * The text of a block map after a change, written pair by pair: a pair whose value did not change is copied as it
 * stood (its folding, quoting and comments), a block map changed inside is written the same way one level down, and
 * only a changed or new pair is written afresh. `places` were taken before the change; the text covers the map's
 * range from its first key.
 */
function spliceMap(
  doc: Document,
  text: string,
  map: YAMLMap,
  { indent, pairs: places }: MapPlaces,
  nested: Map<YAMLMap, MapPlaces>,
): string {
  const pad = " ".repeat(indent);
  const pieces = (map.items as Pair[]).map((pair, i) => {
    const lead = i === 0 ? "" : pad;
    const place = places.get(keyName(pair));
    if (!place) return lead + pairText(pair, indent);
    if (place.value === jsonOf(doc, pair.value)) return lead + text.slice(place.keyStart, place.end);
    const inner = pair.value;
    const innerPlaces = isMap(inner) ? nested.get(inner) : undefined;
    if (isMap(inner) && innerPlaces && inner === place.node && inner.items.length > 0) {
      const from = inner.range![0];
      const to = inner.range![2];
      return (
        lead +
        text.slice(place.keyStart, from) +
        spliceMap(doc, text, inner, innerPlaces, nested) +
        text.slice(to, place.end)
      );
    }
    const node = place.node as YamlNode | null;
    const valueEnd = node?.range ? lineEndFrom(text, node.range[2]) : place.end;
    return lead + pairText(pair, indent) + text.slice(Math.min(valueEnd, place.end), place.end);
  });
  // A pair copied from the end of a file without a final line break is followed by another now.
  return pieces.map((piece, i) => (i < pieces.length - 1 && !piece.endsWith("\n") ? `${piece}\n` : piece)).join("");
}

/** The places of the pairs of `map` and of every block map inside it, before a change. */
function placesWithin(doc: Document, text: string, map: YAMLMap, nested: Map<YAMLMap, MapPlaces>): MapPlaces {
  const places = pairPlaces(doc, text, map);
  for (const pair of map.items as Pair[])
    if (isMap(pair.value) && !pair.value.flow && pair.value.range && pair.value.items.length > 0)
      nested.set(pair.value, placesWithin(doc, text, pair.value, nested));
  return places;
}

/**
 * Replaces each alias inside a record being changed by a copy of its anchor's value, so that a pair written afresh
 * carries the value itself (a new document has no anchors for `*name` to name); a pair that stays is still copied
 * as it stood, alias and all, since its anchor stays where it was.
 */
function expandAliases(doc: Document, map: YAMLMap): void {
  visit(map, {
    Alias(_key, alias) {
      return createNode(doc, valueOf(doc, alias, 0));
    },
  });
}

/** An alias of a file: where it is, the anchor it names, and the value it stands for (null: it names no anchor). */
interface AliasUse {
  offset: number;
  name: string;
  value: string | null;
  anchorOffset: number | null;
}

/** The aliases of a parsed document, in the order of the text. */
function aliasUses(doc: Document): AliasUse[] {
  const uses: AliasUse[] = [];
  visit(doc, {
    Alias(_key, alias) {
      const anchor = alias.resolve(doc) as YamlNode | undefined;
      uses.push({
        offset: alias.range![0],
        name: alias.source,
        value: anchor ? jsonOf(doc, anchor) : null,
        anchorOffset: anchor?.range ? anchor.range[0] : null,
      });
    },
  });
  return uses;
}

/**
 * `after`, the text with the record at `span` changed or removed, when every alias outside that record still
 * stands for the value it stood for; else the change is refused, naming the alias's line and its anchor's. Changing
 * or deleting a record that sets an anchor (`&a1`, as files written by the first ingest have) would otherwise change
 * another record behind the writer's back, or leave its alias naming nothing.
 */
function keepingAliases(before: string, uses: AliasUse[], after: string, span: RecordSpan): string {
  if (uses.length === 0) return after;
  const nowAll = aliasUses(parse(after));
  const delta = after.length - before.length;
  // Text before the record's first line and after its end is the same in both (a deletion may take the blank line
  // before the record: one character earlier).
  const outside = (from: number, to: number) => (use: AliasUse) => use.offset < from || use.offset >= to;
  const was = uses.filter(outside(span.start - 1, span.end));
  const now = nowAll.filter(outside(span.start - 1, span.end + delta));
  const broken = nowAll.find((use) => use.value === null);
  was.forEach((use, i) => {
    if (now[i]?.value === use.value) return;
    const line = lineNumber(before, use.offset);
    const anchorLine = use.anchorOffset === null ? null : lineNumber(before, use.anchorOffset);
    const what = now[i]?.value === null ? "name nothing" : "change its value";
    throw new RecordTextError(
      `the alias *${use.name} at line ${line} stands for the value of the anchor &${use.name}` +
        (anchorLine === null ? "" : ` at line ${anchorLine}`) +
        ` in record ${span.index + 1} (line ${span.line}); this change would make it ${what}, and so change another` +
        ` record. Write that value out in full at line ${line} (in place of *${use.name}) first, then make this change`,
      line,
    );
  });
  if (broken)
    throw new RecordTextError(
      `the change would drop the anchor &${broken.name} that the alias *${broken.name} at line ` +
        `${lineNumber(after, broken.offset)} of the new text uses; write the value out in full there first`,
      span.line,
    );
  return after;
}

/** A change of a text: [from, to) replaced by `text`. */
interface Splice {
  from: number;
  to: number;
  text: string;
}

/** `text` with each splice made (no two overlap: each is a record of its own). */
function applySplices(text: string, splices: Splice[]): string {
  const sorted = [...splices].sort((a, b) => a.from - b.from);
  let out = "";
  let at = 0;
  for (const splice of sorted) {
    out += text.slice(at, splice.from) + splice.text;
    at = splice.to;
  }
  return out + text.slice(at);
}

/** The parse of a text (shared, left as it is) and the records of its sections, each listed once. */
interface ParsedRecords {
  doc: Document.Parsed;
  text: string;
  sections: Map<RecordSection, { seq: YAMLSeq; spans: RecordSpan[] } | null>;
}

function parsedRecords(text: string): ParsedRecords {
  return { doc: parse(text), text, sections: new Map() };
}

function sectionRecords(parsed: ParsedRecords, section: RecordSection): { seq: YAMLSeq; spans: RecordSpan[] } | null {
  let records = parsed.sections.get(section);
  if (records === undefined) {
    const seq = sectionOf(parsed.doc, section);
    records = seq ? { seq, spans: spansOf(parsed.doc, parsed.text, seq) } : null;
    parsed.sections.set(section, records);
  }
  return records;
}

/** Record `index` of `section` changed by a merge patch, as a splice of the text; the record is changed in a copy. */
function recordSplice(
  parsed: ParsedRecords,
  section: RecordSection,
  index: number,
  patch: Record<string, unknown>,
): { splice: Splice; span: RecordSpan } {
  const { doc, text } = parsed;
  const records = sectionRecords(parsed, section);
  const span = records?.spans[index];
  if (!records || !span) throw new RecordTextError(`no record ${index + 1} in "${section}"`);
  const item = records.seq.items[index] as YAMLMap;
  const map = item.clone() as YAMLMap;
  const nested = new Map<YAMLMap, MapPlaces>();
  const places = map.flow || map.items.length === 0 ? null : placesWithin(doc, text, map, nested);
  expandAliases(doc, map);
  const { id, ...rest } = patch;
  mergeInto(doc, map, rest);
  if (id === null) map.delete("id");
  else if (id !== undefined) {
    if (map.has("id")) map.set("id", id);
    else map.items.unshift(doc.createPair("id", id));
  }
  if (map.items.length === 0) throw new RecordTextError(`the change would leave record ${index + 1} empty`);
  if (!places) {
    // A flow mapping has no lines to keep: the record is written whole, in block style.
    map.flow = false;
    map.commentBefore = undefined;
    map.spaceBefore = false;
    return { span, splice: { from: span.start, to: span.end, text: itemText(map, span.indent) } };
  }
  const first = item.range![0];
  let body = spliceMap(doc, text, map, places, nested);
  if (!text.slice(first, span.end).endsWith("\n") && body.endsWith("\n")) body = body.slice(0, -1);
  return { span, splice: { from: first, to: span.end, text: body } };
}

/**
 * The text with record `index` of `section` changed by a merge patch: its keys keep their order and comments,
 * new keys come last, except `id`, which goes first. Only what changed is written afresh: every pair whose value
 * stays is copied byte for byte, so a status change is a one-line diff even in a hand-folded file.
 */
export function patchRecord(
  text: string,
  section: RecordSection,
  index: number,
  patch: Record<string, unknown>,
): string {
  const parsed = parsedRecords(text);
  const { splice, span } = recordSplice(parsed, section, index, patch);
  return keepingAliases(text, aliasUses(parsed.doc), applySplices(text, [splice]), span);
}

/** A change of one record of a graph file by a merge patch. */
export interface RecordPatch {
  section: RecordSection;
  index: number;
  patch: Record<string, unknown>;
}

/**
 * The text with several records changed, each as `patchRecord` changes it, from one parse of the text (`check`
 * may change every claim of a long source: one parse per claim made it quadratic). In a file with aliases the
 * records are changed one after another, each checked against the aliases of the text as it then stands.
 */
export function patchRecords(text: string, patches: readonly RecordPatch[]): string {
  const records = new Set(patches.map(({ section, index }) => `${section} ${index}`));
  if (records.size < patches.length) throw new RecordTextError("two changes of the same record: merge them into one");
  const parsed = parsedRecords(text);
  if (aliasUses(parsed.doc).length > 0)
    return patches.reduce((out, { section, index, patch }) => patchRecord(out, section, index, patch), text);
  return applySplices(
    text,
    patches.map(({ section, index, patch }) => recordSplice(parsed, section, index, patch).splice),
  );
}

/** The text without record `index` of `section` (and without the blank line that separated it). */
export function deleteRecord(text: string, section: RecordSection, index: number): string {
  const doc = parse(text);
  const seq = sectionOf(doc, section);
  const spans = seq ? spansOf(doc, text, seq) : [];
  const span = spans[index];
  if (!span) throw new RecordTextError(`no record ${index + 1} in "${section}"`);
  const uses = aliasUses(doc);
  if (spans.length === 1) {
    // An empty block list would read as null: the section becomes an empty flow list.
    const key = doc.get(section, true) as YamlNode;
    const keyStart = lineStart(text, key.range![0]);
    const sectionLine = text.lastIndexOf(`${section}:`, key.range![0]);
    const from = sectionLine >= 0 && sectionLine < keyStart ? sectionLine : keyStart;
    return keepingAliases(text, uses, `${text.slice(0, from)}${section}: []\n${text.slice(span.end)}`, span);
  }
  let start = span.start;
  if ((seq!.items[index] as YamlNode).spaceBefore && start >= 2 && text.slice(start - 2, start) === "\n\n") start -= 1;
  return keepingAliases(text, uses, text.slice(0, start) + text.slice(span.end), span);
}

/**
 * The text with a top-level key of the file set to a string (`sha256` of source.yaml): the key's lines replaced,
 * or a new line before the first of the keys `before` (else at the end); every other byte stays.
 */
export function setTopLevel(text: string, key: string, value: string, before: readonly string[] = []): string {
  const doc = parse(text);
  const root = doc.contents;
  if (!isMap(root) || root.flow) throw new RecordTextError("the file is not a block mapping");
  const pairs = root.items as Pair[];
  const fresh = pairText(doc.createPair(key, createNode(doc, value)) as Pair, 0);
  const pair = pairs.find((p) => keyName(p) === key);
  if (pair) {
    const start = lineStart(text, (pair.key as YamlNode).range![0]);
    const value = pair.value as YamlNode | null;
    const end = value?.range ? lineEndFrom(text, value.range[2]) : lineEndFrom(text, (pair.key as YamlNode).range![1]);
    return `${text.slice(0, start)}${fresh}${text.slice(end)}`;
  }
  const next = pairs.find((p) => before.includes(keyName(p)));
  const at = next ? lineStart(text, (next.key as YamlNode).range![0]) : text.length;
  return `${text.slice(0, at)}${withNewline(text, at)}${fresh}${text.slice(at)}`;
}
