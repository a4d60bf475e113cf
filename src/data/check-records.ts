// Checks node, edge and endnote records against the schema, turning each into a draft or into located problems.
import type { Problem, ProblemCode } from "../errors";
import { dateProblem } from "../schema/dates";
import { ID_PATTERN } from "../schema/closest-ids";
import { NODE_RECORD_FIELDS } from "../schema/core-keys";
import { readingFor } from "../schema/edge-sentence";
import {
  parseSentenceTemplate,
  templateAttributeProblems,
  templateAttributes,
  TemplateProblem,
  type SentenceTemplate,
} from "../schema/sentence-template";
import { DEFAULT_REVIEW_STATUS, REVIEW_STATUSES, type ReviewStatus } from "../schema/review-status";
import type { AttributeSpec, EdgeTypeSpec, NodeAttributes, PropValue, Schema } from "../schema/types";
import { checkAttribute } from "./check-attribute";
import type { PassageHints } from "./closest-passage";
import { normaliseEndnoteMarker } from "./endnote-marker";
import type { LocatedRecord } from "./located-record";
import { isMapping, own } from "./plain-data";

/** A source's text as the checks need it. */
export interface SourceText {
  id: string;
  file: string;
  text: string;
  /**
   * Whether evidence offsets must hold their quotes: false when source.yaml's `sha256` says the text changed since
   * its quotes were anchored (one problem says so; `rightsgraph check --write` re-anchors them).
   */
  anchorsCurrent?: boolean;
}

/** A checked node record: its attributes (all but `sources`, known only once every file is read) and where it stands. */
export interface NodeDraft extends Omit<NodeAttributes, "sources"> {
  id: string;
  file: string;
  line: number;
  /** The source whose graph.yaml declares the node; undefined for shared entities. */
  sourceId?: string;
  status: ReviewStatus;
}

export interface EdgeDraft {
  id?: string;
  type: string;
  sources: string[];
  targets: string[];
  label?: string;
  /** The record's own reading, as written, when it overrides its type's. */
  reading?: string;
  /** The reading its sentences are written with (own, type's or negated); undefined when it has a problem. */
  template?: SentenceTemplate;
  date?: string;
  quote: string;
  /**
   * Offset of the quote in the source text: the stored offsets when they hold it, else its first occurrence (-1
   * when it is not there: the graph is then never built).
   */
  quoteStart: number;
  footnotes: string[];
  props: Record<string, PropValue>;
  outsideKnowledge?: string[];
  file: string;
  line: number;
  /** Lines of the `source` and `target` fields, where reference problems are reported. */
  endpointLines: { source: number; target: number };
  sourceId: string;
  status: ReviewStatus;
}

/** What the checks of one load share: the schema, the problems found, and the budget of closest-passage hints. */
export interface CheckContext {
  schema: Schema;
  problems: Problem[];
  hints: PassageHints;
}

/** Collects problems for one record, each at the line of the field concerned. */
export class RecordChecker {
  constructor(
    readonly record: LocatedRecord,
    private readonly ctx: CheckContext,
  ) {}

  report(code: ProblemCode, key: string | null, message: string, hint?: string, index?: number): void {
    const line = key === null ? this.record.line : this.record.lineOf(key, index);
    this.ctx.problems.push({ file: this.record.file, line, code, message, ...(hint ? { hint } : {}) });
  }

  string(key: string, what: string, required: boolean): string | undefined {
    const value = own(this.record.data, key);
    if (value === undefined || value === null) {
      if (required) this.report("missing-field", null, `${what} has no "${key}"`);
      return undefined;
    }
    if (typeof value !== "string" || value.trim() === "") {
      this.report("bad-value", key, `${what}: "${key}" must be a non-empty string, found ${JSON.stringify(value)}`);
      return undefined;
    }
    return value;
  }

  stringList(key: string, what: string): string[] | undefined {
    const value = own(this.record.data, key);
    if (value === undefined || value === null) return undefined;
    if (!Array.isArray(value) || !value.every((v) => typeof v === "string" && v.trim() !== "")) {
      this.report("bad-value", key, `${what}: "${key}" must be a list of non-empty strings`);
      return undefined;
    }
    return value as string[];
  }

