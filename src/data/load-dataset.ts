// Loads a data folder (schema, shared entities, sources) into a validated graph: every problem at once, or a graph.
import { readFile, readdir, stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { MultiDirectedGraph } from "graphology";
import { DataError, type Problem } from "../errors";
import { closestIds } from "../schema/closest-ids";
import type {
  Citation,
  Dataset,
  EdgeAttributes,
  Endnote,
  GraphAttributes,
  NodeAttributes,
  RightsGraph,
  Schema,
  SourceRecord,
} from "../schema/types";
import {
  checkEdgeRecord,
  checkNodeRecord,
  RecordChecker,
  type EdgeDraft,
  type NodeDraft,
  type SourceText,
} from "./check-records";
import { normaliseEndnoteMarker } from "./endnote-marker";
import { parseJsonlFile } from "./jsonl-file";
import { parseYamlFile, type LocatedRecord, type YamlFile } from "./located-record";
import { readSchema } from "./read-schema";

/** The bundled data folder. */
export const DEFAULT_DATA_DIR = fileURLToPath(new URL("../../graph-data", import.meta.url));

const SOURCE_FIELDS = new Set([
  "id",
  "text",
  "document",
  "title",
  "date",
  "url",
  "language",
  "publisher",
  "publisher_verified",
  "publisher_note",
  "notes",
  "endnotes",
]);

interface CitationDraft extends Citation {
  marker: string;
  record: LocatedRecord;
}

interface SourceDraft {
  text: SourceText;
  record: LocatedRecord;
  document: string;
  title: string;
  meta: Record<string, unknown>;
  endnotes: Map<string, Endnote>;
  citations: CitationDraft[];
  textPath: string;
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

async function listDir(dir: string, wantDirs: boolean): Promise<string[]> {
  if (!(await exists(dir))) return [];
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((e) => (wantDirs ? e.isDirectory() : e.isFile() && /\.(ya?ml|jsonl)$/.test(e.name)))
    .map((e) => e.name)
    .sort();
}

/** Reads a file as UTF-8, reporting bytes that are not UTF-8 instead of silently replacing them. */
async function readText(abs: string, shown: string, problems: Problem[]): Promise<string | null> {
  let bytes: Buffer;
  try {
    bytes = await readFile(abs);
  } catch {
    problems.push({ file: shown, line: 1, code: "missing-file", message: `cannot read ${shown}` });
    return null;
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    const text = bytes.toString("utf8");
    const line = text.slice(0, Math.max(0, text.indexOf("\ufffd"))).split("\n").length;
    problems.push({
      file: shown,
      line,
      code: "bad-value",
      message: `${shown} is not valid UTF-8`,
      hint: "save it as UTF-8",
    });
    return null;
  }
}

async function readYaml(abs: string, shown: string, problems: Problem[]): Promise<YamlFile | null> {
  const text = await readText(abs, shown, problems);
  if (text === null) return null;
  const yaml = parseYamlFile(shown, text);
  problems.push(...yaml.problems);
  return yaml.problems.length > 0 ? null : yaml;
}

/**
 * The node and edge records of a graph file, YAML (`nodes:` and `edges:` lists) or JSON Lines (the bulk format,
 * by its `.jsonl` name); null when it cannot be read or parsed (the problems say why).
 */
async function readGraphFile(
  abs: string,
  shown: string,
  allowed: ("nodes" | "edges")[],
  problems: Problem[],
): Promise<{ nodes: LocatedRecord[]; edges: LocatedRecord[] } | null> {
  if (abs.endsWith(".jsonl")) {
    const text = await readText(abs, shown, problems);
    if (text === null) return null;
    const jsonl = parseJsonlFile(shown, text);
    problems.push(...jsonl.problems);
    if (!allowed.includes("edges"))
      for (const edge of jsonl.edges)
        problems.push({
          file: shown,
          line: edge.line,
          code: "bad-value",
          message: "entity files hold nodes only",
          hint: "put edges in a source's graph file",
        });
    return { nodes: jsonl.nodes, edges: allowed.includes("edges") ? jsonl.edges : [] };
  }
  const yaml = await readYaml(abs, shown, problems);
  if (!yaml) return null;
  topLevelKeys(yaml, allowed, problems);
  const nodeList = yaml.records("nodes");
  const edgeList = allowed.includes("edges") ? yaml.records("edges") : { records: [], problems: [] };
  problems.push(...nodeList.problems, ...edgeList.problems);
  return { nodes: nodeList.records, edges: edgeList.records };
}

function topLevelKeys(yaml: YamlFile, allowed: string[], problems: Problem[]): void {
  const root = yaml.root();
  if (yaml.value !== null && (typeof yaml.value !== "object" || Array.isArray(yaml.value))) {
    problems.push({
      file: yaml.file,
      line: 1,
      code: "bad-value",
      message: `${yaml.file} must be a mapping with ${allowed.join(", ")}`,
    });
    return;
  }
  for (const key of Object.keys(root.data)) {
    if (!allowed.includes(key)) {
      problems.push({
        file: yaml.file,
        line: root.lineOf(key),
        code: "unknown-field",
        message: `unknown top-level key "${key}"`,
        hint: `allowed: ${allowed.join(", ")}`,
      });
    }
  }
}

async function readSource(
  dataDir: string,
  shownDir: string,
  dirName: string,
  problems: Problem[],
): Promise<SourceDraft | null> {
  const shown = `${shownDir}/sources/${dirName}/source.yaml`;
  const yaml = await readYaml(path.join(dataDir, "sources", dirName, "source.yaml"), shown, problems);
  if (!yaml) return null;
  const record = yaml.root();
  const c = new RecordChecker(record, problems);
  const before = problems.length;
  const id = c.string("id", "source", true);
  if (id && id !== dirName)
    c.report(
      "bad-value",
      "id",
      `source id "${id}" differs from its folder "${dirName}"`,
      "name the folder after the id",
    );
  const textName = c.string("text", `source "${dirName}"`, true);
  const document = c.string("document", `source "${dirName}"`, true);
  const title = c.string("title", `source "${dirName}"`, true);
  c.date("date", `source "${dirName}"`);
  c.unknownKeys(`source "${dirName}"`, SOURCE_FIELDS, new Map());
  if (problems.length > before || !id || !textName || !document || !title) return null;
  const textPath = `sources/${dirName}/${textName}`;
  const text = await readText(path.join(dataDir, textPath), `${shownDir}/${textPath}`, problems);
  if (text === null) return null;
  const sourceText: SourceText = { id, file: `${shownDir}/${textPath}`, text };

  const endnotes = new Map<string, Endnote>();
  const citations: CitationDraft[] = [];
  const { records, problems: listProblems } = yaml.records("endnotes");
  problems.push(...listProblems);
  for (const note of records) {
    const nc = new RecordChecker(note, problems);
    const rawMarker = note.data.marker;
    const marker = normaliseEndnoteMarker(String(rawMarker ?? ""));
    if (marker === null) {
      nc.report(
        "bad-value",
        "marker",
        `endnote marker ${JSON.stringify(rawMarker)} is not a roman numeral`,
        'write "iv", "^{iv}" or "ⁱᵛ"',
      );
      continue;
    }
    if (endnotes.has(marker)) {
      nc.report("duplicate-id", "marker", `endnote "${marker}" is listed twice`);
      continue;
    }
    const endnote: Endnote = { marker, citations: [] };
    endnotes.set(marker, endnote);
    const rawCitations = note.data.citations;
    if (!Array.isArray(rawCitations) || rawCitations.length === 0) {
      nc.report("missing-field", "citations", `endnote "${marker}" needs a list of citations`);
      continue;
    }
    rawCitations.forEach((raw: unknown, index) => {
      const entry = raw as Record<string, unknown>;
      const line = note.lineOf("citations", index);
      const what = `endnote "${marker}", citation ${index + 1}`;
      const at = (code: Problem["code"], message: string, hint?: string) =>
        problems.push({ file: note.file, line, code, message, ...(hint ? { hint } : {}) });
      if (typeof entry !== "object" || entry === null || Array.isArray(entry))
        return at("bad-value", `${what} must be a mapping with document, quote and locator`);
      for (const key of Object.keys(entry))
        if (!["document", "quote", "locator"].includes(key))
          at("unknown-field", `${what}: unknown field "${key}"`, "allowed: document, quote, locator");
      if (typeof entry.document !== "string") return at("missing-field", `${what} has no "document"`);
      if (typeof entry.quote !== "string" || entry.quote === "")
        return at("missing-evidence", `${what} has no "quote" (the citation as printed)`);
      if (entry.locator !== undefined && typeof entry.locator !== "string")
        return at("bad-value", `${what}: "locator" must be a string such as "p.5"`);
      if (!text.includes(entry.quote))
        return at("quote-not-found", `${what}: quote is not found verbatim in ${sourceText.file}`);
      const citation: Citation = {
        document: entry.document,
        quote: entry.quote,
        ...(entry.locator ? { locator: entry.locator as string } : {}),
      };
      endnote.citations.push(citation);
      citations.push({ ...citation, marker, record: { ...note, line, lineOf: () => line } });
    });
  }
  const meta: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record.data)) if (key !== "endnotes") meta[key] = value;
  return { text: sourceText, record, document, title, meta, endnotes, citations, textPath };
}

