// Bounds the exports written at once: a few run, a few more wait their turn in order, and the rest are told to
// come back later. Each export holds little memory while it streams; the bound keeps many of them from adding up.
import { RightsGraphError } from "../errors";

/** The server is too busy for this request; try again after `retryAfterSeconds`. */
export class BusyError extends RightsGraphError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super("busy", message);
  }
}

export interface ExportGateLimits {
  maxConcurrentExports: number;
  maxQueuedExports: number;
  exportRetryAfterSeconds: number;
}

/** A place among the running exports; `release` gives it up (once; later calls do nothing). */
export type Release = () => void;

export class ExportGate {
  private running = 0;
  private readonly queue: { admit: (release: Release) => void }[] = [];

  constructor(private readonly limits: ExportGateLimits) {}

  /** Exports being written now. */
  get active(): number {
    return this.running;
  }

  /** Exports waiting for a place. */
  get waiting(): number {
    return this.queue.length;
  }

  /**
   * Resolves with a release once a place is free: at once while fewer than `maxConcurrentExports` run, else in
   * the order asked. Throws a BusyError when `maxQueuedExports` already wait. When `signal` aborts (the client
   * left) while waiting, the request leaves the queue and the promise never resolves: nobody is left to answer.
   */
  enter(signal: AbortSignal): Promise<Release> {
    if (this.running < this.limits.maxConcurrentExports) return Promise.resolve(this.admit());
    if (this.queue.length >= this.limits.maxQueuedExports) {
      throw new BusyError(
        `${this.running} exports are being written and ${this.queue.length} are waiting; try again in a few seconds`,
        this.limits.exportRetryAfterSeconds,
      );
    }
    return new Promise((resolve) => {
      const entry = { admit: resolve };
      this.queue.push(entry);
      const leave = (): void => {
        const at = this.queue.indexOf(entry);
        if (at >= 0) this.queue.splice(at, 1);
      };
      if (signal.aborted) leave();
      else signal.addEventListener("abort", leave, { once: true });
    });
  }

  private admit(): Release {
    this.running += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.running -= 1;
      const next = this.queue.shift();
      if (next) next.admit(this.admit());
    };
  }
}
