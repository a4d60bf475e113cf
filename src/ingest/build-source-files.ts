// The records ingest writes for one report: source.yaml (metadata, the text's SHA-256, endnotes with their
// citations) and graph.yaml (the report's own document, candidate nodes, cited documents, recommendations and the
// suggested claims), every node and edge `status: suggested`, each claim's evidence anchored.
import type { Schema } from "../schema/types";
import type { Analysis } from "./analyse-report";
import { anchorAt } from "./evidence-anchor";
import type { Candidate } from "./find-mentions";
import { slugOf } from "./find-mentions";
import type { CitationFound } from "./parse-citations";
import { documentKindOf, symbolDocumentId } from "./un-symbols";

/** What the person ingesting says of the report (the CLI's flags). */
export interface ReportMeta {
  id: string;
  title?: string;
  date?: string;
  publisher?: string;
  url?: string;
}

/** A record as written: keys in the order they are written. */
export type RecordData = Record<string, unknown>;

export interface SourceFiles {
  source: RecordData;
  nodes: RecordData[];
  edges: RecordData[];
  /** The id of the report's own document node. */
  document: string;
}

const STATUS = { status: "suggested" } as const;

/** Ids handed out for this report: a new id never takes one the corpus or the report already has. */
class IdPool {
  private readonly taken: Set<string>;
  constructor(taken: Iterable<string>) {
    this.taken = new Set(taken);
  }
  take(base: string): string {
    let id = base;
    for (let n = 2; this.taken.has(id); n++) id = `${base}-${n}`;
    this.taken.add(id);
    return id;
  }
}

/** The description a suggested node starts with, for the reviewer to replace. */
function describe(what: string, meta: ReportMeta): string {
  return `${what} (suggested by ingest from ${meta.id}; describe it)`;
}

/** A cited document: a UN document by its symbol, else an article, report or letter by its title or text. */
function citedDocument(
  citation: CitationFound,
  known: ReadonlyMap<string, string>,
  pool: IdPool,
  made: Map<string, RecordData>,
  meta: ReportMeta,
): string {
  if (citation.symbol) {
    const id = symbolDocumentId(citation.symbol);
    if (known.has(id) || made.has(id)) return id;
    made.set(id, {
      id,
      ...STATUS,
      rule: "citation:symbol",
      type: "document",
      label: citation.symbol,
      aliases: [],
      description: describe(`UN document ${citation.symbol}`, meta),
      kind: documentKindOf(citation.symbol),
      symbol: citation.symbol,
      ...(citation.title ? { title: citation.title } : {}),
      ...(citation.publisher ? { publisher: citation.publisher } : {}),
      ...(citation.date ? { date: citation.date } : {}),
      ...(citation.url ? { url: citation.url } : {}),
    });
    return id;
  }
  const named = citation.title ?? citation.quote;
  const kind = /\bletter\b/i.test(named) ? "letter" : citation.publisher ? "article" : "report";
  const datePart = citation.date ? `${citation.date}-` : "";
  const existing = [...made.values()].find(
    (r) => r.title === citation.title && citation.title && r.url === citation.url,
  );
  if (existing) return existing.id as string;
  const id = pool.take(`doc:${kind}:${datePart}${slugOf(named).slice(0, 40).replace(/-+$/, "")}`);
  made.set(id, {
    id,
    ...STATUS,
    rule: `citation:${kind}`,
    type: "document",
    label: citation.title ?? citation.quote.slice(0, 80),
    aliases: [],
    description: describe(`Cited in ${meta.id}`, meta),
    kind,
    ...(citation.title ? { title: citation.title } : {}),
    ...(citation.author ? { author: citation.author } : {}),
    ...(citation.publisher ? { publisher: citation.publisher } : {}),
    ...(citation.date ? { date: citation.date } : {}),
    ...(citation.url ? { url: citation.url } : {}),
  });
  return id;
}

/** A report's title when none is given: its first line, when short enough to be a heading, else its id. */
function defaultTitle(text: string, id: string): string {
  const first = text.split("\n", 1)[0]!.trim();
  return first.length > 0 && first.length <= 120 ? first : id;
}

function candidateRecord(candidate: Candidate, meta: ReportMeta): RecordData {
  return {
    id: candidate.id,
    ...STATUS,
    rule: candidate.rule,
    type: candidate.type,
    label: candidate.label,
    aliases: candidate.aliases,
    description: describe(
      `${candidate.label}, named ${candidate.mentions} time(s)${candidate.role ? ` with the title "${candidate.role}"` : ""}`,
      meta,
    ),
    ...(candidate.type === "state" && /^state:[a-z]{3}$/.test(candidate.id)
      ? { iso3: candidate.id.slice(6).toUpperCase() }
      : {}),
  };
}

