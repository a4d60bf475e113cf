// Loads a data folder (schema, shared entities, sources) into a validated graph: every problem at once, or a graph.
import { fileURLToPath } from "node:url";
import { DataError, type Problem } from "../errors";
import { shownStatuses } from "../schema/review-status";
import type { Dataset, Schema } from "../schema/types";
import { buildDataset } from "./build-dataset";
import type { CheckContext } from "./check-records";
import { checkEdgeIds, checkReferences, indexNodes } from "./check-references";
import { checkStatuses } from "./check-statuses";
import { readSource, type SourceDraft } from "./check-source";
import { PassageHints } from "./closest-passage";
import { DataFolder } from "./data-folder";
import { resolveLoadLimits, type LoadLimits } from "./load-limits";
import { readEntities, readSourceGraphs } from "./read-graph-files";
import { readInOrder } from "./read-in-order";
import { readSchemaOnce } from "./read-schema";

/** The bundled data folder. */
export const DEFAULT_DATA_DIR = fileURLToPath(new URL("../../graph-data", import.meta.url));

/** How far a load has got: files read of the total, claims (edge records) checked, and the step it is in. */
export interface LoadProgress {
  /** `read` while files are read and checked, `build` once every check has passed and the graph is being built. */
  phase: "read" | "build";
  filesRead: number;
  filesTotal: number;
  claimsChecked: number;
}

export interface LoadOptions {
  /** How loading reports its progress (for a large corpus): after each file read, and when the build starts. */
  onProgress?: (progress: LoadProgress) => void;
  /** Limits to use instead of DEFAULT_LOAD_LIMITS (tests lower them). */
  limits?: Partial<LoadLimits>;
  /**
   * Whether suggested records join the graph (draft and reviewed ones always do, rejected ones never). Every record
   * is checked either way.
   */
  suggestions?: boolean;
  /**
   * Texts to read in place of files, by path inside the data folder (`sources/x/graph.yaml`): a change is checked
   * whole before it is written. A path under `sources/<id>/` makes `<id>` a source folder even before it exists.
   */
  overrides?: ReadonlyMap<string, string>;
  /** Accept a folder with no source yet (a new corpus `rightsgraph ingest` is about to fill). */
  allowNoSources?: boolean;
  /** Source folders to leave out, by name: the source `rightsgraph ingest --force` is about to replace. */
  excludeSources?: ReadonlySet<string>;
  /** Keep where each claim edge's record stands (`Dataset.claimRecords`), for the edit API. */
  locateClaims?: boolean;
}

/** Loads and validates a data folder. Throws DataError with every problem found; never returns a partial graph. */
export async function loadDataset(dataDir: string = DEFAULT_DATA_DIR, options: LoadOptions = {}): Promise<Dataset> {
  const folder = await DataFolder.open(dataDir, resolveLoadLimits(options.limits), options.overrides);
  const schema = await loadSchema(folder);
  const sourceDirs = (await folder.list("sources", "folders")).filter((dir) => !options.excludeSources?.has(dir));
  // Each source counts twice: its source.yaml and text, then its graph files.
  const state: LoadProgress = { phase: "read", filesRead: 0, filesTotal: sourceDirs.length * 2, claimsChecked: 0 };
  const progress = (claims = 0) => {
    state.filesRead++;
    state.claimsChecked += claims;
    options.onProgress?.({ ...state });
  };

  const ctx: CheckContext = {
    schema,
    problems: folder.problems,
    hints: new PassageHints(folder.limits.hintCharacters),
  };
  const sources = await readSources(folder, ctx, sourceDirs, () => progress(), options.allowNoSources === true);
  const texts = sources.map((s) => s.text);
  const entities = await readEntities(folder, ctx, texts);
  const claims = await readSourceGraphs(folder, ctx, sources, progress);
  const problems = folder.problems;
  const nodes = indexNodes([...entities, ...claims.nodes], problems);
  checkEdgeIds(claims.edges, problems);
  const drafts = { schema, nodes, sources, edges: claims.edges };
  // A file that did not parse hides its nodes: checking references now would only list false "unknown node"s.
  if (!problems.some((p) => UNREADABLE.has(p.code))) {
    checkReferences(drafts, problems);
    checkStatuses(drafts, problems);
  }
  if (problems.length > 0) throw new DataError(sortProblems(problems));
  options.onProgress?.({ ...state, phase: "build" });
  return buildDataset(folder.root, drafts, shownStatuses(options.suggestions === true), options.locateClaims === true);
}

/** Problems that leave a file unread, and with it the nodes it declares. */
const UNREADABLE = new Set<Problem["code"]>(["yaml-syntax", "json-syntax", "missing-file", "unsafe-path", "bad-file"]);

/** The schema, or DataError with the ways the model itself (or its file) is wrong. */
async function loadSchema(folder: DataFolder): Promise<Schema> {
  const text = await folder.readText("schema.yaml");
  if (text === null) throw new DataError(folder.problems);
  const { schema, problems } = readSchemaOnce(folder.shown("schema.yaml"), text);
  if (!schema) throw new DataError(problems, "invalid-schema");
  return schema;
}

/** Every source folder's metadata, endnotes and text, in folder order; a folder with a problem is left out. */
async function readSources(
  folder: DataFolder,
  ctx: CheckContext,
  dirs: string[],
  progress: () => void,
  allowNone: boolean,
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
  if (dirs.length === 0 && !allowNone)
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
