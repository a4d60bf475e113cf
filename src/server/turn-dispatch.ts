// Hands requests to the app a slice at a time per turn of the event loop, in the order they came. Node accepts one
// new connection per turn of the loop, and a turn that answers every waiting request of a hundred busy connections
// lasts as long as all of them: connections opened together then waited seconds, one turn each, to be accepted (the
// load run's first wave). Past a slice of work in a turn, further requests wait, in order, for the next turns.
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";

export interface TurnDispatchOptions {
  /** Synchronous request work per turn of the loop, in milliseconds, before further requests wait for the next. */
  sliceMs: number;
  /** The clock, in milliseconds (performance.now by default). */
  now?: () => number;
}

/**
 * A request listener that calls `app` for each request, in arrival order, at most about `sliceMs` of the app's
 * synchronous work per turn of the event loop (a request is never cut: one that starts within the slice runs to its
 * end or its first wait; a turn may start with up to half a slice used by quiet turns before it). A request whose
 * client left while it waited is not handed on.
 */
export function turnDispatch(app: RequestListener, options: TurnDispatchOptions): RequestListener {
  const now = options.now ?? (() => performance.now());
  const waiting: [IncomingMessage, ServerResponse][] = [];
  let workedMs = 0;
  let armed = false;

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    if (req.socket.destroyed) return;
    const started = now();
    try {
      app(req, res);
    } finally {
      workedMs += now() - started;
    }
  };

  /**
   * A new slice at the end of this turn (the loop's check phase), once half of one is used: a turn of its own for
   * every request would cost more than a light request, so the work of a few quiet turns adds up first.
   */
  const armIfUsed = (): void => {
    if (waiting.length > 0 || workedMs >= options.sliceMs / 2) arm();
  };
  /** Starts a new slice and hands on the waiting requests it holds; the next turn, after the loop has polled, goes on. */
  const turn = (): void => {
    armed = false;
    workedMs = 0;
    while (waiting.length > 0 && workedMs < options.sliceMs) handle(...waiting.shift()!);
    armIfUsed();
  };
  const arm = (): void => {
    if (armed) return;
    armed = true;
    setImmediate(turn);
  };

  return (req, res) => {
    if (waiting.length === 0 && workedMs < options.sliceMs) handle(req, res);
    else waiting.push([req, res]);
    armIfUsed();
  };
}