/**
 * Edge ids: `base`, or `base--2`, `base--3`... : the first that no edge has taken yet. Ids are only ever added, so
 * the search for a base resumes where its last one stopped: linear, even for a pair linked thousands of times.
 */
class EdgeIds {
  private readonly next = new Map<string, number>();

  constructor(private readonly taken: Set<string>) {}

  unique(base: string): string {
    let n = this.next.get(base) ?? 1;
    let id = n === 1 ? base : `${base}--${n}`;
    while (this.taken.has(id)) id = `${base}--${++n}`;
    this.taken.add(id);
    this.next.set(base, n + 1);
    return id;
  }
}

/** How loading reports its progress (for a large corpus): `done` of `total` files read. */
export interface LoadOptions {
  onProgress?: (done: number, total: number) => void;
}

/** Files read ahead while earlier ones are checked: overlaps disk waits with the checks, keeps memory bounded. */
const READ_AHEAD = 16;

/** Runs `read` on every item, up to `ahead` at a time, and hands the results to `use` in the items' order. */
async function readInOrder<T, R>(
  items: readonly T[],
  read: (item: T) => Promise<R>,
  use: (result: R, item: T) => void,
  ahead = READ_AHEAD,
): Promise<void> {
  const pending: Promise<R>[] = [];
  for (let i = 0; i < Math.min(ahead, items.length); i++) pending.push(read(items[i]!));
  for (let i = 0; i < items.length; i++) {
    const result = await pending[i]!;
    delete pending[i];
    if (i + ahead < items.length) pending[i + ahead] = read(items[i + ahead]!);
    use(result, items[i]!);
  }
}

