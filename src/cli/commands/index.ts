// Every CLI command, in the order `rightsgraph --help` lists them: its name and summary here, the rest in its module,
// imported only when the command runs. A process imports one command's libraries (the server's Express, the
// exporters, pdf.js) and not the others': `rightsgraph stats` starts without loading the web server.
import type { Command } from "../cli-context";

export interface CommandEntry {
  name: string;
  summary: string;
  /** The command's module, imported on first use. */
  load(): Promise<Command>;
}

export const COMMANDS: CommandEntry[] = [
  {
    name: "validate",
    summary: "check the data folder against the schema",
    load: async () => (await import("./validate")).validateCommand,
  },
  {
    name: "stats",
    summary: "count nodes and edges by type, sources by claims, records by review status",
    load: async () => (await import("./stats")).statsCommand,
  },
  {
    name: "search",
    summary: "find nodes by label or alias (accents, case and typos forgiven)",
    load: async () => (await import("./query-commands")).searchCommand,
  },
  {
    name: "show",
    summary: "a node and every claim about it, with its evidence",
    load: async () => (await import("./query-commands")).showCommand,
  },
  {
    name: "neighbors",
    summary: "the nodes around one node, with the claims that link them",
    load: async () => (await import("./query-commands")).neighborsCommand,
  },
  {
    name: "path",
    summary: "how two nodes are connected: the k most informative (or shortest) paths as cited sentences",
    load: async () => (await import("./query-commands")).pathCommand,
  },
  {
    name: "query",
    summary: "run a read-only Cypher query: rows as a table, JSON or CSV, its plan, or the subgraph it matched",
    load: async () => (await import("./query")).queryCommand,
  },
  {
    name: "export",
    summary:
      "write the graph, a filtered view or a path result as GraphML, GEXF, JSON, a Neo4j CSV zip, or a folder for Apache AGE",
    load: async () => (await import("./export")).exportCommand,
  },
  {
    name: "load-age",
    summary: "load the graph into PostgreSQL with Apache AGE (the same Cypher runs there)",
    load: async () => (await import("./load-age")).loadAgeCommand,
  },
  {
    name: "serve",
    summary: "serve the API and the web explorer (127.0.0.1:3000 by default)",
    load: async () => (await import("./serve")).serveCommand,
  },
  {
    name: "ingest",
    summary: "turn a report (.txt, .md, .html, .pdf) into a source folder of suggested records",
    load: async () => (await import("./ingest")).ingestCommand,
  },
  {
    name: "review",
    summary: "list a source's suggestions; accept, reject, edit them, or mark them reviewed",
    load: async () => (await import("./review")).reviewCommand,
  },
  {
    name: "check",
    summary: "re-anchor quotes after a source text changed (moved, fuzzy or lost); --write saves the new anchors",
    load: async () => (await import("./check")).checkCommand,
  },
];