  date(key: string, what: string): string | undefined {
    const value = own(this.record.data, key);
    if (value === undefined || value === null) return undefined;
    if (typeof value !== "string") {
      this.report(
        "bad-date",
        key,
        `${what}: "${key}" must be a quoted ISO 8601 date, found ${JSON.stringify(value)}`,
        'write it in quotes: date: "2019-12-18"',
      );
      return undefined;
    }
    const problem = dateProblem(value);
    if (problem) {
      this.report("bad-date", key, `${what}: ${problem}`);
      return undefined;
    }
    return value;
  }

  unknownKeys(what: string, allowed: ReadonlySet<string>, attributes: Map<string, AttributeSpec>): void {
    for (const key of Object.keys(this.record.data)) {
      if (!allowed.has(key) && !attributes.has(key)) {
        const known = [...allowed, ...attributes.keys()].join(", ");
        this.report("unknown-field", key, `${what}: unknown field "${key}"`, `allowed here: ${known}`);
      }
    }
  }

  attributes(what: string, attributes: Map<string, AttributeSpec>, texts: SourceText[]): Record<string, PropValue> {
    const props: Record<string, PropValue> = {};
    for (const spec of attributes.values()) {
      const raw = own(this.record.data, spec.name);
      if (raw === undefined || raw === null) {
        if (spec.required)
          this.report("missing-field", null, `${what} has no "${spec.name}"`, spec.description || undefined);
        continue;
      }
      const checked = checkAttribute(spec, raw);
      if (!checked.ok) {
        this.report(checked.code, spec.name, `${what}: ${checked.message}`);
        continue;
      }
      if (spec.verbatim && typeof checked.value === "string") this.verbatim(spec.name, what, checked.value, texts);
      props[spec.name] = checked.value;
    }
    return props;
  }

  /**
   * A quote must stand in one of the texts exactly; otherwise the hint shows the closest passage.
   * @returns the quote's offset in the first text that holds it, or -1 (and a problem) when none does.
   */
  verbatim(key: string, what: string, quote: string, texts: SourceText[]): number {
    for (const t of texts) {
      const at = t.text.indexOf(quote);
      if (at >= 0) return at;
    }
    const where = texts.length > 0 ? texts.map((t) => t.file).join(", ") : "no source text";
    const hint = texts.length > 0 ? this.ctx.hints.hint(texts[0]!.text, quote) : undefined;
    this.report("quote-not-found", key, `${what}: "${key}" is not found verbatim in ${where}`, hint);
    return -1;
  }
}

/**
 * Fields any node or edge record may carry for its review: its status, the ingest rule that suggested it, and a
 * note for the reviewer (set by `rightsgraph check` when it moves a quote).
 */
export const REVIEW_FIELDS: ReadonlySet<string> = new Set(["status", "rule", "review_note"]);

const NODE_FIELDS: ReadonlySet<string> = new Set([...NODE_RECORD_FIELDS, ...REVIEW_FIELDS]);

const EDGE_FIELDS: ReadonlySet<string> = new Set([
  "id",
  "type",
  "source",
  "target",
  "label",
  "reading",
  "date",
  "evidence",
  "outside_knowledge",
  ...REVIEW_FIELDS,
]);

/** The fields of `evidence`: the quote and its endnotes, and the anchor that lets a quote be found after an edit. */
const EVIDENCE_FIELDS: ReadonlySet<string> = new Set(["quote", "footnotes", "prefix", "suffix", "start", "end"]);

/** The record's review status (reviewed when it writes none), and its `rule` and `review_note` checked as text. */
function reviewStatus(c: RecordChecker, what: string): ReviewStatus {
  c.string("rule", what, false);
  c.string("review_note", what, false);
  const value = own(c.record.data, "status");
  if (value === undefined || value === null) return DEFAULT_REVIEW_STATUS;
  if (typeof value === "string" && (REVIEW_STATUSES as readonly string[]).includes(value)) return value as ReviewStatus;
  c.report(
    "bad-value",
    "status",
    `${what}: "status" must be one of ${REVIEW_STATUSES.join(", ")}, found ${JSON.stringify(value)}`,
  );
  return DEFAULT_REVIEW_STATUS;
}

