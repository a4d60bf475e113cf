// `GET /api/events`: server-sent events telling open browsers that the served graph changed (or that the files on
// disk have problems), so they refetch. Only versions and counts travel here, never data: EventSource cannot send
// the edit token, and needs none.
import { Router, type Response } from "express";
import type { GraphChangeEvent } from "../../api/contract";
import { QueryParams } from "../query-params";
import type { LiveGraph } from "../live-graph";

/** Open event streams, so that a stopping server can end them (they would keep it open for ever). */
export class EventStreams {
  private readonly open = new Set<Response>();

  add(res: Response): void {
    this.open.add(res);
    res.once("close", () => this.open.delete(res));
  }

  /** Ends every stream; browsers reconnect to the next server on their own. */
  endAll(): void {
    for (const res of this.open) res.end();
    this.open.clear();
  }
}

function frame(kind: string, event: GraphChangeEvent): string {
  return `event: ${kind}\nid: ${event.version}\ndata: ${JSON.stringify(event)}\n\n`;
}

export function eventRoutes(live: LiveGraph, streams: EventStreams, keepAliveMs: number): Router {
  const router = Router();
  router.get("/events", (req, res) => {
    new QueryParams(req, []);
    res.writeHead(200, {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-store",
      "X-Accel-Buffering": "no",
    });
    res.write(`retry: 2000\n\n${frame("graph", live.event())}`);
    const unsubscribe = live.subscribe((event, kind) => res.write(frame(kind, event)));
    const keepAlive = setInterval(() => res.write(": keep-alive\n\n"), keepAliveMs);
    keepAlive.unref();
    streams.add(res);
    res.once("close", () => {
      clearInterval(keepAlive);
      unsubscribe();
    });
  });
  return router;
}
