// Runs the NetworkX side of the benchmark (networkx-driver.py) in python3 and reads its figures back.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { CypherBenchRow } from "./compare-cypher-answers";

const DRIVER = fileURLToPath(new URL("./networkx-driver.py", import.meta.url));

export interface NetworkxRequest {
  edgeList: string;
  pairs: [string, string][];
  filteredPairs: [string, string][];
  filterEdgeTypes: string[];
  /** The Cypher figures' query in NetworkX: out-edges of each state of a type to nodes of a type and kind. */
  cypher?: { edgeType: string; targetType: string; kind: string; states: string[]; repeats: number };
  /** Where to write GraphML (deleted afterwards); omitted to skip the write. */
  graphmlOut?: string;
}

export interface NetworkxFigures {
  version: string;
  buildMs: number;
  /** Resident memory the built graph added, in bytes. */
  graphBytes: number;
  nodes: number;
  edges: number;
  pathMs: number[];
  pathLengths: (number | null)[];
  filteredPathMs: number[];
  filteredPathLengths: (number | null)[];
  graphmlMs?: number;
  graphmlBytes?: number;
  cypherMs?: number[];
  cypherRows?: number[];
  /** The anchored answers' rows, `[document id, relationship date]`, in the request's `states` order. */
  cypherAnswers?: CypherBenchRow[][];
  cypherScanMs?: number[];
  cypherScanCount?: number;
}

/** NetworkX's figures, or `{ skipped }` saying why they could not be measured (no python3, no networkx). */
export function runNetworkx(
  request: NetworkxRequest,
  onLine: (line: string) => void,
): Promise<NetworkxFigures | { skipped: string }> {
  return new Promise((resolve) => {
    let child;
    try {
      child = spawn("python3", [DRIVER], { stdio: ["pipe", "pipe", "pipe"] });
    } catch (error) {
      resolve({ skipped: `python3 could not be started: ${(error as Error).message}` });
      return;
    }
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
      for (const line of chunk.split("\n")) if (line.startsWith("networkx:")) onLine(line);
    });
    child.on("error", (error) => resolve({ skipped: `python3 could not be started: ${error.message}` }));
    child.on("close", (code) => {
      if (code !== 0) {
        resolve({ skipped: `python3 exited with ${code}: ${stderr.trim().split("\n").slice(-1)[0] ?? ""}` });
        return;
      }
      try {
        resolve(JSON.parse(stdout.trim().split("\n").slice(-1)[0]!) as NetworkxFigures | { skipped: string });
      } catch {
        resolve({ skipped: `unreadable output from networkx-driver.py: ${stdout.slice(0, 200)}` });
      }
    });
    child.stdin.end(JSON.stringify(request));
  });
}
