// Where the event loop is held: every slice of the engine's sliced work and every turn of an export, timed and named
// by kind and phase while the HTTP stall test's work runs in this process, each part alone and then together.
import { monitorEventLoopDelay, PerformanceObserver } from "node:perf_hooks";
import { Writable } from "node:stream";
import type { Response } from "express";
import { StreamTurns, writeExport, DEFAULT_STREAM_OPTIONS } from "../export";
import { threadCpuMs, type QueryEngine, type SliceRecord } from "../query";
import { pathAnswer } from "../server/routes/query-routes";
import { jsonPieces, sendJson } from "../server/send-json";
import { CYPHER_BENCH_LIMITS, CYPHER_GROUPED } from "./cypher-figures";
import type { Progress } from "./progress";
import { percentile } from "./summary-stats";

/** One timed piece of synchronous work. */
interface Piece {
  kind: string;
  /** What it was doing: the phases it passed through, joined. */
  phases: string;
  /** When it began (`performance.now()`), and its wall and CPU times in milliseconds. */
  at: number;
  ms: number;
  cpuMs: number;
}

/** The longest pieces of one kind of work in one part of the run. */
export interface SliceFigure {
  kind: string;
  pieces: number;
  /** Wall time of the longest piece: how long it held the event loop (more under other processes' load). */
  maxMs: number;
  p99Ms: number;
  /** Pieces longer than the slice budget by more than the margin (see `SLICE_MARGIN_MS`), by wall time. */
  over: number;
  /**
   * The piece of most CPU time of the event loop's thread (see `threadCpuMs`), which other processes' load hardly
   * changes: its CPU and wall times, the garbage collection pauses within it, and what it was doing.
   */
  costliest: { cpuMs: number; ms: number; gcMs: number; phases: string };
}

/** One part of the run: its pieces by kind, and what the event loop saw meanwhile. */
export interface StallPart {
  name: string;
  ms: number;
  /** The event loop's largest delay (1 ms resolution): what any request waited at worst. */
  maxStallMs: number;
  maxGcPauseMs: number;
  figures: SliceFigure[];
}

/** A slice may run this much past its budget before it counts as over: one look at the clock's worth of work. */
export const SLICE_MARGIN_MS = 5;

/** The parts of the run, by the names `--parts` takes, with their titles. */
export const STALL_PARTS = Object.freeze({
  paths: "long path queries",
  defaults: "path queries, API defaults",
  export: "GraphML export",
  cypher: "Cypher grouped",
  together: "together: two streams of long path queries and the export",
});
export type StallPartName = keyof typeof STALL_PARTS;

/** What `sliceStalls` runs. */
export interface SliceStallsInput {
  engine: QueryEngine;
  /** Pairs for the long path queries (LONG_PATH_QUERY): the stall test's. */
  longPairs: readonly [string, string][];
  /** Pairs for path queries with the API's defaults: the throughput test's. */
  shortPairs: readonly [string, string][];
  /** The long path queries' options. */
  longOptions: Readonly<Record<string, unknown>>;
  /** The scheduler's slice budget the pieces are held to, in milliseconds. */
  sliceMs: number;
  /** The parts to run, in STALL_PARTS order (all when not given). */
  parts?: readonly StallPartName[];
}

/** An HTTP response that takes anything at once and keeps nothing, for `sendJson`. */
function nullResponse(): Response {
  // What sendJson uses of a response besides writing: its status and headers.
  return Object.assign(nullSink(), { statusCode: 200, setHeader() {} }) as unknown as Response;
}

/** A sink that takes anything at once and keeps nothing. */
function nullSink(): Writable {
  return new Writable({
    write(_chunk: unknown, _encoding, done) {
      done();
    },
  });
}

/** Export turns that report each turn's wall and CPU time. */
class WatchedTurns extends StreamTurns {
  private cpu = threadCpuMs();

  constructor(
    sliceMs: number,
    private readonly onTurn: (at: number, ms: number, cpuMs: number) => void,
  ) {
    super(sliceMs);
  }

