// What was curated for each measured report: the bundled brief's own source folder (read from graph-data), and the
// FICTIONAL test reports' expectations (tests/fixtures/ingest/expected.json, their entities in corpus/entities).
import { readFile } from "node:fs/promises";
import path from "node:path";
import { loadDataset } from "../../src/data";
import { foldName } from "../../src/ingest/folded-text";
import { ACTOR_TYPES, type Curated } from "./measure-ingest";

export const FIXTURES = path.resolve("tests/fixtures/ingest");
export const BRIEF_ID = "dprk-2020-brief";

/** Whether `name` stands in `text` as a word (folded: case and accents dropped). */
function printed(folded: string, name: string): boolean {
  const n = foldName(name);
  for (let at = folded.indexOf(n); at >= 0; at = folded.indexOf(n, at + 1))
    if (!/[\p{L}\p{N}]/u.test(folded[at - 1] ?? "") && !/[\p{L}\p{N}]/u.test(folded[at + n.length] ?? "")) return true;
  return false;
}

/**
 * The brief as curated in graph-data: its endnotes, the symbols of its documents that the text prints, its
 * citations' URLs, the curated nodes that the text names (of `knownIds` when given: a corpus that knows only
 * those), and its claims between two actors.
 */
export async function curatedBrief(knownIds?: ReadonlySet<string>): Promise<Curated> {
  const dataset = await loadDataset(path.resolve("graph-data"));
  const source = dataset.sources.get(BRIEF_ID)!;
  const folded = foldName(source.text);
  const { graph } = dataset;
  const names = new Map(
    graph.mapNodes((id, a): [string, string[]] => [
      id,
      [a.label, ...a.aliases, ...(a.shortLabel ? [a.shortLabel] : [])],
    ]),
  );
  const named = graph.filterNodes(
    (id, a) =>
      // A corpus that knows nothing can only propose candidates, and candidates are actors.
      (knownIds === undefined ? ACTOR_TYPES.has(a.type) : knownIds.has(id)) &&
      names.get(id)!.some((n) => n.length > 1 && printed(folded, n)),
  );
  const symbols = graph
    .mapNodes((_, a) => a.props.symbol)
    .filter((s): s is string => typeof s === "string" && source.text.includes(s));
  const urls = [...source.endnotes.values()].flatMap((n) =>
    n.citations.flatMap((c) => [...c.quote.matchAll(/<(https?:\/\/[^>]+)>/g)].map((m) => m[1]!)),
  );
  const claims = graph
    .filterEdges(
      (_, a, _s, _t, sa, ta) =>
        // Claims the text makes (each has a modality); links from outside knowledge (an organ's place in the UN) are not.
        a.type !== "cites" &&
        a.props.modality !== undefined &&
        a.evidence.sourceDoc === source.document &&
        ACTOR_TYPES.has(sa.type) &&
        ACTOR_TYPES.has(ta.type),
    )
    .map((e) => {
      const a = graph.getEdgeAttributes(e);
      return {
        type: a.type,
        source: graph.source(e),
        target: graph.target(e),
        start: a.evidence.start,
        end: a.evidence.end,
      };
    });
  return { markers: [...source.endnotes.keys()], symbols, urls, named, names, claims };
}

interface ExpectedReport {
  file: string;
  markers: string[];
  symbols: string[];
  urls: string[];
  named: string[];
  claims: Curated["claims"];
}

/** The fictional reports' expectations, by name, with each report's file; `corpus` gives the nodes' names. */
export async function curatedFictional(corpus: string): Promise<Map<string, { file: string; curated: Curated }>> {
  const raw = JSON.parse(await readFile(path.join(FIXTURES, "expected.json"), "utf8")) as Record<string, unknown>;
  const dataset = await loadDataset(corpus, { allowNoSources: true });
  const names = new Map(dataset.graph.mapNodes((id, a): [string, string[]] => [id, [a.label, ...a.aliases]]));
  const reports = new Map<string, { file: string; curated: Curated }>();
  for (const [name, value] of Object.entries(raw)) {
    if (name === "//") continue;
    const entry = value as Partial<ExpectedReport> & { "same-as"?: string; file: string };
    const base = (entry["same-as"] ? raw[entry["same-as"]] : entry) as ExpectedReport;
    reports.set(name, {
      file: path.join(FIXTURES, entry.file),
      curated: {
        markers: base.markers,
        symbols: base.symbols,
        urls: base.urls,
        named: base.named,
        names,
        claims: base.claims,
      },
    });
  }
  return reports;
}
