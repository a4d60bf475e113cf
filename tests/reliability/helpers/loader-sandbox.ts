// Loads data folders in a worker thread with a time limit: a load that runs over is stopped and reported as a hang.
import { Worker } from "node:worker_threads";
import type { Problem } from "../../../src/errors";

export interface GraphSummary {
  nodes: string[];
  edges: number;
  inconsistencies: string[];
}

export type LoadOutcome =
  | { type: "loaded"; summary: GraphSummary }
  | { type: "data-error"; code: string; problems: Problem[] }
  | { type: "crash"; name: string; message: string; stack: string }
  | { type: "hang" };

const WORKER = new URL("./load-worker.mjs", import.meta.url);

/** One worker that loads folders one at a time; replaced by a fresh one after a hang. */
export class LoaderSandbox {
  private worker: Worker | null = null;
  private ready: Promise<void> | null = null;
  private nextId = 0;

  private start(): Promise<void> {
    const worker = new Worker(WORKER);
    this.worker = worker;
    this.ready = new Promise((resolve, reject) => {
      const onMessage = (message: { type: string }) => {
        if (message.type !== "ready") return;
        worker.off("message", onMessage);
        resolve();
      };
      worker.on("message", onMessage);
      worker.once("error", reject);
    });
    return this.ready;
  }

  /** Loads `dir`; gives up after `timeoutMs`, terminating the worker. */
  async load(dir: string, timeoutMs: number): Promise<LoadOutcome> {
    if (!this.worker) await this.start();
    await this.ready;
    const worker = this.worker!;
    const id = this.nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        worker.off("message", onMessage);
        void worker.terminate();
        this.worker = null;
        resolve({ type: "hang" });
      }, timeoutMs);
      const onMessage = (message: LoadOutcome & { id?: number }) => {
        if (message.id !== id) return;
        clearTimeout(timer);
        worker.off("message", onMessage);
        resolve(message);
      };
      worker.on("message", onMessage);
      worker.postMessage({ id, dir });
    });
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
    this.worker = null;
  }
}
