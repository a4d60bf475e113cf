// Every CLI command, in the order `rightsgraph --help` lists them.
import type { Command } from "../cli-context";
import { statsCommand } from "./stats";
import { validateCommand } from "./validate";

export const COMMANDS: Command[] = [validateCommand, statsCommand];