/** Loads and validates a data folder. Throws DataError with every problem found; never returns a partial graph. */
export async function loadDataset(dataDir: string = DEFAULT_DATA_DIR, options: LoadOptions = {}): Promise<Dataset> {
  const abs = path.resolve(dataDir);
  const shownDir = path.basename(abs);
  const problems: Problem[] = [];
  const schemaText = await readText(path.join(abs, "schema.yaml"), `${shownDir}/schema.yaml`, problems);
  if (schemaText === null) throw new DataError(problems);
  const { schema, problems: schemaProblems } = readSchema(`${shownDir}/schema.yaml`, schemaText);
  if (!schema) throw new DataError(schemaProblems, "invalid-schema");

  const sourceDirs = await listDir(path.join(abs, "sources"), true);
  const sources: SourceDraft[] = [];
  // Problems found while reading ahead arrive out of order; they are sorted by file and line at the end.
  const total = sourceDirs.length * 2;
  let filesDone = 0;
  await readInOrder(
    sourceDirs,
    (dir) => readSource(abs, shownDir, dir, problems),
    (source) => {
      if (source) sources.push(source);
      options.onProgress?.(++filesDone, total);
    },
  );
  if (sourceDirs.length === 0)
    problems.push({
      file: `${shownDir}/sources`,
      line: 1,
      code: "missing-file",
      message: "no source folders found",
      hint: "add sources/<id>/source.yaml",
    });
  const allTexts = sources.map((s) => s.text);

  const nodes: NodeDraft[] = [];
  const edges: EdgeDraft[] = [];
  for (const name of await listDir(path.join(abs, "entities"), false)) {
    const file = path.join(abs, "entities", name);
    const read = await readGraphFile(file, `${shownDir}/entities/${name}`, ["nodes"], problems);
    for (const record of read?.nodes ?? []) {
      const node = checkNodeRecord(record, schema, allTexts, problems);
      if (node) nodes.push(node);
    }
  }
  // graph.yaml, graph.jsonl (the bulk format) or both.
  const readGraphFiles = async (source: SourceDraft) => {
    const found = [];
    for (const name of ["graph.yaml", "graph.jsonl"]) {
      const file = path.join(abs, "sources", source.text.id, name);
      if (!(await exists(file))) continue;
      const shown = `${shownDir}/sources/${source.text.id}/${name}`;
      found.push(await readGraphFile(file, shown, ["nodes", "edges"], problems));
    }
    return found;
  };
  await readInOrder(sources, readGraphFiles, (files, source) => {
    const markers = new Set(source.endnotes.keys());
    for (const read of files) {
      if (!read) continue;
      for (const record of read.nodes) {
        const node = checkNodeRecord(record, schema, [source.text], problems, source.text.id);
        if (node) nodes.push(node);
      }
      for (const record of read.edges) {
        const edge = checkEdgeRecord(record, schema, source.text, markers, problems);
        if (edge) edges.push(edge);
      }
    }
    options.onProgress?.(++filesDone, total);
  });

  const byId = new Map<string, NodeDraft>();
  for (const node of nodes) {
    const first = byId.get(node.id);
    if (first) {
      problems.push({
        file: node.file,
        line: node.line,
        code: "duplicate-id",
        message: `node "${node.id}" is declared twice`,
        hint: `first declared at ${first.file}:${first.line}`,
      });
    } else byId.set(node.id, node);
  }
  const edgeIdsSeen = new Map<string, EdgeDraft>();
  for (const edge of edges) {
    if (!edge.id) continue;
    const first = edgeIdsSeen.get(edge.id);
    if (first)
      problems.push({
        file: edge.file,
        line: edge.line,
        code: "duplicate-id",
        message: `edge id "${edge.id}" is used twice`,
        hint: `first used at ${first.file}:${first.line}`,
      });
    else edgeIdsSeen.set(edge.id, edge);
  }
  // A file that did not parse hides its nodes: checking references now would only list false "unknown node"s.
  const unreadable = problems.some(
    (p) => p.code === "yaml-syntax" || p.code === "json-syntax" || p.code === "missing-file",
  );
  if (!unreadable) checkReferences(schema, byId, sources, edges, problems);
  if (problems.length > 0) throw new DataError(sortProblems(problems));
  return buildDataset(abs, schema, byId, sources, edges);
}

