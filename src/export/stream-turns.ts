// Shares the event loop between long writers (exports): together they work at most about one slice per turn of
// the loop, each in turn, so however many run at once, any other request waits for one slice, not one per writer.
import { ParameterError } from "../errors";

/**
 * Hands out turns to work. A writer `acquire`s a turn, works for at most `sliceMs`, then `release`s it with the
 * time it worked; writers waiting get their turns in the order they asked. Once a slice of work has been done
 * since the event loop last turned, the next turn waits until it has turned and polled for I/O (other requests
 * run meanwhile).
 */
export class StreamTurns {
  private readonly waiting: (() => void)[] = [];
  private working = false;
  private workedMs = 0;
  private resetArmed = false;

  constructor(readonly sliceMs: number) {
    if (!(sliceMs > 0)) throw new ParameterError("sliceMs", `StreamTurns: sliceMs must be positive, got ${sliceMs}`);
  }

  /** Resolves when the caller may work. */
  acquire(): Promise<void> {
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      this.next();
    });
  }

  /** The caller stops working, having worked `workedMs` since its turn began. */
  release(workedMs: number): void {
    this.working = false;
    this.workedMs += workedMs;
    if (!this.resetArmed) {
      this.resetArmed = true;
      // Two hops: work released while the loop polls (a write that drained) would otherwise be followed by more
      // in the same turn's check phase, before the loop polls again; this way every slice has a poll between.
      setImmediate(() =>
        setImmediate(() => {
          this.resetArmed = false;
          this.workedMs = 0;
          this.next();
        }),
      );
    }
    this.next();
  }

  private next(): void {
    if (this.working || this.waiting.length === 0 || this.workedMs >= this.sliceMs) return;
    this.working = true;
    this.waiting.shift()!();
  }
}
