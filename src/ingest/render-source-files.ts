// The YAML texts ingest writes: source.yaml and graph.yaml, in the style of the hand-written brief (yaml-style.ts).
import type { RecordData } from "./build-source-files";
import { writeYaml } from "./yaml-style";

const SOURCE_COMMENT = [
  " Written by `rightsgraph ingest`. sha256 is the SHA-256 of source.txt, which every quote's offsets index:",
  " after editing the text, run `rightsgraph check --write` to re-anchor the quotes.",
].join("\n");

const GRAPH_COMMENT = [
  " Written by `rightsgraph ingest`: every record is `status: suggested` until a person reviews it",
  " (`rightsgraph review <source-id>`). `rule` says what suggested it.",
].join("\n");

/** source.yaml: the source's metadata, its text's SHA-256 and its endnotes. */
export function renderSourceYaml(source: RecordData): string {
  return writeYaml(SOURCE_COMMENT, source, ["endnotes"]);
}

/** graph.yaml: the nodes this source names first, then its claims. */
export function renderGraphYaml(nodes: RecordData[], edges: RecordData[]): string {
  return writeYaml(GRAPH_COMMENT, { nodes, edges }, ["nodes", "edges"]);
}