/**
 * Where the evidence's stored offsets put the quote: `start` when they hold it exactly (and the prefix and suffix
 * stand beside it), otherwise undefined, with a stale-anchor problem when the text is current (a text that changed
 * is reported once, on its sha256). Offsets count UTF-16 code units, end exclusive.
 */
function anchoredStart(
  c: RecordChecker,
  what: string,
  evidence: Record<string, unknown>,
  quote: string,
  source: SourceText,
): number | undefined {
  const start = own(evidence, "start");
  const end = own(evidence, "end");
  const prefix = own(evidence, "prefix");
  const suffix = own(evidence, "suffix");
  for (const [key, value] of [
    ["prefix", prefix],
    ["suffix", suffix],
  ] as const)
    if (value !== undefined && value !== null && typeof value !== "string")
      c.report("bad-value", "evidence", `${what}: evidence ${key} must be a string, found ${JSON.stringify(value)}`);
  if (start === undefined && end === undefined) return undefined;
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || (start as number) < 0) {
    c.report(
      "bad-value",
      "evidence",
      `${what}: evidence start and end must both be whole numbers >= 0, found ${JSON.stringify(start)} and ${JSON.stringify(end)}`,
    );
    return undefined;
  }
  if (source.anchorsCurrent === false) return undefined;
  const text = source.text;
  const [from, to] = [start as number, end as number];
  const holds =
    text.slice(from, to) === quote &&
    (typeof prefix !== "string" || text.slice(Math.max(0, from - prefix.length), from) === prefix) &&
    (typeof suffix !== "string" || text.slice(to, to + suffix.length) === suffix);
  if (holds) return from;
  const at = text.indexOf(quote);
  c.report(
    "stale-anchor",
    "evidence",
    `${what}: evidence offsets ${from}-${to} do not hold the quote${at >= 0 ? ` (it stands at ${at}-${at + quote.length})` : ""} with its prefix and suffix`,
    "run `rightsgraph check --write` to re-anchor the quotes",
  );
  return undefined;
}

/**
 * The reading an edge record is written with, checked: its own `reading` parses and names only attributes its
 * type declares; a negated claim has a reading that says so; every attribute the reading needs outside its optional
 * parts has a value; a hedged claim's reading says its hedge. Undefined (with problems) when any of this fails.
 */
function checkReading(
  c: RecordChecker,
  what: string,
  spec: EdgeTypeSpec,
  ownText: string | undefined,
  props: Record<string, PropValue>,
): SentenceTemplate | undefined {
  let own: SentenceTemplate | undefined;
  if (ownText !== undefined) {
    const parsed = parseSentenceTemplate(ownText);
    const problems = parsed instanceof TemplateProblem ? [parsed] : templateAttributeProblems(parsed, spec.attributes);
    for (const p of problems) c.report("bad-reading", "reading", `${what}: reading: ${p.message}`, p.hint);
    if (problems.length > 0 || parsed instanceof TemplateProblem) return undefined;
    own = parsed;
  }
  const negated = props.negated === true;
  const template = readingFor(spec, own, negated);
  if (!template) {
    c.report(
      "bad-reading",
      "negated",
      `${what}: a negated claim needs a reading that says it did not happen; type "${spec.name}" has no negated_reading`,
      `give the edge its own reading ("{source} did not ... {target}"), or the type a negated_reading`,
    );
    return undefined;
  }
  let complete = true;
  for (const name of templateAttributes(template).required) {
    // An attribute the type requires is already reported as missing by the attribute check.
    if (Object.hasOwn(props, name) || spec.attributes.get(name)?.required) continue;
    complete = false;
    c.report(
      "missing-field",
      ownText === undefined ? null : "reading",
      `${what} has no "${name}", which its reading needs: ${template.text}`,
      `add ${name}, or give the edge its own reading`,
    );
  }
  const qualifier = props.modality === "hedged" ? props.qualifier : undefined;
  if (typeof qualifier === "string" && !saidBy(template, props).includes(qualifier.toLowerCase())) {
    complete = false;
    c.report(
      "bad-reading",
      ownText === undefined ? "qualifier" : "reading",
      `${what}: a hedged claim reads with its hedge, and its reading does not say "${qualifier}": ${template.text}`,
      `give the edge its own reading that says it, e.g. "{source} ${qualifier} ... {target}"`,
    );
  }
  return complete ? template : undefined;
}

