// The `rightsgraph` command line: dispatches to one command, maps errors to exit codes (1 data/no result, 2 usage).
import { DataError, ParameterError, RightsGraphError } from "../errors";
import { closestIds } from "../schema";
import {
  makeContext,
  parameterUsage,
  parseCommandArgs,
  printDataError,
  UsageError,
  writeText,
  type CliIo,
  type Command,
} from "./cli-context";
import { COMMANDS, type CommandEntry } from "./commands";

function globalUsage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    "usage: rightsgraph <command> [options]",
    "",
    "commands:",
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Every command takes --help. --data DIR (or RIGHTSGRAPH_DATA) points at another data folder.",
  ].join("\n");
}

function commandUsage(command: Command, entry: CommandEntry): string {
  return `usage: ${command.usage}\n\n${entry.summary}`;
}

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function main(
  argv: string[],
  io: CliIo = { stdout: process.stdout, stderr: process.stderr, env: process.env },
): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    writeText(name === undefined ? io.stderr : io.stdout, `${globalUsage()}\n`);
    return name === undefined ? 2 : 0;
  }
  const entry = COMMANDS.find((c) => c.name === name);
  if (!entry) {
    const [nearest] = closestIds(
      COMMANDS.map((c) => c.name),
      name,
      1,
    );
    const hint = nearest === undefined ? "" : `; did you mean ${nearest}?`;
    writeText(io.stderr, `rightsgraph: unknown command "${name}"${hint}\n\n${globalUsage()}\n`);
    return 2;
  }
  const command = await entry.load();
  try {
    const { values, positionals } = parseCommandArgs(command, rest);
    if (values.help) {
      writeText(io.stdout, `${commandUsage(command, entry)}\n`);
      return 0;
    }
    return await command.run(makeContext(io, values, positionals));
  } catch (error) {
    if (error instanceof UsageError || error instanceof ParameterError) {
      const message = error instanceof ParameterError ? parameterUsage(command, error) : error.message;
      writeText(io.stderr, `rightsgraph ${command.name}: ${message}\n\n${commandUsage(command, entry)}\n`);
      return 2;
    }
    if (error instanceof DataError) {
      printDataError(io, error);
      return 1;
    }
    if (error instanceof RightsGraphError) {
      writeText(io.stderr, `rightsgraph ${command.name}: ${error.message}\n`);
      return 1;
    }
    writeText(
      io.stderr,
      `rightsgraph ${command.name}: unexpected error: ${(error as Error).message ?? String(error)}\n`,
    );
    return 1;
  }
}
