// A server in edit mode on a copy of the bundled data, in this process (port 0), for the edit API's tests.
import { cpSync, readFileSync } from "node:fs";
import path from "node:path";
import { loadDataset, DEFAULT_DATA_DIR } from "../../src/data";
import { DEFAULT_WEB_DIR, startServer, type RunningServer } from "../../src/server";
import { tempDir } from "./temp-dir";

export const EDIT_TOKEN = "test-edit-token-0123456789";
export const BRIEF = "dprk-2020-brief";

export interface EditServer {
  running: RunningServer;
  url: string;
  /** The copy of the data folder the server writes to. */
  dataDir: string;
  /** The brief's graph.yaml as it is on disk now. */
  graphYaml(): string;
  /** Lines the server logged (problems, unexpected errors). */
  log: string[];
  close(): Promise<void>;
}

/** A copy of the bundled data folder in a fresh temporary folder (removed by `remove`). */
export function copyBundledData(prefix = "rightsgraph-edit"): { dataDir: string; remove: () => void } {
  const tmp = tempDir(prefix);
  const dataDir = path.join(tmp.path, "graph-data");
  cpSync(DEFAULT_DATA_DIR, dataDir, { recursive: true, filter: (src) => !src.includes(".rightsgraph-edit") });
  return { dataDir, remove: tmp.remove };
}

/** Starts edit mode on `dataDir` (a fresh copy of the bundled data unless given), without the watcher unless asked. */
export async function startEditServer(options: { dataDir?: string; watch?: boolean } = {}): Promise<EditServer> {
  const copy = options.dataDir ? null : copyBundledData();
  const dataDir = options.dataDir ?? copy!.dataDir;
  const log: string[] = [];
  const dataset = await loadDataset(dataDir, { suggestions: true, locateClaims: true });
  const running = await startServer(dataset, {
    port: 0,
    host: "127.0.0.1",
    webDir: DEFAULT_WEB_DIR,
    edit: { token: EDIT_TOKEN, suggestions: true, watch: options.watch === true },
    log: (line) => log.push(line),
  });
  return {
    running,
    url: running.url,
    dataDir,
    graphYaml: () => readFileSync(path.join(dataDir, "sources", BRIEF, "graph.yaml"), "utf8"),
    log,
    async close() {
      await running.close();
      copy?.remove();
    },
  };
}
