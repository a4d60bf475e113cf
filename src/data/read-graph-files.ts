// Reads the graph files (entities/*, sources/<id>/graph.yaml and graph.jsonl) into checked node and edge drafts.
import {
  checkEdgeRecord,
  checkNodeRecord,
  type CheckContext,
  type EdgeDraft,
  type NodeDraft,
  type SourceText,
} from "./check-records";
import type { SourceDraft } from "./check-source";
import type { DataFolder } from "./data-folder";
import { parseJsonlFile } from "./jsonl-file";
import type { LocatedRecord, YamlFile } from "./located-record";
import { readInOrder } from "./read-in-order";

type Section = "nodes" | "edges";

interface GraphRecords {
  nodes: LocatedRecord[];
  edges: LocatedRecord[];
}

/**
 * The node and edge records of a graph file, YAML (`nodes:` and `edges:` lists) or JSON Lines (the bulk format,
 * by its `.jsonl` name); null when it cannot be read or parsed (the problems say why).
 */
async function readGraphFile(folder: DataFolder, rel: string, allowed: Section[]): Promise<GraphRecords | null> {
  const problems = folder.problems;
  if (rel.endsWith(".jsonl")) {
    const text = await folder.readText(rel);
    if (text === null) return null;
    const jsonl = parseJsonlFile(folder.shown(rel), text);
    problems.push(...jsonl.problems);
    if (!allowed.includes("edges"))
      for (const edge of jsonl.edges)
        problems.push({
          file: edge.file,
          line: edge.line,
          code: "bad-value",
          message: "entity files hold nodes only",
          hint: "put edges in a source's graph file",
        });
    return { nodes: jsonl.nodes, edges: allowed.includes("edges") ? jsonl.edges : [] };
  }
  const yaml = await folder.readYaml(rel);
  if (!yaml) return null;
  topLevelKeys(yaml, allowed, folder);
  const nodeList = yaml.records("nodes");
  const edgeList = allowed.includes("edges") ? yaml.records("edges") : { records: [], problems: [] };
  problems.push(...nodeList.problems, ...edgeList.problems);
  return { nodes: nodeList.records, edges: edgeList.records };
}

function topLevelKeys(yaml: YamlFile, allowed: Section[], folder: DataFolder): void {
  const root = yaml.root();
  if (yaml.value !== null && (typeof yaml.value !== "object" || Array.isArray(yaml.value))) {
    folder.problems.push({
      file: yaml.file,
      line: 1,
      code: "bad-value",
      message: `${yaml.file} must be a mapping with ${allowed.join(", ")}`,
    });
    return;
  }
  for (const key of Object.keys(root.data)) {
    if (!(allowed as string[]).includes(key)) {
      folder.problems.push({
        file: yaml.file,
        line: root.lineOf(key),
        code: "unknown-field",
        message: `unknown top-level key "${key}"`,
        hint: `allowed: ${allowed.join(", ")}`,
      });
    }
  }
}

/** The nodes of the shared entity files (`entities/*.yaml`, `entities/*.jsonl`); verbatim values may quote any text. */
export async function readEntities(folder: DataFolder, ctx: CheckContext, texts: SourceText[]): Promise<NodeDraft[]> {
  const nodes: NodeDraft[] = [];
  for (const name of await folder.list("entities", "data-files")) {
    const read = await readGraphFile(folder, `entities/${name}`, ["nodes"]);
    for (const record of read?.nodes ?? []) {
      const node = checkNodeRecord(ctx, record, texts);
      if (node) nodes.push(node);
    }
  }
  return nodes;
}

/**
 * The nodes and claims of every source's graph.yaml, graph.jsonl (the bulk format) or both, checked against the
 * source's own text and endnotes. `onSource` is called as each source's files are done, with its count of claims.
 */
export async function readSourceGraphs(
  folder: DataFolder,
  ctx: CheckContext,
  sources: readonly SourceDraft[],
  onSource: (claims: number) => void,
): Promise<{ nodes: NodeDraft[]; edges: EdgeDraft[] }> {
  const nodes: NodeDraft[] = [];
  const edges: EdgeDraft[] = [];
  const readFiles = async (source: SourceDraft) => {
    const found = [];
    for (const name of ["graph.yaml", "graph.jsonl"]) {
      const rel = `sources/${source.text.id}/${name}`;
      if (await folder.exists(rel)) found.push(await readGraphFile(folder, rel, ["nodes", "edges"]));
    }
    return found;
  };
  await readInOrder(sources, readFiles, (files, source) => {
    const markers = new Set(source.endnotes.keys());
    let claims = 0;
    for (const read of files) {
      if (!read) continue;
      for (const record of read.nodes) {
        const node = checkNodeRecord(ctx, record, [source.text], source.text.id);
        if (node) nodes.push(node);
      }
      for (const record of read.edges) {
        const edge = checkEdgeRecord(ctx, record, source.text, markers);
        if (edge) edges.push(edge);
      }
      claims += read.edges.length;
    }
    onSource(claims);
  });
  return { nodes, edges };
}