  override async acquire(): Promise<void> {
    await super.acquire();
    this.cpu = threadCpuMs();
  }

  override release(workedMs: number): void {
    this.onTurn(performance.now() - workedMs, workedMs, threadCpuMs() - this.cpu);
    super.release(workedMs);
  }
}

/** A garbage collection pause, in `performance.now()` time. */
interface Pause {
  at: number;
  ms: number;
}

/** Milliseconds of `pauses` within the piece. */
function gcWithin(piece: Piece, pauses: readonly Pause[]): number {
  let total = 0;
  for (const pause of pauses) {
    const overlap = Math.min(piece.at + piece.ms, pause.at + pause.ms) - Math.max(piece.at, pause.at);
    if (overlap > 0) total += overlap;
  }
  return total;
}

function summarisePieces(pieces: readonly Piece[], pauses: readonly Pause[], budgetMs: number): SliceFigure[] {
  const byKind = new Map<string, Piece[]>();
  for (const piece of pieces) {
    const list = byKind.get(piece.kind) ?? [];
    list.push(piece);
    byKind.set(piece.kind, list);
  }
  return [...byKind].map(([kind, list]) => {
    const costliest = list.reduce((a, b) => (b.cpuMs > a.cpuMs ? b : a));
    return {
      kind,
      pieces: list.length,
      maxMs: Math.max(...list.map((p) => p.ms)),
      p99Ms: percentile(
        list.map((p) => p.ms),
        99,
      ),
      over: list.filter((p) => p.ms > budgetMs + SLICE_MARGIN_MS).length,
      costliest: {
        cpuMs: costliest.cpuMs,
        ms: costliest.ms,
        gcMs: gcWithin(costliest, pauses),
        phases: costliest.phases,
      },
    };
  });
}

/** Consecutive repeats folded: ["end ball", "end ball", "ranked search"] reads "end ball > ranked search". */
function phaseLine(phases: readonly string[]): string {
  return phases.filter((phase, i) => i === 0 || phase !== phases[i - 1]).join(" > ");
}

/**
 * Runs the work of the HTTP stall test in this process, part by part (long ranked path queries with their JSON,
 * path queries with the API's defaults, a whole-graph GraphML export, the grouped Cypher query) and then the long
 * queries and the export together, and returns for each part the longest synchronous piece of each kind of work
 * with what it was doing, beside the event loop's largest delay. The pieces' lengths depend on the code, not on how
 * many requests wait: a part whose loop delay is far above its longest piece has work outside the slices.
 */
