// The bulk data format: JSON Lines, one {"node": {...}} or {"edge": {...}} record per line, read into LocatedRecords.
import type { Problem } from "../errors";
import { CONTROL_CHARACTER_HINT, firstControlCharacter } from "./control-characters";
import type { LocatedRecord } from "./located-record";
import { isMapping } from "./plain-data";

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

// Every string of a JSON line in order, keys and values alike (outside strings `"` only ever opens one, so matching
// them one after another never starts inside a string); group 1 is the colon that makes the string a key.
const JSON_STRING = /"(?:[^"\\]|\\.)*"(\s*:)?/g;

// What can put a control character in a parsed string: a raw C1 or DEL, or an escape (\b, \f, \r, \u...).
// Only lines holding one are searched string by string.
const MAY_HOLD_CONTROL = /[\u007f-\u009f]|\\[bfru]/;
const RAW_C1 = /[\u007f-\u009f]/;

/** Whether any line of `text` may hold a control character: the usual file holds none of these at all. */
function textMayHoldControl(text: string): boolean {
  const escapes = text.includes("\\b") || text.includes("\\f") || text.includes("\\r") || text.includes("\\u");
  return escapes || RAW_C1.test(text);
}

function colonsIn(value: string): number {
  let count = 0;
  for (let at = value.indexOf(":"); at !== -1; at = value.indexOf(":", at + 1)) count++;
  return count;
}

/** Nesting walked by recursion; deeper values (a hostile line may nest thousands of levels) by an explicit stack. */
const RECURSION_DEPTH = 32;

/**
 * The colons a parsed value would be written with: one after each key, and those inside its keys and strings.
 * Recursive while shallow (records are), which costs a fraction of the explicit stack every value would need.
 */
function colonsOf(value: unknown, depth = 0): number {
  if (typeof value === "string") return colonsIn(value);
  if (typeof value !== "object" || value === null) return 0;
  if (depth === RECURSION_DEPTH) return deepColonsOf(value);
  let count = 0;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) count += colonsOf(value[i], depth + 1);
    return count;
  }
  for (const key in value) count += 1 + colonsIn(key) + colonsOf((value as Record<string, unknown>)[key], depth + 1);
  return count;
}

function deepColonsOf(value: unknown): number {
  let count = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (typeof item === "string") count += colonsIn(item);
    else if (Array.isArray(item)) for (const element of item) stack.push(element);
    else if (typeof item === "object" && item !== null)
      for (const key in item) {
        count += 1 + colonsIn(key);
        stack.push((item as Record<string, unknown>)[key]);
      }
  }
  return count;
}

/** The first control character in a parsed value's keys and strings, and whether it is in a key. */
function controlCharacterIn(value: unknown): { found: string; inKey: boolean } | undefined {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (typeof item === "string") {
      const found = firstControlCharacter(item);
      if (found) return { found, inKey: false };
    } else if (Array.isArray(item)) for (const element of item) stack.push(element);
    else if (typeof item === "object" && item !== null)
      for (const key in item) {
        const found = firstControlCharacter(key);
        if (found) return { found, inKey: true };
        stack.push((item as Record<string, unknown>)[key]);
      }
  }
  return undefined;
}

/** The first key written twice in one object of a JSON line (a line JSON.parse read). */
function duplicateKey(raw: string): string | undefined {
  // The keys of each object open at the point reached; braces are counted between strings only.
  const open: Set<string>[] = [];
  let last = 0;
  for (const match of raw.matchAll(JSON_STRING)) {
    for (let i = last; i < match.index; i++) {
      if (raw[i] === "{") open.push(new Set());
      else if (raw[i] === "}") open.pop();
    }
    last = match.index + match[0].length;
    if (match[1] === undefined) continue;
    const key = JSON.parse(match[0].slice(0, match[0].length - match[1].length)) as string;
    const keys = open[open.length - 1]!;
    if (keys.has(key)) return key;
    keys.add(key);
  }
  return undefined;
}

/**
 * Parses JSON Lines: each non-blank line is one JSON object with exactly one key, `node` or `edge`, whose value is
 * a record with the same fields as in YAML. Every record knows its line (all its fields are on it), so the loader's
 * checks report `file:line` as they do for YAML. A line that is not JSON is a json-syntax problem; the others are
 * still read.
 */
export function parseJsonlFile(file: string, text: string): JsonlFile {
  const result: JsonlFile = { nodes: [], edges: [], problems: [] };
  // Asked of the whole text once, so that the lines of the usual file need neither question.
  const mayHoldControl = textMayHoldControl(text);
  const hasUnicodeEscapes = text.includes("\\u");
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
    const keys = isMapping(value) ? Object.keys(value) : [];
    const kind = keys.length === 1 ? keys[0] : undefined;
    const data = kind === undefined ? undefined : (value as Record<string, unknown>)[kind];
    if ((kind !== "node" && kind !== "edge") || !isMapping(data)) {
      result.problems.push({
        file,
        line,
        code: "bad-value",
        message: 'each line must be {"node": {...}} or {"edge": {...}}',
      });
      continue;
    }
    // JSON.parse keeps the last of duplicate keys without a word. A line without \u escapes holds as many colons
    // as its parsed value accounts for unless a key was written twice (the duplicate's colon is lost), which costs
    // far less to count than tokenising every line; any other line is searched key by key.
    const unescaped = !hasUnicodeEscapes || !raw.includes("\\u");
    const key = unescaped && colonsOf(value) === colonsIn(raw) ? undefined : duplicateKey(raw);
    if (key !== undefined) {
      result.problems.push({
        file,
        line,
        code: "json-syntax",
        message: `JSON: duplicate key${firstControlCharacter(key) ? "" : ` "${key}"`} in one object`,
        hint: "each key may appear once in an object; JSON readers keep only one of them",
      });
      continue;
    }
    const control = mayHoldControl && MAY_HOLD_CONTROL.test(raw) ? controlCharacterIn(value) : undefined;
    if (control)
      result.problems.push({
        file,
        line,
        code: "control-character",
        message: `${control.inKey ? "a key" : "a value"} holds control character ${control.found}`,
        hint: CONTROL_CHARACTER_HINT,
      });
    const record: LocatedRecord = { file, line, data, lineOf: recordLine };
    (kind === "node" ? result.nodes : result.edges).push(record);
  }
  return result;
}