/** What a reading says with these values, in lower case: its text and the attributes it names. */
function saidBy(template: SentenceTemplate, props: Record<string, PropValue>): string {
  const { required, optional } = templateAttributes(template);
  return [template.text, ...[...required, ...optional].map((name) => props[name])]
    .filter((part) => typeof part === "string")
    .join(" ")
    .toLowerCase();
}

/** The articles a short name may take in running text. */
const ARTICLES: readonly string[] = ["the"];

/**
 * Checks a node record: id form and prefix, type, label, short name (`short_label`, `article`, `plural`), aliases,
 * description, date and declared attributes.
 */
export function checkNodeRecord(
  ctx: CheckContext,
  record: LocatedRecord,
  texts: SourceText[],
  sourceId?: string,
): NodeDraft | null {
  const { schema, problems } = ctx;
  const c = new RecordChecker(record, ctx);
  const before = problems.length;
  const id = c.string("id", "node", true);
  const what = id ? `node "${id}"` : "node";
  if (id && !ID_PATTERN.test(id)) {
    c.report(
      "bad-id",
      "id",
      `${what}: id may hold only lower-case letters, digits and : . _ -`,
      "e.g. person:tomas-ojea-quintana",
    );
  }
  const type = c.string("type", what, true);
  const spec = type ? schema.nodeTypes.get(type) : undefined;
  if (type && !spec) {
    c.report(
      "unknown-type",
      "type",
      `${what}: unknown node type "${type}"`,
      `node types: ${[...schema.nodeTypes.keys()].join(", ")}`,
    );
  }
  if (id && spec && !id.startsWith(`${spec.idPrefix}:`)) {
    c.report("bad-id", "id", `${what}: ids of type "${spec.name}" start with "${spec.idPrefix}:"`);
  }
  const label = c.string("label", what, true);
  const shortLabel = c.string("short_label", what, false);
  const article = c.string("article", what, false);
  if (article !== undefined && !ARTICLES.includes(article))
    c.report("bad-value", "article", `${what}: article must be ${ARTICLES.join(" or ")}, found "${article}"`);
  const plural = own(record.data, "plural");
  if (plural !== undefined && typeof plural !== "boolean")
    c.report("bad-value", "plural", `${what}: plural must be true or false, found ${JSON.stringify(plural)}`);
  const description = c.string("description", what, true);
  const aliases = c.stringList("aliases", what) ?? [];
  const outsideKnowledge = c.stringList("outside_knowledge", what);
  const date = c.date("date", what);
  const status = reviewStatus(c, what);
  const attributes = spec?.attributes ?? new Map<string, AttributeSpec>();
  c.unknownKeys(what, NODE_FIELDS, attributes);
  const props = c.attributes(what, attributes, texts);
  // A node with problems still reserves its id, so that edges naming it are not also reported as dangling;
  // the graph is never built while any problem stands.
  if (!id || (problems.length > before && !spec)) return null;
  return {
    id,
    type: type ?? "",
    label: label ?? id,
    ...(shortLabel !== undefined && shortLabel !== label ? { shortLabel } : {}),
    ...(article !== undefined && ARTICLES.includes(article) ? { article } : {}),
    ...(plural === true ? { plural } : {}),
    aliases,
    description: description ?? "",
    ...(date ? { date } : {}),
    props,
    ...(outsideKnowledge ? { outsideKnowledge } : {}),
    file: record.file,
    line: record.line,
    ...(sourceId ? { sourceId } : {}),
    status,
  };
}

function endpointList(c: RecordChecker, key: "source" | "target", what: string): string[] {
  const value = own(c.record.data, key);
  if (value === undefined || value === null) {
    c.report("missing-field", null, `${what} has no "${key}"`);
    return [];
  }
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0 || !list.every((v) => typeof v === "string" && v !== "")) {
    c.report("bad-value", key, `${what}: "${key}" must be a node id or a list of node ids`);
    return [];
  }
  return list as string[];
}

