// The project's typed errors, each with a stable code; only the server's error handler maps codes to HTTP statuses.

/** One thing wrong with the data, located in a file. */
export interface Problem {
  file: string;
  line: number;
  code: ProblemCode;
  message: string;
  hint?: string;
}

/**
 * Every kind of data problem the loader reports, as a list the tests can walk: each code has at least one broken
 * fixture in tests/fixtures/data/broken/ (tests/data/load-dataset.test.ts fails for a code without one).
 */
export const PROBLEM_CODES = [
  "yaml-syntax",
  "json-syntax",
  "missing-file",
  "missing-field",
  "unknown-field",
  "bad-value",
  "unknown-type",
  "bad-id",
  "duplicate-id",
  "dangling-reference",
  "endpoint-type",
  "bad-date",
  "quote-not-found",
  "missing-evidence",
  "unknown-endnote",
  // A path or link in the data folder that leads outside it, or a text name that is not a plain file name.
  "unsafe-path",
  // A data file that is not a regular file (a FIFO, a device, a folder) or is larger than the load's limits.
  "bad-file",
  // A C0 or C1 control character (other than tab and line feed) in a text field, a key or a source text.
  "control-character",
  // A reading (sentence template) that does not parse, names an attribute its type does not declare, or cannot be
  // written for an edge (a negated claim of a type without a negated reading).
  "bad-reading",
  // Evidence offsets that no longer hold their quote, or a source text changed since its quotes were anchored.
  "stale-anchor",
] as const;

export type ProblemCode = (typeof PROBLEM_CODES)[number];

export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}: ${p.message}${p.hint ? ` (${p.hint})` : ""}`;
}

/** Base class: every error the project throws on purpose carries a stable code. */
export class RightsGraphError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = new.target.name;
    this.code = code;
  }
}

/** The data is wrong: carries every problem found, never only the first. */
export class DataError extends RightsGraphError {
  readonly problems: Problem[];
  constructor(problems: Problem[], code: "invalid-data" | "invalid-schema" = "invalid-data") {
    const what = code === "invalid-schema" ? "schema" : "data";
    super(code, `${what}: ${problems.length} problem(s)\n${problems.map(formatProblem).join("\n")}`);
    this.problems = problems;
  }
}

/** A caller asked for something that does not exist (an unknown node id). */
export class NotFoundError extends RightsGraphError {
  readonly suggestions: string[];
  constructor(message: string, suggestions: string[] = []) {
    super("not-found", message);
    this.suggestions = suggestions;
  }
}

/** One node a name could stand for, as an ambiguous name lists it. */
export interface NameCandidate {
  id: string;
  label: string;
  type: string;
}

/**
 * A name matches several nodes and none better than the others: `candidates` lists them (id, label, type) for the
 * caller to choose from, and `parameter` names where the name was given.
 */
export class AmbiguousNameError extends RightsGraphError {
  readonly parameter: string;
  readonly candidates: NameCandidate[];
  constructor(parameter: string, message: string, candidates: NameCandidate[]) {
    super("ambiguous-name", message);
    this.parameter = parameter;
    this.candidates = candidates;
  }
}

/** A caller passed a missing, malformed or out-of-range parameter; `parameter` names it. */
export class ParameterError extends RightsGraphError {
  readonly parameter: string;
  constructor(parameter: string, message: string) {
    super("bad-parameter", message);
    this.parameter = parameter;
  }
}

/** A write of edit mode that the loader's checks refuse: every problem the changed data would have, located. */
export class InvalidEditError extends RightsGraphError {
  readonly problems: Problem[];
  constructor(problems: Problem[], message = `the change was refused: ${problems.length} problem(s)`) {
    super("invalid-edit", `${message}\n${problems.map(formatProblem).join("\n")}`);
    this.problems = problems;
  }
}