function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}

function reference(
  id: string,
  byId: Map<string, NodeDraft>,
  at: { file: string; line: number },
  what: string,
  problems: Problem[],
): NodeDraft | null {
  const node = byId.get(id);
  if (node) return node;
  const near = closestIds(byId.keys(), id);
  problems.push({
    file: at.file,
    line: at.line,
    code: "dangling-reference",
    message: `${what} refers to unknown node "${id}"`,
    ...(near.length ? { hint: `did you mean ${near.map((n) => `"${n}"`).join(" or ")}?` } : {}),
  });
  return null;
}

function checkReferences(
  schema: Schema,
  byId: Map<string, NodeDraft>,
  sources: SourceDraft[],
  edges: EdgeDraft[],
  problems: Problem[],
): void {
  const cites = schema.edgeTypes.get("cites")!;
  for (const source of sources) {
    const doc = reference(
      source.document,
      byId,
      { file: source.record.file, line: source.record.lineOf("document") },
      `source "${source.text.id}"`,
      problems,
    );
    if (doc && !cites.sourceTypes.includes(doc.type)) {
      problems.push({
        file: source.record.file,
        line: source.record.lineOf("document"),
        code: "endpoint-type",
        message: `source document "${doc.id}" is a ${doc.type}, not a document`,
      });
    }
    for (const citation of source.citations) {
      const at = { file: citation.record.file, line: citation.record.line };
      const target = reference(citation.document, byId, at, `endnote "${citation.marker}"`, problems);
      if (target && !cites.targetTypes.includes(target.type)) {
        problems.push({
          ...at,
          code: "endpoint-type",
          message: `endnote "${citation.marker}" cites "${target.id}", a ${target.type}; cites needs a document`,
        });
      }
    }
  }
  for (const edge of edges) {
    const spec = schema.edgeTypes.get(edge.type)!;
    for (const [end, ids, allowed] of [
      ["source", edge.sources, spec.sourceTypes],
      ["target", edge.targets, spec.targetTypes],
    ] as const) {
      for (const id of ids) {
        const at = { file: edge.file, line: edge.endpointLines[end] };
        const node = reference(id, byId, at, `edge "${edge.type}" ${end}`, problems);
        if (node && !allowed.includes(node.type)) {
          problems.push({
            ...at,
            code: "endpoint-type",
            message: `edge "${edge.type}" cannot have a ${node.type} ("${id}") as its ${end}`,
            hint: `${end} types allowed: ${allowed.join(", ")}`,
          });
        }
      }
    }
  }
}

