// Loads a data folder (schema, shared entities, sources) into a validated graph: every problem at once, or a graph.
import { fileURLToPath } from "node:url";
import { DataError, type Problem } from "../errors";
import type { Dataset, Schema } from "../schema/types";
import { buildDataset } from "./build-dataset";
import type { CheckContext } from "./check-records";
import { checkEdgeIds, checkReferences, indexNodes } from "./check-references";
import { readSource, type SourceDraft } from "./check-source";
import { PassageHints } from "./closest-passage";
import { DataFolder } from "./data-folder";
import { resolveLoadLimits, type LoadLimits } from "./load-limits";
import { readEntities, readSourceGraphs } from "./read-graph-files";
import { readInOrder } from "./read-in-order";
import { readSchema } from "./read-schema";

/** The bundled data folder. */
export const DEFAULT_DATA_DIR = fileURLToPath(new URL("../../graph-data", import.meta.url));

export interface LoadOptions {
  /** How loading reports its progress (for a large corpus): `done` of `total` files read. */
  onProgress?: (done: number, total: number) => void;
  /** Limits to use instead of DEFAULT_LOAD_LIMITS (tests lower them). */
  limits?: Partial<LoadLimits>;
}

/** Loads and validates a data folder. Throws DataError with every problem found; never returns a partial graph. */
export async function loadDataset(dataDir: string = DEFAULT_DATA_DIR, options: LoadOptions = {}): Promise<Dataset> {
  const folder = await DataFolder.open(dataDir, resolveLoadLimits(options.limits));
  const schema = await loadSchema(folder);
  const sourceDirs = await folder.list("sources", "folders");
  // Each source counts twice: its source.yaml and text, then its graph files.
  let filesDone = 0;
  const progress = () => options.onProgress?.(++filesDone, sourceDirs.length * 2);

  const ctx: CheckContext = {
    schema,
    problems: folder.problems,
    hints: new PassageHints(folder.limits.hintCharacters),
  };
  const sources = await readSources(folder, ctx, sourceDirs, progress);
  const texts = sources.map((s) => s.text);
  const entities = await readEntities(folder, ctx, texts);
  const claims = await readSourceGraphs(folder, ctx, sources, progress);
  const problems = folder.problems;
  const nodes = indexNodes([...entities, ...claims.nodes], problems);
  checkEdgeIds(claims.edges, problems);
  const drafts = { schema, nodes, sources, edges: claims.edges };
  // A file that did not parse hides its nodes: checking references now would only list false "unknown node"s.
  if (!problems.some((p) => UNREADABLE.has(p.code))) checkReferences(drafts, problems);
  if (problems.length > 0) throw new DataError(sortProblems(problems));
  return buildDataset(folder.root, drafts);
}

/** Problems that leave a file unread, and with it the nodes it declares. */
const UNREADABLE = new Set<Problem["code"]>(["yaml-syntax", "json-syntax", "missing-file", "unsafe-path", "bad-file"]);

/** The schema, or DataError with the ways the model itself (or its file) is wrong. */
async function loadSchema(folder: DataFolder): Promise<Schema> {
  const text = await folder.readText("schema.yaml");
  if (text === null) throw new DataError(folder.problems);
  const { schema, problems } = readSchema(folder.shown("schema.yaml"), text);
  if (!schema) throw new DataError(problems, "invalid-schema");
  return schema;
}

/** Every source folder's metadata, endnotes and text, in folder order; a folder with a problem is left out. */
async function readSources(
  folder: DataFolder,
  ctx: CheckContext,
  dirs: string[],
  progress: () => void,
): Promise<SourceDraft[]> {
  const sources: SourceDraft[] = [];
  // Problems found while reading ahead arrive out of order; they are sorted by file and line at the end.
  await readInOrder(
    dirs,
    (dir) => readSource(folder, ctx, dir),
    (source) => {
      if (source) sources.push(source);
      progress();
    },
  );
  if (dirs.length === 0)
    folder.problems.push({
      file: folder.shown("sources"),
      line: 1,
      code: "missing-file",
      message: "no source folders found",
      hint: "add sources/<id>/source.yaml",
    });
  return sources;
}

function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}
