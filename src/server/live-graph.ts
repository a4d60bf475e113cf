// The graph a server serves, replaceable while it runs: in edit mode each write, undo or hand edit that passes the
// checks swaps in a new context (its layout extending the last one), and those listening are told the new version.
import type { GraphChangeEvent, IncludeValue, ProblemObject } from "../api/contract";
import type { Problem } from "../errors";
import type { Dataset } from "../schema/types";
import { createServerContext, type ServerContext } from "./server-context";
import { withoutSuggestions } from "./suggestion-view";

type Listener = (event: GraphChangeEvent, kind: "graph" | "problems") => void;

export class LiveGraph {
  private readonly listeners = new Set<Listener>();
  private current: ServerContext;
  /** The view of the current graph without its suggested records, made at the first request that asks for it. */
  private reviewed: { of: ServerContext; context: ServerContext } | null = null;
  /** One more at each new graph. */
  version = 1;
  /** What is wrong with the files on disk now; the last good graph is served meanwhile. */
  problems: ProblemObject[] = [];

  constructor(context: ServerContext) {
    this.current = context;
  }

  /** The context of the graph served now: routes read it at each request. */
  get context(): ServerContext {
    return this.current;
  }

  /**
   * The context a request reads: the graph served, or its view without suggested records (`include=none`), laid out
   * as the whole graph is, so a node stands in the same place in either view.
   */
  contextFor(include: IncludeValue): ServerContext {
    if (include === "suggested") return this.current;
    if (this.reviewed?.of !== this.current) {
      const dataset = withoutSuggestions(this.current.dataset);
      const context =
        dataset === this.current.dataset ? this.current : createServerContext(dataset, undefined, this.current.display);
      this.reviewed = { of: this.current, context };
    }
    return this.reviewed.context;
  }

  /** Serves `dataset` from now on; nodes already drawn keep their positions. */
  replace(dataset: Dataset): void {
    this.current = createServerContext(dataset, undefined, this.current.display);
    this.version += 1;
    this.emit("graph");
  }

  /** The problems of the files on disk (none once they pass again); said to listeners when they change. */
  setProblems(problems: readonly Problem[]): void {
    if (problems.length === 0 && this.problems.length === 0) return;
    this.problems = problems.map(({ file, line, code, message, hint }) => ({
      file,
      line,
      code,
      message,
      ...(hint ? { hint } : {}),
    }));
    this.emit("problems");
  }

  /** What a listener is told: the version, the counts and the problems. */
  event(): GraphChangeEvent {
    const { graph } = this.current.dataset;
    return { version: this.version, nodes: graph.order, edges: graph.size, problems: this.problems };
  }

  /** Calls `listener` at each change until the returned function is called. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(kind: "graph" | "problems"): void {
    const event = this.event();
    for (const listener of [...this.listeners]) listener(event, kind);
  }
}