function buildDataset(
  dataDir: string,
  schema: Schema,
  byId: Map<string, NodeDraft>,
  sources: SourceDraft[],
  edges: EdgeDraft[],
): Dataset {
  const graph: RightsGraph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>({
    allowSelfLoops: true,
  });
  graph.replaceAttributes({ name: "RightsGraph" });
  const mentions = new Map<string, Set<string>>();
  const mention = (id: string, sourceId: string) => {
    let set = mentions.get(id);
    if (!set) mentions.set(id, (set = new Set()));
    set.add(sourceId);
  };
  for (const node of byId.values()) if (node.sourceId) mention(node.id, node.sourceId);
  for (const edge of edges) for (const id of [...edge.sources, ...edge.targets]) mention(id, edge.sourceId);
  for (const source of sources) {
    mention(source.document, source.text.id);
    for (const citation of source.citations) mention(citation.document, source.text.id);
  }
  for (const node of byId.values()) {
    graph.addNode(node.id, {
      type: node.type,
      label: node.label,
      aliases: node.aliases,
      description: node.description,
      ...(node.date ? { date: node.date } : {}),
      props: node.props,
      ...(node.outsideKnowledge ? { outsideKnowledge: node.outsideKnowledge } : {}),
      sources: [...(mentions.get(node.id) ?? [])].sort(),
    });
  }
  // Ids written in the data are reserved first, so that no generated id can take one of them.
  const ids = new EdgeIds(new Set<string>(edges.flatMap((e) => (e.id ? [e.id] : []))));
  const records = new Map<string, SourceRecord>();
  for (const source of sources) {
    const text = source.text.text;
    for (const citation of source.citations) {
      const id = ids.unique(`${source.document}--cites--${citation.document}--${citation.marker}`);
      const start = text.indexOf(citation.quote);
      graph.addDirectedEdgeWithKey(id, source.document, citation.document, {
        type: "cites",
        label: `cites (endnote ${citation.marker}${citation.locator ? `, ${citation.locator}` : ""})`,
        evidence: {
          quote: citation.quote,
          footnotes: [citation.marker],
          sourceDoc: source.document,
          start,
          end: start + citation.quote.length,
        },
        props: { endnote: citation.marker, ...(citation.locator ? { locator: citation.locator } : {}) },
      });
    }
    records.set(source.text.id, {
      id: source.text.id,
      document: source.document,
      title: source.title,
      textPath: source.textPath,
      text,
      endnotes: source.endnotes,
      meta: source.meta,
    });
  }
  for (const edge of edges) {
    const spec = schema.edgeTypes.get(edge.type)!;
    const source = records.get(edge.sourceId)!;
    const start = edge.quoteStart;
    for (const from of edge.sources) {
      for (const to of edge.targets) {
        const id = edge.id ?? ids.unique(`${from}--${edge.type}--${to}`);
        graph.addDirectedEdgeWithKey(id, from, to, {
          type: edge.type,
          label: edge.label ?? spec.label,
          ...(edge.date ? { date: edge.date } : {}),
          evidence: {
            quote: edge.quote,
            footnotes: edge.footnotes,
            sourceDoc: source.document,
            start,
            end: start + edge.quote.length,
          },
          props: edge.props,
          ...(edge.outsideKnowledge ? { outsideKnowledge: edge.outsideKnowledge } : {}),
        });
      }
    }
  }
  return { dataDir, schema, graph, sources: records };
}
