// The frame every bench script shares: its options parsed once, --help, and bad usage as exit 2 with the usage.
import { parseArgs, type ParseArgsConfig } from "node:util";
import { ParameterError, RightsGraphError } from "../errors";

export type ScriptOptions = NonNullable<ParseArgsConfig["options"]>;

/** The values of a script's options: strings and booleans, as `parseArgs` gives them. */
export type ScriptValues = Record<string, string | boolean | undefined>;

export interface BenchScript {
  /** How the script names itself in messages (`bench`, `bench:gen`). */
  name: string;
  usage: string;
  /** Options besides --help; give defaults here, as strings, so --help shows what a run uses. */
  options: ScriptOptions;
  /** Does the work; a ParameterError (an option the work refused) ends in exit 2 with the usage. */
  run(values: ScriptValues): Promise<void>;
}

/**
 * The option `name` of `script` read as a whole number of at least `min`; a ParameterError naming it (exit 2 with the
 * usage) otherwise.
 */
export function integerOption(script: string, values: ScriptValues, name: string, min = -Infinity): number {
  const value = Number(values[name]);
  if (!Number.isInteger(value) || value < min) {
    const wanted = min === 1 ? "a positive integer" : min === -Infinity ? "an integer" : `an integer >= ${min}`;
    throw new ParameterError(name, `${script}: ${name} must be ${wanted}, got ${String(values[name])}`);
  }
  return value;
}

/**
 * Runs a bench script with `argv` (default: this process's arguments) and returns its exit code: 0 done, 2 bad usage
 * (unknown option, missing value, an option the work refused), 1 another error the project raised on purpose.
 * Anything else is a bug and is thrown, with its stack.
 */
export async function runBenchScript(script: BenchScript, argv: string[] = process.argv.slice(2)): Promise<number> {
  let values: ScriptValues;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { ...script.options, help: { type: "boolean", short: "h" } },
      strict: true,
    }));
  } catch (error) {
    console.error(`${script.name}: ${(error as Error).message}\n${script.usage}`);
    return 2;
  }
  if (values.help) {
    console.log(script.usage);
    return 0;
  }
  try {
    await script.run(values);
    return 0;
  } catch (error) {
    if (!(error instanceof RightsGraphError)) throw error;
    // The work's own messages usually name the script already ("bench:gen: size must be ...").
    const message = error.message.startsWith(`${script.name}:`) ? error.message : `${script.name}: ${error.message}`;
    if (error instanceof ParameterError) {
      console.error(`${message}\n${script.usage}`);
      return 2;
    }
    console.error(message);
    return 1;
  }
}