/** Checks an edge record; references and endpoint types are checked later, once every node is known. */
export function checkEdgeRecord(
  ctx: CheckContext,
  record: LocatedRecord,
  source: SourceText,
  endnotes: Set<string>,
): EdgeDraft | null {
  const schema = ctx.schema;
  const c = new RecordChecker(record, ctx);
  const type = c.string("type", "edge", true);
  const spec = type ? schema.edgeTypes.get(type) : undefined;
  const what = `edge${type ? ` "${type}"` : ""}`;
  if (type && !spec) {
    c.report(
      "unknown-type",
      "type",
      `${what}: unknown edge type "${type}"`,
      `edge types: ${[...schema.edgeTypes.keys()].join(", ")}`,
    );
  }
  const id = c.string("id", what, false);
  if (id && !ID_PATTERN.test(id))
    c.report("bad-id", "id", `${what}: id may hold only lower-case letters, digits and : . _ -`);
  const sources = endpointList(c, "source", what);
  const targets = endpointList(c, "target", what);
  if (id && sources.length * targets.length > 1) {
    c.report(
      "bad-value",
      "id",
      `${what}: an edge with several sources or targets cannot have one id`,
      "drop the id; each edge gets its own",
    );
  }
  const label = c.string("label", what, false);
  const reading = c.string("reading", what, false);
  const date = c.date("date", what);
  const outsideKnowledge = c.stringList("outside_knowledge", what);
  const status = reviewStatus(c, what);
  c.unknownKeys(what, EDGE_FIELDS, spec?.attributes ?? new Map());
  const props = spec ? c.attributes(what, spec.attributes, [source]) : {};
  const template = spec ? checkReading(c, what, spec, reading, props) : undefined;

  const evidence = own(record.data, "evidence");
  let quote: string | undefined;
  let quoteStart = -1;
  const footnotes: string[] = [];
  if (evidence === undefined || evidence === null) {
    c.report(
      "missing-evidence",
      null,
      `${what} has no evidence`,
      "add evidence: {quote: <verbatim sentence>, footnotes: [...]}",
    );
  } else if (!isMapping(evidence)) {
    c.report("missing-evidence", "evidence", `${what}: evidence must be a mapping with "quote" and "footnotes"`);
  } else {
    for (const key of Object.keys(evidence)) {
      if (!EVIDENCE_FIELDS.has(key))
        c.report(
          "unknown-field",
          "evidence",
          `${what}: unknown evidence field "${key}"`,
          `allowed: ${[...EVIDENCE_FIELDS].join(", ")}`,
        );
    }
    const evidenceQuote = own(evidence, "quote");
    if (typeof evidenceQuote !== "string" || evidenceQuote.trim() === "") {
      c.report(
        "missing-evidence",
        "evidence",
        `${what}: evidence has no quote`,
        "copy the sentence that states the claim from the source text",
      );
    } else {
      quoteStart = c.verbatim("evidence", what, evidenceQuote, [source]);
      if (quoteStart >= 0) {
        quote = evidenceQuote;
        quoteStart = anchoredStart(c, what, evidence, evidenceQuote, source) ?? quoteStart;
      }
    }
    const rawNotes = own(evidence, "footnotes") ?? [];
    if (!Array.isArray(rawNotes)) {
      c.report("bad-value", "evidence", `${what}: evidence footnotes must be a list of endnote markers`);
    } else {
      for (const raw of rawNotes) {
        const marker = normaliseEndnoteMarker(String(raw));
        if (marker === null || !endnotes.has(marker)) {
          c.report(
            "unknown-endnote",
            "evidence",
            `${what}: endnote "${String(raw)}" is not an endnote of source "${source.id}"`,
            `endnotes: ${[...endnotes].join(", ") || "none"}`,
          );
        } else footnotes.push(marker);
      }
    }
  }
  // An edge with a bad quote or attribute is still checked for its references (the graph is never built while any
  // problem stands); only an unknown type stops it.
  if (!type || !spec) return null;
  return {
    ...(id ? { id } : {}),
    type,
    sources,
    targets,
    ...(label ? { label } : {}),
    ...(reading ? { reading } : {}),
    ...(template ? { template } : {}),
    ...(date ? { date } : {}),
    quote: quote ?? "",
    quoteStart,
    footnotes,
    props,
    ...(outsideKnowledge ? { outsideKnowledge } : {}),
    file: record.file,
    line: record.line,
    endpointLines: { source: record.lineOf("source"), target: record.lineOf("target") },
    sourceId: source.id,
    status,
  };
}
