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
    .filter((e) => (wantDirs ? e.isDirectory() : e.isFile() && /\.ya?ml$/.test(e.name)))
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

/** `base`, or `base--2`, `base--3`... : the first that no edge has taken yet. */
function uniqueId(base: string, taken: Set<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}--${n}`;
  taken.add(id);
  return id;
}

/** Loads and validates a data folder. Throws DataError with every problem found; never returns a partial graph. */
export async function loadDataset(dataDir: string = DEFAULT_DATA_DIR): Promise<Dataset> {
  const abs = path.resolve(dataDir);
  const shownDir = path.basename(abs);
  const problems: Problem[] = [];
  const schemaText = await readText(path.join(abs, "schema.yaml"), `${shownDir}/schema.yaml`, problems);
  if (schemaText === null) throw new DataError(problems);
  const { schema, problems: schemaProblems } = readSchema(`${shownDir}/schema.yaml`, schemaText);
  if (!schema) throw new DataError(schemaProblems, "invalid-schema");

  const sourceDirs = await listDir(path.join(abs, "sources"), true);
  const sources: SourceDraft[] = [];
  for (const dir of sourceDirs) {
    const source = await readSource(abs, shownDir, dir, problems);
    if (source) sources.push(source);
  }
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
    const yaml = await readYaml(path.join(abs, "entities", name), `${shownDir}/entities/${name}`, problems);
    if (!yaml) continue;
    topLevelKeys(yaml, ["nodes"], problems);
    const { records, problems: listProblems } = yaml.records("nodes");
    problems.push(...listProblems);
    for (const record of records) {
      const node = checkNodeRecord(record, schema, allTexts, problems);
      if (node) nodes.push(node);
    }
  }
  for (const source of sources) {
    const shown = `${shownDir}/sources/${source.text.id}/graph.yaml`;
    const file = path.join(abs, "sources", source.text.id, "graph.yaml");
    if (!(await exists(file))) continue;
    const yaml = await readYaml(file, shown, problems);
    if (!yaml) continue;
    topLevelKeys(yaml, ["nodes", "edges"], problems);
    const nodeList = yaml.records("nodes");
    const edgeList = yaml.records("edges");
    problems.push(...nodeList.problems, ...edgeList.problems);
    for (const record of nodeList.records) {
      const node = checkNodeRecord(record, schema, [source.text], problems, source.text.id);
      if (node) nodes.push(node);
    }
    const markers = new Set(source.endnotes.keys());
    for (const record of edgeList.records) {
      const edge = checkEdgeRecord(record, schema, source.text, markers, problems);
      if (edge) edges.push(edge);
    }
  }

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
  const unreadable = problems.some((p) => p.code === "yaml-syntax" || p.code === "missing-file");
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
  const taken = new Set<string>(edges.flatMap((e) => (e.id ? [e.id] : [])));
  const records = new Map<string, SourceRecord>();
  for (const source of sources) {
    const text = source.text.text;
    for (const citation of source.citations) {
      const id = uniqueId(`${source.document}--cites--${citation.document}--${citation.marker}`, taken);
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
    const start = source.text.indexOf(edge.quote);
    for (const from of edge.sources) {
      for (const to of edge.targets) {
        const id = edge.id ?? uniqueId(`${from}--${edge.type}--${to}`, taken);
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
