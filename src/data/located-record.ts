// Records read from data files, with the line of every field, so each problem can be reported as file:line.
import {
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  visit,
  type Document,
  type Node as YamlNode,
  type YAMLMap,
} from "yaml";
import type { Problem } from "../errors";
import { CONTROL_CHARACTER, CONTROL_CHARACTER_HINT, firstControlCharacter } from "./control-characters";

/** A mapping read from a data file; `lineOf` gives the line of a field (or of the record when absent). */
export interface LocatedRecord {
  file: string;
  line: number;
  data: Record<string, unknown>;
  lineOf(key: string, index?: number): number;
}

/** A parsed YAML file: its top-level value, line lookups, and the syntax problems found. */
export interface YamlFile {
  file: string;
  value: unknown;
  /** Syntax problems: with any of these the file cannot be read. */
  problems: Problem[];
  /** Keys and values holding control characters: problems, but the records can still be read and checked. */
  valueProblems: Problem[];
  /** The mappings of a top-level sequence under `key` (e.g. "nodes"); other items become problems. */
  records(key: string): { records: LocatedRecord[]; problems: Problem[] };
  /** A record for the whole top-level mapping. */
  root(): LocatedRecord;
  /** The line of the key at the end of a path of nested mapping keys, or of the deepest key of it found. */
  lineAt(path: readonly string[]): number;
}

function lineOfNode(node: YamlNode | null | undefined, counter: LineCounter, fallback: number): number {
  const start = node?.range?.[0];
  return start === undefined ? fallback : counter.linePos(start).line;
}

/** Most alias expansions a file may make; more is a resource-exhaustion attack ("billion laughs"), not data. */
export const MAX_ALIAS_COUNT = 100;

function toRecord(file: string, map: YAMLMap, doc: Document, counter: LineCounter, fallback: number): LocatedRecord {
  const line = lineOfNode(map, counter, fallback);
  // Resolved against the document, so an alias (`aliases: *names`) reads as the anchored value.
  const data = (map.toJS(doc, { maxAliasCount: MAX_ALIAS_COUNT }) ?? {}) as Record<string, unknown>;
  return {
    file,
    line,
    data,
    lineOf(key, index) {
      const pair = map.items.find((item) => isScalar(item.key) && item.key.value === key);
      if (!pair) return line;
      const keyLine = lineOfNode(pair.key as YamlNode, counter, line);
      if (index === undefined) return keyLine;
      const value = pair.value as YamlNode | null;
      return isSeq(value) ? lineOfNode(value.items[index] as YamlNode, counter, keyLine) : keyLine;
    },
  };
}

/** Deepest nesting of mappings and lists a data file may use: real files need about six levels. */
export const MAX_NESTING_DEPTH = 64;

/**
 * Where the first mapping or list nested deeper than MAX_NESTING_DEPTH starts, or undefined. Checked before
 * anything walks the document recursively: the yaml library resolves each alias by walking the whole document,
 * copying the path at every step, so deep nesting with a few aliases took minutes (and deeper, the stack).
 */
function tooDeepAt(contents: unknown): number | undefined {
  const stack: [unknown, number][] = [[contents, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (!isMap(node) && !isSeq(node)) continue;
    if (depth >= MAX_NESTING_DEPTH) return (node as YamlNode).range?.[0] ?? 0;
    for (const item of node.items as unknown[]) {
      if (isPair(item)) stack.push([item.key, depth + 1], [item.value, depth + 1]);
      else stack.push([item, depth + 1]);
    }
  }
  return undefined;
}

// What can put a control character in a YAML value: the character itself, or a double-quoted escape that stands
// for one (\0 \a \b \e \f \r \v, \x.., \u...., \U........, \N for U+0085). Only files holding one are walked.
const MAY_HOLD_CONTROL = new RegExp(`${CONTROL_CHARACTER.source}|\\\\[0abefrvxuUN]`);

/**
 * Every key and string value holding a control character, each named by its key where it has one, at the line of
 * the character when it is written raw (in a block of several lines, say), else at the line where the value starts.
 */
function controlCharacterProblems(file: string, text: string, doc: Document, counter: LineCounter): Problem[] {
  const problems: Problem[] = [];
  visit(doc, {
    Scalar(key, node, path) {
      if (typeof node.value !== "string") return;
      const found = firstControlCharacter(node.value);
      if (!found) return;
      const parent = path[path.length - 1];
      const name = key === "value" && isPair(parent) && isScalar(parent.key) ? parent.key.value : undefined;
      const what =
        key === "key" ? "a key" : typeof name === "string" && !firstControlCharacter(name) ? `"${name}"` : "a value";
      const [start, end] = node.range ?? [0, 0];
      const raw = text.slice(start, end).search(CONTROL_CHARACTER);
      problems.push({
        file,
        line: raw >= 0 ? counter.linePos(start + raw).line : lineOfNode(node, counter, 1),
        code: "control-character",
        message: `${what} holds control character ${found}`,
        hint: CONTROL_CHARACTER_HINT,
      });
    },
  });
  return problems;
}

/** A problem found in a text, before it is known which file the text is. */
type TextProblem = Omit<Problem, "file">;

/** A YAML text parsed: its document and lines, and the problems that make it unreadable (none: it is readable). */
interface ParsedYaml {
  doc: Document.Parsed;
  counter: LineCounter;
  problems: TextProblem[];
  value: unknown;
}

/** Parses YAML text; syntax errors (duplicate keys included), deep nesting and too many aliases become problems. */
function parseYamlText(text: string): ParsedYaml {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const problems: TextProblem[] = [...doc.errors, ...doc.warnings].map((error) => ({
    line: error.linePos?.[0]?.line ?? counter.linePos(error.pos[0]).line,
    code: "yaml-syntax",
    message: `YAML: ${error.message.split("\n")[0]}`,
  }));
  const contents = doc.contents;
  let value: unknown;
  const deepAt = problems.length === 0 ? tooDeepAt(contents) : undefined;
  if (deepAt !== undefined)
    problems.push({
      line: counter.linePos(deepAt).line,
      code: "yaml-syntax",
      message: `YAML: mappings and lists nested more than ${MAX_NESTING_DEPTH} levels deep`,
      hint: "data files need a few levels; check the brackets and the indentation",
    });
  if (problems.length === 0) {
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      // The yaml library refuses to expand aliases beyond the limit: report it where the first alias is.
      let aliasAt: number | undefined;
      visit(doc, {
        Alias(_key, node) {
          aliasAt = node.range?.[0];
          return visit.BREAK;
        },
      });
      problems.push({
        line: aliasAt === undefined ? 1 : counter.linePos(aliasAt).line,
        code: "yaml-syntax",
        message: `YAML: ${error instanceof Error ? error.message : String(error)}`,
        hint: `a data file may expand at most ${MAX_ALIAS_COUNT} aliases (*name)`,
      });
    }
  }
  return { doc, counter, problems, value };
}

