// The verb lexicon (graph-data/verbs.yaml, or verbs.yaml in the data folder ingest writes into): which phrases state
// which edge type, checked against the schema so that every suggestion ingest makes is of a type that exists.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { DEFAULT_DATA_DIR } from "../data";
import { parseYamlFile } from "../data/located-record";
import { DataError, type Problem } from "../errors";
import type { Schema } from "../schema/types";

/** How `what` is read for a type whose reading needs it. */
export type WhatRule = "infinitive" | "after-target";

export interface VerbEntry {
  type: string;
  phrases: string[];
  what?: WhatRule;
  /** The type a negated claim takes ("grant access" refused -> denied-access). */
  negated?: string;
}

const ENTRY_FIELDS = new Set(["type", "phrases", "what", "negated"]);

/** The lexicon file to use: the data folder's own verbs.yaml, else the bundled one. */
export async function lexiconFile(dataDir: string): Promise<string> {
  const own = path.join(dataDir, "verbs.yaml");
  return readFile(own).then(
    () => own,
    () => path.join(DEFAULT_DATA_DIR, "verbs.yaml"),
  );
}

/**
 * Reads and checks a verb lexicon against `schema`: every type exists, a type whose reading needs `what` says how
 * to read it, phrases are non-empty strings. Throws DataError with every problem, each at its file and line.
 */
export function readVerbLexicon(file: string, text: string, schema: Schema): VerbEntry[] {
  const yaml = parseYamlFile(file, text);
  const problems: Problem[] = [...yaml.problems];
  const { records, problems: listProblems } = yaml.records("verbs");
  problems.push(...listProblems);
  const entries: VerbEntry[] = [];
  const report = (line: number, message: string, hint?: string) =>
    problems.push({ file, line, code: "bad-value", message, ...(hint ? { hint } : {}) });
  for (const record of records) {
    for (const key of Object.keys(record.data))
      if (!ENTRY_FIELDS.has(key))
        report(record.lineOf(key), `unknown field "${key}"`, "allowed: type, phrases, what, negated");
    const { type, phrases, what, negated } = record.data as Record<string, unknown>;
    const spec = typeof type === "string" ? schema.edgeTypes.get(type) : undefined;
    if (typeof type !== "string" || !spec) {
      report(record.lineOf("type"), `unknown edge type ${JSON.stringify(type)}`, "name a type of schema.yaml");
      continue;
    }
    if (!Array.isArray(phrases) || phrases.length === 0 || !phrases.every((p) => typeof p === "string" && p.trim()))
      report(record.lineOf("phrases"), `"${type}": "phrases" must be a list of words or phrases`);
    if (what !== undefined && what !== "infinitive" && what !== "after-target")
      report(record.lineOf("what"), `"${type}": "what" must be infinitive or after-target`);
    if (spec.attributes.get("what")?.required && what === undefined)
      report(
        record.line,
        `"${type}" needs "what" (its reading has a {what} slot)`,
        "add what: infinitive or after-target",
      );
    const required = [...spec.attributes.values()].filter((a) => a.required && a.name !== "what");
    if (required.length > 0)
      report(
        record.line,
        `"${type}" requires ${required.map((a) => `"${a.name}"`).join(", ")}, which ingest cannot read`,
      );
    if (negated !== undefined && (typeof negated !== "string" || !schema.edgeTypes.has(negated)))
      report(record.lineOf("negated"), `"${type}": negated type ${JSON.stringify(negated)} is not in the schema`);
    entries.push({
      type,
      phrases: Array.isArray(phrases) ? phrases.map(String) : [],
      ...(what === "infinitive" || what === "after-target" ? { what } : {}),
      ...(typeof negated === "string" ? { negated } : {}),
    });
  }
  if (problems.length > 0) throw new DataError(problems);
  return entries;
}
