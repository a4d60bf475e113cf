// The ingest measure: a report ingested into a corpus, compared with what a careful reader curated. Endnotes and
// their markers, UN symbols and citation URLs, mentions of the curated nodes the text names (recall) and mentions
// linked to the wrong node, suggested claims between actors whose quote overlaps a curated claim between the same
// two nodes (recall and precision). Used by `npm run ingest:measure` (the README's table) and by the tests.
import { cp, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { IngestReport } from "../../src/api/contract";
import { loadDataset } from "../../src/data";
import { foldName } from "../../src/ingest/folded-text";
import { ingestReport } from "../../src/ingest/ingest-report";

/** Node types that act: claims between two of these are the ones measured. */
export const ACTOR_TYPES = new Set([
  "state",
  "igo",
  "un-body",
  "un-office",
  "person",
  "organisation",
  "group",
  "court",
]);

/** A claim a careful reader found: its ends and a phrase of its quote (or its offsets in the text). */
export interface CuratedClaim {
  type: string;
  source: string;
  target: string;
  quote?: string;
  start?: number;
  end?: number;
}

/** What the reader curated for one report. */
export interface Curated {
  markers: string[];
  symbols: string[];
  urls: string[];
  /** Ids of the curated nodes that the text names. */
  named: string[];
  /** Every name (label, aliases) of the curated nodes named or at the ends of a claim. */
  names: Map<string, string[]>;
  claims: CuratedClaim[];
}

export interface Figures {
  endnotes: { found: number; expected: number; exact: boolean; withMarkers: number };
  symbols: { found: number; expected: number; missing: string[] };
  urls: { found: number; expected: number; missing: string[] };
  mentions: { found: number; expected: number; missing: string[]; wrong: string[] };
  claims: { covered: number; expected: number; suggested: number; overlapping: number; missed: string[] };
  /** Whether the ingested folder loads (validates) with its suggestions. */
  loads: boolean;
}

/** A corpus to ingest into: the bundled schema, and these entity folders' files. */
export async function makeCorpus(entityDirs: string[]): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), "rightsgraph-measure-"));
  const dir = path.join(root, "data");
  await cp(path.resolve("graph-data/schema.yaml"), path.join(dir, "schema.yaml"));
  for (const entities of entityDirs) await cp(entities, path.join(dir, "entities"), { recursive: true });
  return dir;
}

