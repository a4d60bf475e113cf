// The analysis of a report's text, step by step: endnotes and their citations, UN symbols, dates, mentions of known
// nodes and candidates, sentences, suggested claims and recommendations. Nothing here reads or writes files.
import type { Schema } from "../schema/types";
import { findDates, type DateFound } from "./find-dates";
import { findEndnotes, type Endnotes } from "./find-endnotes";
import { findMentions, type Candidate, type KnownNode, type Mention } from "./find-mentions";
import { findRecommendations, type RecommendationFound } from "./find-recommendations";
import { parseCitations, type CitationFound } from "./parse-citations";
import { splitSentences, type Sentence } from "./split-sentences";
import { suggestClaims, type SuggestedClaim } from "./suggest-claims";
import { suggestPositions } from "./suggest-positions";
import { findSymbols, type SymbolFound } from "./un-symbols";
import type { VerbEntry } from "./verb-lexicon";

/** What the analysis needs to know of the corpus and the report. */
export interface AnalysisContext {
  schema: Schema;
  lexicon: VerbEntry[];
  known: KnownNode[];
  takenIds: ReadonlySet<string>;
  /** The report's own date (`--date`), for months the text gives without a year. */
  reportDate?: string;
}

export interface Analysis {
  text: string;
  endnotes: Endnotes;
  /** The citations of each note, by its marker. */
  citations: Map<string, CitationFound[]>;
  symbols: SymbolFound[];
  dates: DateFound[];
  mentions: Mention[];
  candidates: Candidate[];
  sentences: Sentence[];
  claims: SuggestedClaim[];
  recommendations: RecommendationFound[];
}

/** Analyses a normalised report text. */
export function analyseReport(text: string, ctx: AnalysisContext): Analysis {
  const endnotes = findEndnotes(text);
  const citations = new Map(endnotes.notes.map((n) => [n.marker, parseCitations(n.text, n.start)]));
  const symbols = findSymbols(text);
  const dates = findDates(text, ctx.reportDate);
  const idPrefix = (type: string) => ctx.schema.nodeTypes.get(type)?.idPrefix;
  const { mentions, candidates } = findMentions(text, {
    known: ctx.known,
    takenIds: ctx.takenIds,
    idPrefix,
    notesStart: endnotes.notesStart,
  });
  const recommendations = findRecommendations(text, mentions, endnotes.notesStart);
  // Recommendations are imperatives without a subject: their items and headings state no claim of their own.
  const inRecommendations = (s: Sentence) =>
    recommendations.some(
      (r) => (s.start >= r.start && s.start < r.end) || (s.start >= r.headingStart && s.start < r.headingEnd),
    );
  const sentences = splitSentences(text, 0, endnotes.notesStart).filter((s) => !inRecommendations(s));
  const headlines = [...citations].flatMap(([marker, found]) =>
    found.flatMap((c) => {
      if (!c.title) return [];
      const start = text.indexOf(c.title, c.start);
      return start < 0 || start >= c.end
        ? []
        : [{ sentence: { start, end: start + c.title.length, outerEnd: start + c.title.length }, marker }];
    }),
  );
  const claimContext = { text, schema: ctx.schema, lexicon: ctx.lexicon, mentions, markers: endnotes.markers, dates };
  const claims = [
    ...suggestClaims(claimContext, sentences, headlines),
    ...sentences.flatMap((s) => suggestPositions(claimContext, s)),
  ].sort((a, b) => a.start - b.start);
  return { text, endnotes, citations, symbols, dates, mentions, candidates, sentences, claims, recommendations };
}
