// The JSON report of `rightsgraph ingest --json`: a contract (README, "Adding a report"). Offsets index the written
// source.txt in UTF-16 code units, as the API's evidence offsets do. It imports nothing, so the contract re-exports it.

/** One citation of an endnote, read into the parts it prints. */
export interface IngestCitation {
  title?: string;
  author?: string;
  publisher?: string;
  date?: string;
  url?: string;
  symbol?: string;
  locator?: string;
}

/** A problem ingest found in the report: a marker without a note, a note without a marker, a note listed twice. */
export interface IngestProblem {
  code: string;
  message: string;
  start?: number;
  end?: number;
}

export interface IngestReport {
  source: { id: string; path: string; sha256: string; chars: number };
  endnotes: { marker: string; text: string; citations: IngestCitation[] }[];
  markers: { marker: string; start: number; end: number }[];
  /** `node` is the known node a name stands for; null for a candidate (then `type` is its guessed type) or an ambiguous name. */
  mentions: { text: string; start: number; end: number; node: string | null; type?: string }[];
  symbols: { symbol: string; start: number; end: number }[];
  suggestions: {
    id: string;
    type: string;
    source: string;
    target: string;
    quote: string;
    footnotes: string[];
    date?: string;
    rule: string;
    status: "suggested";
  }[];
  problems: IngestProblem[];
}
