// Reads GraphML and GEXF files with NetworkX (python3) in one process and returns what it saw, with Python types.
import { spawnSync } from "node:child_process";

/** A value as NetworkX holds it: [Python type name, value]. */
export type PyValue = [string, unknown];

export interface NetworkxGraph {
  directed: boolean;
  multigraph: boolean;
  graph: Record<string, PyValue>;
  nodes: [string, Record<string, PyValue>][];
  /** [source, target, key (the edge id for GraphML), attributes]. */
  edges: [string, string, string | null, Record<string, PyValue>][];
}

const SCRIPT = `
import json, sys
import networkx as nx

def typed(attributes):
    return {k: [type(v).__name__, v] for k, v in attributes.items()}

out = []
for path in sys.argv[1:]:
    if path.endswith(".gexf"):
        g = nx.read_gexf(path)
    else:
        g = nx.read_graphml(path, force_multigraph=True)
    if g.is_multigraph():
        edges = [[u, v, k, typed(a)] for u, v, k, a in g.edges(keys=True, data=True)]
    else:
        edges = [[u, v, None, typed(a)] for u, v, a in g.edges(data=True)]
    out.append({
        "directed": g.is_directed(),
        "multigraph": g.is_multigraph(),
        "graph": typed(g.graph),
        "nodes": [[n, typed(a)] for n, a in g.nodes(data=True)],
        "edges": edges,
    })
print(json.dumps(out))
`;

/** Reads every file with networkx (`read_graphml(path, force_multigraph=True)` or `read_gexf`); throws on failure. */
export function readWithNetworkx(files: string[]): NetworkxGraph[] {
  const result = spawnSync("python3", ["-c", SCRIPT, ...files], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  if (result.error) throw new Error(`python3: could not run (${result.error.message}); npm test checks for it first`);
  if (result.status !== 0) throw new Error(`networkx could not read ${files.join(", ")}:\n${result.stderr}`);
  return JSON.parse(result.stdout) as NetworkxGraph[];
}
