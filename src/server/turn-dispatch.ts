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
 * end or its first wait). A request whose client left while it waited is not handed on.
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

  /** At the end of this turn (the loop's check phase): a new slice, and the waiting requests it holds. */
  const turn = (): void => {
    armed = false;
    workedMs = 0;
    while (waiting.length > 0 && workedMs < options.sliceMs) handle(...waiting.shift()!);
    // Requests still waiting, or a slice used here: the next turn, after the loop has polled, goes on or resets.
    if (waiting.length > 0 || workedMs > 0) arm();
  };
  const arm = (): void => {
    if (armed) return;
    armed = true;
    setImmediate(turn);
  };

  return (req, res) => {
    arm();
    if (waiting.length === 0 && workedMs < options.sliceMs) handle(req, res);
    else waiting.push([req, res]);
  };
}
