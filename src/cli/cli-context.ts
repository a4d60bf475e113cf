// What a CLI command gets: its parsed arguments, output streams and the data folder; and the usage error it throws.
import type { Writable } from "node:stream";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { DataError, formatProblem, ParameterError, RightsGraphError } from "../errors";
import { DEFAULT_DATA_DIR, loadDataset, type LoadOptions } from "../data";
import { loadProgress } from "./load-progress";
import type { Dataset } from "../schema/types";
import { escapeControlCharacters } from "./terminal-text";

export interface CliIo {
  /** A real stream: exports are streamed to it with backpressure. */
  stdout: Writable;
  stderr: { write(chunk: string): unknown; isTTY?: boolean };
  env: Record<string, string | undefined>;
  /** Loads the data folder; `loadDataset` unless given (tests hand in a dataset built in memory). */
  loadDataset?: (dir: string, options?: LoadOptions) => Promise<Dataset>;
}

/**
 * Writes text meant for a person to read (results, messages, errors): every control character of the data is
 * escaped on the way, here and nowhere else. Only exports bypass this: they write files, byte for byte.
 */
export function writeText(stream: { write(chunk: string): unknown }, text: string): void {
  stream.write(escapeControlCharacters(text));
}

/** Bad usage: the command prints its usage and exits 2. */
export class UsageError extends RightsGraphError {
  constructor(message: string) {
    super("usage", message);
  }
}

/** Nothing matched (unknown node, no path, empty search): exit 1 with the message. */
export class NoResultError extends RightsGraphError {
  constructor(message: string) {
    super("no-result", message);
  }
}

export type Options = NonNullable<ParseArgsConfig["options"]>;

export interface Command {
  name: string;
  usage: string;
  options: Options;
  /** How many positional arguments the command takes. */
  positionals: [min: number, max: number];
  /**
   * Flags named otherwise than the query layer's parameter they set (maxRows -> "--limit"): a ParameterError about
   * the parameter then names the flag the user typed.
   */
  flags?: Readonly<Record<string, string>>;
  run(ctx: CommandContext): Promise<number>;
}

export interface CommandContext {
  io: CliIo;
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
  out(line: string): void;
  err(line: string): void;
  dataDir(): string;
  /** Loads the data folder (`--data`, RIGHTSGRAPH_DATA or the bundled one). */
  load(options?: LoadOptions): Promise<Dataset>;
}

export const DATA_OPTION: Options = { data: { type: "string" } };

/** The options of commands that read the graph: the data folder, and whether suggested records are shown. */
export const LOAD_OPTIONS: Options = { ...DATA_OPTION, suggestions: { type: "boolean" } };

/** Parses argv for a command; any unknown option or wrong argument count is a UsageError. */
export function parseCommandArgs(
  command: Command,
  argv: string[],
): { values: Record<string, string | boolean | string[] | undefined>; positionals: string[] } {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: { help: { type: "boolean", short: "h" }, ...command.options },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError((error as Error).message.split("\n")[0]!);
  }
  const [min, max] = command.positionals;
  if (!parsed.values.help && (parsed.positionals.length < min || parsed.positionals.length > max)) {
    throw new UsageError(
      max === 0
        ? `${command.name} takes no arguments`
        : `${command.name} takes ${min === max ? min : `${min} to ${max}`} argument(s), got ${parsed.positionals.length}`,
    );
  }
  return {
    values: parsed.values as Record<string, string | boolean | string[] | undefined>,
    positionals: parsed.positionals,
  };
}

/** Builds the context a command runs in. */
export function makeContext(
  io: CliIo,
  values: Record<string, string | boolean | string[] | undefined>,
  positionals: string[],
): CommandContext {
  const dataDir = () => (typeof values.data === "string" ? values.data : io.env.RIGHTSGRAPH_DATA || DEFAULT_DATA_DIR);
  return {
    io,
    values,
    positionals,
    out: (line) => writeText(io.stdout, `${line}\n`),
    err: (line) => writeText(io.stderr, `${line}\n`),
    dataDir,
    load: async (options) => {
      const progress = loadProgress(io.stderr);
      const dataset = await (io.loadDataset ?? loadDataset)(dataDir(), {
        suggestions: values.suggestions === true,
        onProgress: progress.onProgress,
        ...options,
      });
      progress.done();
      return dataset;
    },
  };
}

/**
 * The flag of `command` that sets the query layer's `parameter` (maxHops -> --max-hops), if the command has one;
 * used to turn a ParameterError into a usage message that names what the user typed.
 */
function flagFor(command: Command, parameter: string): string | undefined {
  if (command.flags && Object.hasOwn(command.flags, parameter)) return command.flags[parameter];
  const name = parameter.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
  return Object.hasOwn(command.options, name) ? `--${name}` : undefined;
}

/** A ParameterError's message with the flag in place of the parameter's name and without the query layer's context. */
export function parameterUsage(command: Command, error: ParameterError): string {
  const flag = flagFor(command, error.parameter);
  if (flag === undefined) return error.message;
  const text = error.message.replace(/^[a-z]+: /, "");
  const named = text.startsWith(`${error.parameter} `) || text.startsWith(`${error.parameter}:`);
  return named ? `${flag}${text.slice(error.parameter.length)}` : `${flag}: ${text}`;
}

/** Prints a DataError's problems, one `file:line: message` per line. */
export function printDataError(io: CliIo, error: DataError): void {
  for (const problem of error.problems) writeText(io.stderr, `${formatProblem(problem)}\n`);
  writeText(io.stderr, `${error.problems.length} problem(s) found; nothing was loaded.\n`);
}

/**
 * Reads a whole-number option (`--max-hops 3`), or throws a UsageError naming the option. Only the form is checked
 * here: the query layer's resolve*Options functions judge the range, and `main` names the flag when they refuse it.
 */
export function intOption(
  values: Record<string, string | boolean | string[] | undefined>,
  name: string,
): number | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  if (typeof raw !== "string" || !/^-?\d{1,15}$/.test(raw)) {
    throw new UsageError(`--${name} must be a whole number, got "${String(raw)}"`);
  }
  return Number(raw);
}

/** Splits a comma-separated list option ("a,b") into its items. */
export function listOption(
  values: Record<string, string | boolean | string[] | undefined>,
  name: string,
): string[] | undefined {
  const raw = values[name];
  if (typeof raw !== "string") return undefined;
  return raw
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}
