// Runs path queries for the server in a worker thread: a search may take its whole time budget (up to seconds on a
// large graph), and on the main thread that would stall every other request, /api/health included.
import { Worker } from "node:worker_threads";
import type { SerializedGraph } from "graphology-types";
import { NotFoundError, ParameterError, RightsGraphError } from "../errors";
import type { PathOptions, PathResult } from "../query";
import type { Dataset, EdgeAttributes, GraphAttributes, NodeAttributes } from "../schema/types";

/** What the worker is started with: the dataset, in a form that crosses threads. */
export interface PathWorkerData {
  dataDir: string;
  schema: Dataset["schema"];
  graph: SerializedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>;
  sources: Dataset["sources"];
}

export interface PathRequest {
  id: number;
  from: string;
  to: string;
  options: Partial<PathOptions>;
}

/** An error thrown in the worker, as data; rebuilt as the same typed error on the main thread. */
export type SerializedError =
  | { kind: "parameter"; message: string; parameter: string }
  | { kind: "not-found"; message: string; suggestions: string[] }
  | { kind: "rightsgraph"; code: string; message: string }
  | { kind: "unexpected"; message: string; stack: string };

export type PathResponse = { id: number; result: PathResult } | { id: number; error: SerializedError };

export interface PathRunner {
  /** The same answer as `engine.paths`, computed off the main thread. Rejects with the same typed errors. */
  paths(from: string, to: string, options: Partial<PathOptions>): Promise<PathResult>;
  /** Starts the worker now rather than on the first query (the server does this at start-up). */
  warm(): Promise<void>;
  /** Stops the worker; later queries start a new one. */
  close(): Promise<void>;
}

/** Longest a query may take beyond its own time budget before the worker is deemed stuck and replaced. */
const GRACE_MS = 10_000;
const MAX_BUDGET_MS = 5000;

function rebuild(error: SerializedError): Error {
  switch (error.kind) {
    case "parameter":
      return new ParameterError(error.parameter, error.message);
    case "not-found":
      return new NotFoundError(error.message, error.suggestions);
    case "rightsgraph":
      return new RightsGraphError(error.code, error.message);
    case "unexpected": {
      const rebuilt = new Error(`path worker: ${error.message}`);
      rebuilt.stack = error.stack;
      return rebuilt;
    }
  }
}

const WORKER_FILE = new URL("./path-worker.js", import.meta.url);

/**
 * A runner for one dataset. The worker gets a copy of the graph (made once, when it starts), so it never reads
 * the data folder: removing the folder while serving changes nothing. Queries run one at a time, in order.
 */
export function createPathRunner(dataset: Dataset): PathRunner {
  let worker: Worker | null = null;
  let ready: Promise<void> | null = null;
  let nextId = 0;
  let workerData: PathWorkerData | null = null;
  const pending = new Map<
    number,
    { resolve: (r: PathResult) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }
  >();

  // The worker keeps the process alive only while it has work: starting, or answering a query. Idle, it is
  // unref'd, so it never holds up the exit of a process whose server has closed.
  const idle = (current: Worker): void => {
    if (pending.size === 0) current.unref();
  };

  const failAll = (error: Error): void => {
    for (const [id, request] of pending) {
      clearTimeout(request.timer);
      request.reject(error);
      pending.delete(id);
    }
  };

  const start = (): Promise<void> => {
    workerData ??= {
      dataDir: dataset.dataDir,
      schema: dataset.schema,
      graph: dataset.graph.export(),
      sources: dataset.sources,
    };
    const started = new Worker(WORKER_FILE, { workerData });
    worker = started;
    ready = new Promise((resolve, reject) => {
      started.on("message", (message: PathResponse | { ready: true }) => {
        if ("ready" in message) {
          idle(started);
          return resolve();
        }
        const request = pending.get(message.id);
        if (!request) return;
        pending.delete(message.id);
        clearTimeout(request.timer);
        idle(started);
        if ("error" in message) request.reject(rebuild(message.error));
        else request.resolve(message.result);
      });
      started.on("error", (error) => {
        reject(error);
        failAll(error instanceof Error ? error : new Error(String(error)));
      });
      started.on("exit", (code) => {
        if (worker === started) worker = null;
        const error = new Error(`path worker exited with code ${code}`);
        reject(error);
        failAll(error);
      });
    });
    return ready;
  };

  return {
    async paths(from, to, options) {
      if (!worker) void start().catch(() => undefined);
      const current = worker!;
      await ready;
      const id = nextId++;
      const budget = Math.min(Number(options.timeBudgetMs) || MAX_BUDGET_MS, MAX_BUDGET_MS);
      return new Promise<PathResult>((resolve, reject) => {
        const timer = setTimeout(() => {
          // A search that overruns its budget this much is stuck: replace the worker rather than wait for ever.
          if (worker === current) worker = null;
          void current.terminate();
        }, budget + GRACE_MS);
        timer.unref();
        pending.set(id, { resolve, reject, timer });
        current.ref();
        current.postMessage({ id, from, to, options } satisfies PathRequest);
      });
    },
    async warm() {
      if (!worker) await start();
      else await ready;
    },
    async close() {
      const current = worker;
      worker = null;
      if (current) await current.terminate();
    },
  };
}
