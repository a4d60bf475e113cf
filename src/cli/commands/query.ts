// `rightsgraph query`: a read-only Cypher query over the graph, answered as a table, JSON or CSV, explained, or
// exported as the subgraph it matched.
import { createWriteStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { once } from "node:events";
import type { Writable } from "node:stream";
import { EXPORT_FORMAT_NAMES } from "../../api/parameters";
import { RightsGraphError } from "../../errors";
import { csvTextCell, isExportFormat, writeExport } from "../../export";
import { computeLayout } from "../../layout";
import {
  createCypherGraph,
  CypherSyntaxError,
  CypherUnsupportedError,
  explainCypher,
  matchedSubgraph,
  prepareCypher,
  runCypher,
  type CypherGraph,
  type CypherResult,
} from "../../query";
import { DATA_OPTION, intOption, UsageError, writeText, type Command, type CommandContext } from "../cli-context";
import { cypherCellText } from "../cypher-cell";
import { textTable } from "../text-table";

export const QUERY_FORMATS = ["table", "json", "csv"] as const;
type QueryFormat = (typeof QUERY_FORMATS)[number];

/** Width a table is fitted to when stdout is not a terminal that says its own. */
const DEFAULT_WIDTH = 120;

const PARAMETER_NAME = /^[\p{L}_][\p{L}\p{N}_]*$/u;

/** Why an answer may be incomplete, in words, with the flag that raises the limit. */
const TRUNCATION_REASONS: Readonly<Record<string, string>> = {
  "row-cap": "more rows than --limit allows",
  "time-budget": "the time budget (--time-budget) ran out",
  "length-cap": "a * relationship stopped at its hop cap",
  "buffer-cap": "too many rows to sort, group or de-duplicate",
};

/**
 * `--param name=text` gives the text itself; `--param name:=JSON` a JSON value (a number, true, false, null, a
 * "string" or a list), so that a value that looks like a number is never taken for one unasked.
 */
function parseParam(raw: string): [string, unknown] {
  const equals = raw.indexOf("=");
  if (equals < 0) throw new UsageError(`--param takes name=text or name:=JSON, got "${raw}"`);
  const json = raw[equals - 1] === ":";
  const name = raw.slice(0, json ? equals - 1 : equals);
  if (!PARAMETER_NAME.test(name)) throw new UsageError(`--param: "${name}" is not a parameter name`);
  const text = raw.slice(equals + 1);
  if (!json) return [name, text];
  try {
    return [name, JSON.parse(text)];
  } catch {
    throw new UsageError(`--param ${name}:= takes a JSON value, got ${text}`);
  }
}

/** The parameters given: those of --params-file, then each --param (a later one wins). */
async function readParams(ctx: CommandContext): Promise<Record<string, unknown>> {
  const params: Record<string, unknown> = {};
  const file = ctx.values["params-file"];
  if (typeof file === "string") {
    let parsed: unknown;
    try {
      parsed = JSON.parse(await readFile(file, "utf8"));
    } catch (error) {
      throw new UsageError(`--params-file ${file}: ${(error as Error).message}`);
    }
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed))
      throw new UsageError(`--params-file ${file} must hold a JSON object of parameter names and values`);
    Object.assign(params, parsed);
  }
  const given = ctx.values.param;
  for (const raw of Array.isArray(given) ? given : []) {
    const [name, value] = parseParam(raw);
    params[name] = value;
  }
  return params;
}

/** The line of `query` where a syntax error stands, with a caret under the column. */
function caretLines(query: string, offset: number): string[] {
  const start = query.lastIndexOf("\n", offset - 1) + 1;
  const end = query.indexOf("\n", offset);
  const line = query.slice(start, end < 0 ? query.length : end);
  const before = [...query.slice(start, offset)].map((c) => (c === "\t" ? "\t" : " ")).join("");
  return [`  ${line}`, `  ${before}^`];
}

function labelLookup(graph: CypherGraph): (id: string) => string {
  return (id) => (graph.graph.hasNode(id) ? graph.graph.getNodeAttribute(id, "label") : id);
}

function tableLines(result: CypherResult, graph: CypherGraph, width: number): string[] {
  const labelOf = labelLookup(graph);
  const rows = result.rows.map((row) => row.map((value) => cypherCellText(value, labelOf)));
  const lines = result.columns.length > 0 ? textTable(result.columns, rows, width) : [];
  lines.push(rows.length === 0 ? "(no rows)" : `(${rows.length} row${rows.length === 1 ? "" : "s"})`);
  return lines;
}

function csvCell(value: unknown, labelOf: (id: string) => string): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return csvTextCell(cypherCellText(value, labelOf));
}

/** The answer as CSV (RFC 4180, CRLF), text cells formula-neutralised like the CSV export. */
function csvText(result: CypherResult, graph: CypherGraph): string {
  const labelOf = labelLookup(graph);
  const lines = [result.columns.map(csvTextCell).join(",")];
  for (const row of result.rows) lines.push(row.map((value) => csvCell(value, labelOf)).join(","));
  return lines.map((line) => `${line}\r\n`).join("");
}