/** Parses YAML text; syntax errors, duplicate keys included, become problems with their lines. */
export function parseYamlFile(file: string, text: string): YamlFile {
  return yamlFile(file, text, parseYamlText(text));
}

/** The file `file` whose text `text` parsed as `parsed` (not changed here: it may be shared). */
function yamlFile(file: string, text: string, { doc, counter, problems: found, value }: ParsedYaml): YamlFile {
  const problems: Problem[] = found.map((problem) => ({ file, ...problem }));
  const contents = doc.contents;
  return {
    file,
    value,
    problems,
    valueProblems:
      problems.length === 0 && MAY_HOLD_CONTROL.test(text) ? controlCharacterProblems(file, text, doc, counter) : [],
    records(key) {
      const result: { records: LocatedRecord[]; problems: Problem[] } = { records: [], problems: [] };
      if (!isMap(contents)) return result;
      const seq = contents.get(key, true) as YamlNode | undefined;
      if (seq === undefined || (isScalar(seq) && seq.value === null)) return result;
      const seqLine = lineOfNode(seq, counter, 1);
      if (!isSeq(seq)) {
        result.problems.push({ file, line: seqLine, code: "bad-value", message: `"${key}" must be a list` });
        return result;
      }
      for (const item of seq.items) {
        if (isMap(item)) result.records.push(toRecord(file, item, doc, counter, seqLine));
        else {
          const line = lineOfNode(item as YamlNode, counter, seqLine);
          result.problems.push({ file, line, code: "bad-value", message: `each entry of "${key}" must be a mapping` });
        }
      }
      return result;
    },
    root() {
      if (isMap(contents)) return toRecord(file, contents, doc, counter, 1);
      return { file, line: 1, data: {}, lineOf: () => 1 };
    },
    lineAt(path) {
      let node: unknown = contents;
      let line = 1;
      for (const key of path) {
        const pair = isMap(node) ? node.items.find((item) => isScalar(item.key) && item.key.value === key) : undefined;
        if (!pair) break;
        line = lineOfNode(pair.key as YamlNode, counter, line);
        node = pair.value;
      }
      return line;
    },
  };
}

/** Most text the parsed-text cache holds, and the largest text it keeps. */
const CACHE_CHARACTERS = 1 << 20;
const CACHE_FILE_CHARACTERS = 1 << 18;

/** Parsed texts, oldest first. */
const parsed = new Map<string, ParsedYaml>();
let parsedCharacters = 0;

/**
 * `parseYamlText`, remembering the last few small texts: a folder loaded again (edit mode checks the whole folder at
 * every write, with one file changed) parses only what changed, and a copy of a folder (a new corpus, say) parses
 * nothing its first load had parsed. The parse is shared and never changed; what is made from it (a file's
 * problems, `records`, `root`) is made afresh at each call, so no two loads share a record.
 */
function parseYamlTextOnce(text: string): ParsedYaml {
  if (text.length > CACHE_FILE_CHARACTERS) return parseYamlText(text);
  const known = parsed.get(text);
  if (known) {
    parsed.delete(text);
    parsed.set(text, known);
    return known;
  }
  const yaml = parseYamlText(text);
  parsed.set(text, yaml);
  parsedCharacters += text.length;
  for (const [oldest] of parsed) {
    if (parsedCharacters <= CACHE_CHARACTERS) break;
    parsed.delete(oldest);
    parsedCharacters -= oldest.length;
  }
  return yaml;
}

/** `parseYamlFile` through the cache of parsed texts: the same answer, without parsing a text seen lately again. */
export function parseYamlFileOnce(file: string, text: string): YamlFile {
  return yamlFile(file, text, parseYamlTextOnce(text));
}

/**
 * The YAML document of `text`, from the same cache: the edit layer reads records from the text the loader checks.
 * It is shared: only read it (clone it to change it).
 */
export function parsedYamlDocument(text: string): Document.Parsed {
  return parseYamlTextOnce(text).doc;
}