/** Removes a corpus made by makeCorpus. */
export async function removeCorpus(dir: string): Promise<void> {
  await rm(path.dirname(dir), { recursive: true, force: true });
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;

/**
 * Ingests `file` into `dataDir` as `id` and measures it against `curated`. `sameNode` maps an id the report's
 * suggestions use (a candidate of an empty corpus) to the curated one, when they differ.
 */
export async function measureIngest(
  file: string,
  dataDir: string,
  id: string,
  curated: Curated,
  reportDate?: string,
): Promise<{ report: IngestReport; figures: Figures }> {
  // The names the corpus knew before the report: a mention is linked to one of these nodes or to none.
  const before = await loadDataset(dataDir, { suggestions: true, allowNoSources: true });
  const names = new Map(
    before.graph.mapNodes((n, a): [string, string[]] => [
      n,
      [a.label, ...a.aliases, ...(a.shortLabel ? [a.shortLabel] : [])].map((x) => foldName(x)),
    ]),
  );
  const report = await ingestReport(file, { dataDir, meta: { id, ...(reportDate ? { date: reportDate } : {}) } });
  const dataset = await loadDataset(dataDir, { suggestions: true });
  const text = await readFile(report.source.path, "utf8");

  // Candidates of a corpus that did not know a node stand for the curated node whose name they print.
  const curatedByName = new Map<string, string>();
  for (const [nodeId, printed] of curated.names) for (const name of printed) curatedByName.set(foldName(name), nodeId);
  const sameNode = (nodeId: string): string => {
    if (!dataset.graph.hasNode(nodeId) || curated.names.has(nodeId)) return nodeId;
    const a = dataset.graph.getNodeAttributes(nodeId);
    for (const name of [a.label, ...a.aliases]) {
      const found = curatedByName.get(foldName(name));
      if (found) return found;
    }
    return nodeId;
  };

  const markersWithNote = new Set(report.markers.map((m) => m.marker));
  const noteMarkers = report.endnotes.map((n) => n.marker);
  const symbolsFound = new Set([
    ...report.symbols.map((s) => s.symbol),
    ...report.endnotes.flatMap((n) => n.citations.flatMap((c) => (c.symbol ? [c.symbol] : []))),
  ]);
  const urlsFound = new Set(report.endnotes.flatMap((n) => n.citations.flatMap((c) => (c.url ? [c.url] : []))));

  const linked = new Set(report.mentions.flatMap((m) => (m.node ? [m.node] : [])));
  const mentionedCandidates = new Set(
    report.mentions.flatMap((m) => (m.node === null ? [foldName(m.text)] : [])).map((n) => curatedByName.get(n)),
  );
  const found = curated.named.filter((n) => linked.has(n) || mentionedCandidates.has(n));
  // A mention is wrong when it is linked to a node whose names do not include it, or when it stands inside a longer
  // printed name of another known node ("Seoul" inside "OHCHR field office in Seoul").
  const folded = foldName(text);
  const longer = (m: IngestReport["mentions"][number]): string | undefined => {
    for (const [other, otherNames] of names) {
      if (other === m.node) continue;
      for (const name of otherNames) {
        if (name.length <= m.end - m.start) continue;
        for (let at = folded.indexOf(name); at >= 0; at = folded.indexOf(name, at + 1))
          if (at <= m.start && at + name.length >= m.end && !/\w/.test(folded[at + name.length] ?? "")) return other;
      }
    }
    return undefined;
  };
  const wrong = report.mentions.flatMap((m) => {
    if (m.node === null) return [];
    if (!(names.get(m.node) ?? []).includes(foldName(m.text))) return [`${m.text} -> ${m.node}`];
    const other = longer(m);
    return other ? [`${m.text} -> ${m.node} (inside a name of ${other})`] : [];
  });

  const located = curated.claims.map((c) => {
    if (c.start !== undefined && c.end !== undefined) return { ...c, start: c.start, end: c.end };
    const at = text.indexOf(c.quote!);
    if (at < 0) throw new Error(`measure: curated quote “${c.quote}” is not in ${file}`);
    return { ...c, start: at, end: at + c.quote!.length };
  });
  const pair = (a: string, b: string) => [a, b].sort().join(" ");
  const suggestions = report.suggestions.map((s) => ({
    ...s,
    pair: pair(sameNode(s.source), sameNode(s.target)),
    start: text.indexOf(s.quote),
    end: text.indexOf(s.quote) + s.quote.length,
  }));
  const covers = (s: (typeof suggestions)[number], c: (typeof located)[number]) =>
    s.pair === pair(c.source, c.target) && overlaps(s, c);
  const covered = located.filter((c) => suggestions.some((s) => covers(s, c)));
  const overlapping = suggestions.filter((s) => located.some((c) => covers(s, c)));
  return {
    report,
    figures: {
      endnotes: {
        found: noteMarkers.length,
        expected: curated.markers.length,
        exact: noteMarkers.join(" ") === curated.markers.join(" "),
        withMarkers: noteMarkers.filter((m) => markersWithNote.has(m)).length,
      },
      symbols: {
        found: curated.symbols.filter((s) => symbolsFound.has(s)).length,
        expected: curated.symbols.length,
        missing: curated.symbols.filter((s) => !symbolsFound.has(s)),
      },
      urls: {
        found: curated.urls.filter((u) => urlsFound.has(u)).length,
        expected: curated.urls.length,
        missing: curated.urls.filter((u) => !urlsFound.has(u)),
      },
      mentions: {
        found: found.length,
        expected: curated.named.length,
        missing: curated.named.filter((n) => !found.includes(n)),
        wrong,
      },
      claims: {
        covered: covered.length,
        expected: located.length,
        suggested: suggestions.length,
        overlapping: overlapping.length,
        missed: located.filter((c) => !covered.includes(c)).map((c) => `${c.source} ${c.type} ${c.target}`),
      },
      loads: true,
    },
  };
}
