// The bulk data format: JSON Lines, one {"node": {...}} or {"edge": {...}} record per line, read into LocatedRecords.
import type { Problem } from "../errors";
import type { LocatedRecord } from "./located-record";

/** The node and edge records of a graph.jsonl or entities/*.jsonl file, and the problems of its lines. */
export interface JsonlFile {
  nodes: LocatedRecord[];
  edges: LocatedRecord[];
  problems: Problem[];
}

// One function for every record: a JSON record has all its fields on its own line.
function recordLine(this: LocatedRecord): number {
  return this.line;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Parses JSON Lines: each non-blank line is one JSON object with exactly one key, `node` or `edge`, whose value is
 * a record with the same fields as in YAML. Every record knows its line (all its fields are on it), so the loader's
 * checks report `file:line` as they do for YAML. A line that is not JSON is a json-syntax problem; the others are
 * still read.
 */
export function parseJsonlFile(file: string, text: string): JsonlFile {
  const result: JsonlFile = { nodes: [], edges: [], problems: [] };
  let start = 0;
  for (let line = 1; start < text.length; line++) {
    let end = text.indexOf("\n", start);
    if (end === -1) end = text.length;
    const raw = text.slice(start, end);
    start = end + 1;
    if (raw.trim() === "") continue;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      result.problems.push({ file, line, code: "json-syntax", message: `JSON: ${message}` });
      continue;
    }
    const keys = isPlainObject(value) ? Object.keys(value) : [];
    const kind = keys.length === 1 ? keys[0] : undefined;
    const data = kind === undefined ? undefined : (value as Record<string, unknown>)[kind];
    if ((kind !== "node" && kind !== "edge") || !isPlainObject(data)) {
      result.problems.push({
        file,
        line,
        code: "bad-value",
        message: 'each line must be {"node": {...}} or {"edge": {...}}',
      });
      continue;
    }
    const record: LocatedRecord = { file, line, data, lineOf: recordLine };
    (kind === "node" ? result.nodes : result.edges).push(record);
  }
  return result;
}
