// Every CLI command, in the order `rightsgraph --help` lists them.
import type { Command } from "../cli-context";
import { checkCommand } from "./check";
import { exportCommand } from "./export";
import { ingestCommand } from "./ingest";
import { reviewCommand } from "./review";
import { loadAgeCommand } from "./load-age";
import { queryCommand } from "./query";
import { neighborsCommand, pathCommand, searchCommand, showCommand } from "./query-commands";
import { serveCommand } from "./serve";
import { statsCommand } from "./stats";
import { validateCommand } from "./validate";

export const COMMANDS: Command[] = [
  validateCommand,
  statsCommand,
  searchCommand,
  showCommand,
  neighborsCommand,
  pathCommand,
  queryCommand,
  exportCommand,
  loadAgeCommand,
  serveCommand,
  ingestCommand,
  reviewCommand,
  checkCommand,
];