/**
 * The records of a report: `analysis` of its text, `known` the corpus's node ids and types. Only candidates that a
 * claim or a recommendation names are kept as nodes, so the reviewer sees no orphan names; the rest stay in the
 * report's mentions.
 */
export function buildSourceFiles(
  analysis: Analysis,
  meta: ReportMeta,
  schema: Schema,
  known: ReadonlyMap<string, string>,
  sha256: string,
): SourceFiles {
  const { text } = analysis;
  const title = meta.title ?? defaultTitle(text, meta.id);
  const pool = new IdPool([...known.keys(), ...analysis.candidates.map((c) => c.id)]);
  const documentId = pool.take(`doc:source:${slugOf(meta.id)}`);
  const documents = new Map<string, RecordData>();
  const endnotes = analysis.endnotes.notes.map((note) => ({
    marker: note.marker,
    citations: (analysis.citations.get(note.marker) ?? []).map((citation) => ({
      document: citedDocument(citation, known, pool, documents, meta),
      ...(citation.locator ? { locator: citation.locator } : {}),
      quote: citation.quote,
    })),
  }));
  const source: RecordData = {
    id: meta.id,
    text: "source.txt",
    document: documentId,
    title,
    ...(meta.date ? { date: meta.date } : {}),
    ...(meta.publisher ? { publisher: meta.publisher } : {}),
    ...(meta.url ? { url: meta.url } : {}),
    sha256,
    endnotes,
  };
  const own: RecordData = {
    id: documentId,
    ...STATUS,
    rule: "ingest:source-document",
    type: "document",
    label: title,
    aliases: [],
    description: describe(`The report ${title}`, meta),
    kind: "report",
    ...(meta.date ? { date: meta.date } : {}),
    ...(meta.publisher ? { publisher: meta.publisher } : {}),
    ...(meta.url ? { url: meta.url } : {}),
  };

  const edges: RecordData[] = [];
  const edgeIds = new IdPool([]);
  const used = new Set<string>();
  const evidence = (start: number, end: number, footnotes: string[]) => {
    const anchor = anchorAt(text, start, end);
    return { quote: text.slice(start, end), footnotes, ...anchor };
  };
  for (const claim of analysis.claims) {
    const spec = schema.edgeTypes.get(claim.type);
    if (!spec) continue;
    used.add(claim.source).add(claim.target);
    edges.push({
      id: edgeIds.take(`${claim.source}--${claim.type}--${claim.target}`),
      ...STATUS,
      rule: claim.rule,
      type: claim.type,
      source: claim.source,
      target: claim.target,
      ...claim.attributes,
      ...(claim.date ? { date: claim.date } : {}),
      evidence: evidence(claim.start, claim.end, claim.footnotes),
    });
  }
  const recommendations: RecordData[] = [];
  const headingCount = new Map<string, number>();
  for (const r of analysis.recommendations) {
    const nth = (headingCount.get(r.heading) ?? 0) + 1;
    headingCount.set(r.heading, nth);
    const addressees = r.addressees.flatMap((m) => {
      const id = m.node ?? m.candidate?.id;
      const type = m.type ?? "";
      return id && schema.edgeTypes.get("addressed-to")?.targetTypes.includes(type) ? [id] : [];
    });
    const id = pool.take(
      `rec:${slugOf(meta.id).slice(0, 30)}-${slugOf(r.heading.replace(/ should:$/, "")).slice(0, 30)}-${r.number}`,
    );
    recommendations.push({
      id,
      ...STATUS,
      rule: "recommendation-list",
      type: "recommendation",
      label: `${r.heading.replace(/:$/, "")} ${r.text.split(/\s+/).slice(0, 8).join(" ")}…`,
      aliases: [],
      description: describe(`Recommendation ${r.number} under "${r.heading}"`, meta),
      text: r.text,
      heading: r.heading,
      number: r.number,
    });
    const footnotes = analysis.endnotes.markers
      .filter((m) => m.start >= r.start && m.start <= r.end)
      .map((m) => m.marker);
    for (const target of [...new Set(addressees)]) {
      used.add(target);
      edges.push({
        id: edgeIds.take(`${id}--addressed-to--${target}`),
        ...STATUS,
        rule: "recommendation-heading",
        type: "addressed-to",
        source: id,
        target,
        evidence: evidence(r.start, r.end, footnotes),
      });
    }
  }
  const candidates = analysis.candidates.filter((c) => used.has(c.id)).map((c) => candidateRecord(c, meta));
  return {
    source,
    nodes: [own, ...candidates, ...documents.values(), ...recommendations],
    edges,
    document: documentId,
  };
}