export async function sliceStalls(input: SliceStallsInput, progress: Progress): Promise<StallPart[]> {
  const { engine, longPairs, shortPairs, longOptions, sliceMs, parts: chosen = Object.keys(STALL_PARTS) } = input;
  const { graph, schema } = engine.dataset;
  let label = "";
  let pieces: Piece[] = [];
  const unwatch = engine.scheduler.watch((slice: SliceRecord) =>
    pieces.push({
      kind: `${slice.kind} (${label})`,
      phases: phaseLine(slice.phases),
      at: slice.at,
      ms: slice.ms,
      cpuMs: slice.cpuMs,
    }),
  );
  const timed = (kind: string, phases: string, work: () => void): void => {
    const cpu = threadCpuMs();
    const began = performance.now();
    work();
    pieces.push({ kind, phases, at: began, ms: performance.now() - began, cpuMs: threadCpuMs() - cpu });
  };
  const exportTurns = (): StreamTurns =>
    new WatchedTurns(DEFAULT_STREAM_OPTIONS.sliceMs, (at, ms, cpuMs) =>
      pieces.push({ kind: "GraphML export", phases: "turn", at, ms, cpuMs }),
    );
  /**
   * The i-th long path query (round the pairs), its answer then sent as the route sends it (the stretch before its
   * first pause timed) and, apart, cut into the pieces it is streamed in (each piece timed).
   */
  const longQuery = async (i: number): Promise<void> => {
    const [a, b] = longPairs[i % longPairs.length]!;
    const answer = pathAnswer(await engine.pathsAsync(a, b, longOptions));
    let sent: Promise<void> = Promise.resolve();
    timed("path answer JSON, first stretch", "sendJson", () => (sent = sendJson(nullResponse(), answer)));
    await sent;
    const steps = jsonPieces(answer);
    for (let done = false; !done;) timed("path JSON piece", "piece", () => (done = steps.next().done === true));
  };

  const parts: StallPart[] = [];
  const part = async (name: string, work: () => Promise<unknown>): Promise<void> => {
    progress.start(name);
    label = name;
    pieces = [];
    const delay = monitorEventLoopDelay({ resolution: 1 });
    const pauses: Pause[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) pauses.push({ at: entry.startTime, ms: entry.duration });
    });
    observer.observe({ entryTypes: ["gc"] });
    delay.enable();
    const began = performance.now();
    try {
      await work();
    } finally {
      delay.disable();
      observer.disconnect();
    }
    const ms = performance.now() - began;
    parts.push({
      name,
      ms,
      maxStallMs: delay.max / 1e6,
      maxGcPauseMs: Math.max(0, ...pauses.map((pause) => pause.ms)),
      figures: summarisePieces(pieces, pauses, sliceMs),
    });
    progress.done(`${(ms / 1000).toFixed(1)} s, largest stall ${(delay.max / 1e6).toFixed(1)} ms`);
  };

  const work: Record<StallPartName, () => Promise<unknown>> = {
    paths: async () => {
      for (let i = 0; i < longPairs.length; i++) await longQuery(i);
    },
    defaults: async () => {
      for (const [a, b] of shortPairs) await engine.pathsAsync(a, b);
    },
    export: () => writeExport("graphml", graph, schema, nullSink(), {}, { turns: exportTurns() }),
    cypher: () => engine.cypherAsync(CYPHER_GROUPED, {}, CYPHER_BENCH_LIMITS),
    together: async () => {
      let exporting = true;
      const exported = writeExport("graphml", graph, schema, nullSink(), {}, { turns: exportTurns() }).finally(
        () => (exporting = false),
      );
      // Two clients asking one long query after another, as the stall test's two connections do.
      const client = async (first: number): Promise<void> => {
        for (let i = first; exporting; i += 2) await longQuery(i);
      };
      await Promise.all([exported, client(0), client(1)]);
    },
  };
  try {
    for (const name of Object.keys(STALL_PARTS) as StallPartName[])
      if (chosen.includes(name)) await part(STALL_PARTS[name], work[name]);
  } finally {
    unwatch();
  }
  return parts;
}

/** The parts as a table: one row per kind of work in each part. */
export function formatSliceStalls(parts: readonly StallPart[], sliceMs: number): string {
  const lines = [
    `Longest synchronous pieces (slice budget ${sliceMs} ms; "over": pieces past it by more than ${SLICE_MARGIN_MS} ms)`,
  ];
  const ms = (value: number): string => (Number.isNaN(value) ? "-" : value.toFixed(1));
  for (const p of parts) {
    lines.push(
      "",
      `${p.name}: ${(p.ms / 1000).toFixed(1)} s, event loop's largest stall ${ms(p.maxStallMs)} ms, ` +
        `longest GC pause ${ms(p.maxGcPauseMs)} ms`,
    );
    for (const f of [...p.figures].sort((a, b) => b.costliest.cpuMs - a.costliest.cpuMs)) {
      const c = f.costliest;
      lines.push(
        `  ${f.kind}: ${f.pieces} pieces, longest ${ms(f.maxMs)} ms, p99 ${ms(f.p99Ms)} ms, over ${f.over}; ` +
          `costliest ${ms(c.cpuMs)} ms CPU (${ms(c.ms)} ms wall, GC ${ms(c.gcMs)} ms) doing ${c.phases}`,
      );
    }
  }
  return lines.join("\n");
}
