// `rightsgraph ingest`, step by step: read the report, normalise its text, load the corpus it joins, analyse the
// text, build the source's records, check them with the loader as if written, then write the folder whole (a
// temporary folder inside the data folder, renamed into place) and report what was found.
import { randomBytes } from "node:crypto";
import { lstat, mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { IngestReport } from "../api/ingest-report";
import { loadDataset } from "../data";
import { textSha256 } from "../data/check-source";
import { RightsGraphError } from "../errors";
import { ID_PATTERN } from "../schema/closest-ids";
import { analyseReport, type Analysis } from "./analyse-report";
import { buildSourceFiles, type ReportMeta, type SourceFiles } from "./build-source-files";
import { corpusContext } from "./corpus-context";
import { normaliseText } from "./normalise-text";
import { readReport } from "./read-report";
import { renderGraphYaml, renderSourceYaml } from "./render-source-files";

export interface IngestOptions {
  dataDir: string;
  meta: ReportMeta;
  /** Replace a source folder of the same id. */
  force?: boolean;
  /** Called as each step starts, for the CLI to show. */
  onStep?: (step: string) => void;
}

/** The source id is taken, or is not a plain folder name. */
export class IngestRefusedError extends RightsGraphError {
  constructor(message: string) {
    super("ingest-refused", message);
  }
}

const SOURCE_ID = /^[a-z0-9][a-z0-9._-]{0,99}$/;

/** Ingests the report at `file` into `options.dataDir` (see the file's banner); returns the JSON report. */
export async function ingestReport(file: string, options: IngestOptions): Promise<IngestReport> {
  const { dataDir, meta } = options;
  const step = options.onStep ?? (() => {});
  if (!SOURCE_ID.test(meta.id) || !ID_PATTERN.test(meta.id))
    throw new IngestRefusedError(`ingest: source id "${meta.id}" must be lower-case letters, digits, ".", "_" or "-"`);
  const folder = path.join(dataDir, "sources", meta.id);
  const exists = await lstat(folder).then(
    () => true,
    () => false,
  );
  if (exists && !options.force)
    throw new IngestRefusedError(
      `ingest: source "${meta.id}" already exists in ${dataDir}; give --force to replace it`,
    );

  step(`reading ${path.basename(file)}`);
  const text = normaliseText(await readReport(file));
  const sha256 = textSha256(text);

  step("loading the corpus");
  const exclude = new Set([meta.id]);
  const dataset = await loadDataset(dataDir, { suggestions: true, allowNoSources: true, excludeSources: exclude });

  step("finding endnotes, mentions and claims");
  const context = await corpusContext(dataset, meta.date);
  const analysis = analyseReport(text, context);
  const known = new Map(dataset.graph.mapNodes((id, a) => [id, a.type] as const));
  for (const id of dataset.review?.hiddenNodes ?? []) known.set(id, "");
  const files = buildSourceFiles(analysis, meta, dataset.schema, known, sha256);
  const written = new Map([
    [`sources/${meta.id}/source.txt`, text],
    [`sources/${meta.id}/source.yaml`, renderSourceYaml(files.source)],
    [`sources/${meta.id}/graph.yaml`, renderGraphYaml(files.nodes, files.edges)],
  ]);

  step("checking the records with the loader");
  // The new folder is checked whole, as if written (its files read in place of the old ones under --force);
  // nothing is written unless it loads.
  await loadDataset(dataDir, { suggestions: true, overrides: written });

  step(`writing sources/${meta.id}`);
  await writeFolder(dataDir, meta.id, written, exists);
  return reportOf(analysis, files, meta, sha256, path.join(dataDir, "sources", meta.id, "source.txt"));
}

/** Writes the files into a hidden temporary folder beside the others, then renames it into place. */
async function writeFolder(dataDir: string, id: string, files: Map<string, string>, replace: boolean): Promise<void> {
  const sources = path.join(dataDir, "sources");
  await mkdir(sources, { recursive: true });
  const suffix = randomBytes(6).toString("hex");
  const temporary = path.join(sources, `.ingest-${id}-${suffix}`);
  const target = path.join(sources, id);
  await mkdir(temporary);
  try {
    for (const [rel, text] of files) await writeFile(path.join(temporary, path.basename(rel)), text, { flag: "wx" });
    if (replace) {
      const old = path.join(sources, `.replaced-${id}-${suffix}`);
      await rename(target, old);
      await rename(temporary, target);
      await rm(old, { recursive: true, force: true });
    } else await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { recursive: true, force: true });
    throw error;
  }
}

/** The JSON report (the contract in src/api/ingest-report.ts). */
function reportOf(
  analysis: Analysis,
  files: SourceFiles,
  meta: ReportMeta,
  sha256: string,
  textPath: string,
): IngestReport {
  return {
    source: { id: meta.id, path: textPath, sha256, chars: analysis.text.length },
    endnotes: analysis.endnotes.notes.map((note) => ({
      marker: note.marker,
      text: note.text,
      citations: (analysis.citations.get(note.marker) ?? []).map((c) => ({
        ...(c.title ? { title: c.title } : {}),
        ...(c.author ? { author: c.author } : {}),
        ...(c.publisher ? { publisher: c.publisher } : {}),
        ...(c.date ? { date: c.date } : {}),
        ...(c.url ? { url: c.url } : {}),
        ...(c.symbol ? { symbol: c.symbol } : {}),
        ...(c.locator ? { locator: c.locator } : {}),
      })),
    })),
    markers: analysis.endnotes.markers.map(({ marker, start, end }) => ({ marker, start, end })),
    mentions: analysis.mentions.map((m) => ({
      text: m.text,
      start: m.start,
      end: m.end,
      node: m.node,
      ...(m.type ? { type: m.type } : {}),
    })),
    symbols: analysis.symbols.map(({ symbol, start, end }) => ({ symbol, start, end })),
    suggestions: files.edges.map((e) => {
      const evidence = e.evidence as { quote: string; footnotes: string[] };
      return {
        id: e.id as string,
        type: e.type as string,
        source: e.source as string,
        target: e.target as string,
        quote: evidence.quote,
        footnotes: evidence.footnotes,
        ...(typeof e.date === "string" ? { date: e.date } : {}),
        rule: e.rule as string,
        status: "suggested" as const,
      };
    }),
    problems: analysis.endnotes.problems.map(({ code, message, start, end }) => ({ code, message, start, end })),
  };
}
