// What ingest knows of the corpus it writes into: the nodes to find mentions of (every record but rejected ones), the
// ids already taken, and the verb lexicon checked against the corpus's schema.
import { readFile } from "node:fs/promises";
import type { Dataset } from "../schema/types";
import type { AnalysisContext } from "./analyse-report";
import { lexiconFile, readVerbLexicon } from "./verb-lexicon";

/**
 * The analysis context for `dataset` (loaded with suggestions, so that a report ingested twice does not propose its
 * own candidates again): each node with its label, aliases and short label when it has one.
 */
export async function corpusContext(dataset: Dataset, reportDate?: string): Promise<AnalysisContext> {
  const file = await lexiconFile(dataset.dataDir);
  const lexicon = readVerbLexicon(file, await readFile(file, "utf8"), dataset.schema);
  const known = dataset.graph.mapNodes((id, a) => {
    const short = (a as { shortLabel?: unknown }).shortLabel;
    return { id, type: a.type, names: [a.label, ...a.aliases, ...(typeof short === "string" ? [short] : [])] };
  });
  const takenIds = new Set([...dataset.graph.nodes(), ...(dataset.review?.hiddenNodes ?? [])]);
  return { schema: dataset.schema, lexicon, known, takenIds, ...(reportDate ? { reportDate } : {}) };
}