/** A writable file, or a RightsGraphError naming it. */
async function openFile(file: string): Promise<Writable> {
  const stream = createWriteStream(file);
  await once(stream, "open").catch((error: Error) => {
    throw new RightsGraphError("cannot-write", `cannot write ${file}: ${error.message}`);
  });
  return stream;
}

async function writeAndClose(stream: Writable, text: string): Promise<void> {
  stream.end(text);
  await once(stream, "finish");
}

function warnTruncated(ctx: CommandContext, result: CypherResult): void {
  if (result.truncated)
    ctx.err(`truncated: ${result.truncatedBy.map((cause) => TRUNCATION_REASONS[cause] ?? cause).join("; ")}`);
}

export const queryCommand: Command = {
  name: "query",
  usage: [
    "rightsgraph query 'MATCH ... RETURN ...' [--param name=text]... [--param name:=JSON]... [--params-file F.json]",
    `         [--format ${QUERY_FORMATS.join("|")}] [--limit N] [--time-budget MS] [--explain] [--out FILE] [--data DIR]`,
    `         [--export ${EXPORT_FORMAT_NAMES.join("|")} [--out FILE]]   the nodes and edges the query matched`,
    "",
    "A query with no match answers no rows and exits 0. A query that does not parse, or uses what the subset does",
    "not support, exits 2 with the line and column; invalid data exits 1.",
  ].join("\n"),
  options: {
    ...DATA_OPTION,
    param: { type: "string", multiple: true },
    "params-file": { type: "string" },
    format: { type: "string" },
    limit: { type: "string" },
    "time-budget": { type: "string" },
    explain: { type: "boolean" },
    export: { type: "string" },
    out: { type: "string" },
  },
  flags: { maxRows: "--limit", timeBudgetMs: "--time-budget", params: "--param" },
  positionals: [1, 1],
  async run(ctx) {
    const query = ctx.positionals[0]!;
    const format = (ctx.values.format ?? "table") as string;
    if (!(QUERY_FORMATS as readonly string[]).includes(format))
      throw new UsageError(`--format must be one of ${QUERY_FORMATS.join(", ")}, got "${format}"`);
    const exportFormat = ctx.values.export;
    if (exportFormat !== undefined && (typeof exportFormat !== "string" || !isExportFormat(exportFormat)))
      throw new UsageError(`--export must be one of ${EXPORT_FORMAT_NAMES.join(", ")}`);
    if (ctx.values.explain && (exportFormat !== undefined || ctx.values.format !== undefined))
      throw new UsageError("--explain prints the plan only; it takes neither --format nor --export");
    const options = { maxRows: intOption(ctx.values, "limit"), timeBudgetMs: intOption(ctx.values, "time-budget") };
    const params = await readParams(ctx);
    const out = typeof ctx.values.out === "string" ? ctx.values.out : undefined;

    const graph = createCypherGraph(await ctx.load());
    let result: CypherResult;
    try {
      const prepared = prepareCypher(graph, query);
      if (ctx.values.explain) {
        ctx.out(explainCypher(prepared));
        return 0;
      }
      result = runCypher(graph, prepared, params, options);
    } catch (error) {
      if (!(error instanceof CypherSyntaxError || error instanceof CypherUnsupportedError)) throw error;
      ctx.err(`rightsgraph query: ${error.message}`);
      for (const line of caretLines(query, error.offset)) ctx.err(line);
      return 2;
    }

    if (typeof exportFormat === "string" && isExportFormat(exportFormat)) {
      warnTruncated(ctx, result);
      if (result.highlightTruncated)
        ctx.err(
          "the query matched more nodes or edges than an answer lists; the export holds the first 10,000 of each",
        );
      const subgraph = matchedSubgraph(graph.graph, result);
      const target = out === undefined ? ctx.io.stdout : await openFile(out);
      await writeExport(exportFormat, subgraph, graph.schema, target, { display: computeLayout(subgraph) });
      if (out !== undefined) ctx.err(`wrote ${out}: ${subgraph.order} nodes, ${subgraph.size} edges (${exportFormat})`);
      return 0;
    }

    const answer = answerText(format as QueryFormat, result, graph, ctx);
    if (out !== undefined) {
      await writeAndClose(await openFile(out), answer);
      ctx.err(`wrote ${out}: ${result.rows.length} rows (${format})`);
    } else if (format === "csv") {
      // CSV is a file, like an export: it passes unchanged (redirect it, or give --out).
      ctx.io.stdout.write(answer);
    } else {
      writeText(ctx.io.stdout, answer);
    }
    warnTruncated(ctx, result);
    return 0;
  },
};

function answerText(format: QueryFormat, result: CypherResult, graph: CypherGraph, ctx: CommandContext): string {
  switch (format) {
    case "json":
      return `${JSON.stringify(result, null, 2)}\n`;
    case "csv":
      return csvText(result, graph);
    case "table": {
      const columns = (ctx.io.stdout as { columns?: unknown }).columns;
      const width = typeof columns === "number" && columns > 20 ? columns : DEFAULT_WIDTH;
      return tableLines(result, graph, width)
        .map((line) => `${line}\n`)
        .join("");
    }
  }
}
