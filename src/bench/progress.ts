// Progress of long work on stderr: a redrawn bar on a terminal, plain lines (at most every few seconds) otherwise.

/** Where progress goes; `isTTY` chooses between a bar and plain lines. */
export interface ProgressSink {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface Progress {
  /** Starts a named step of `total` units (0 when the size is unknown). */
  start(step: string, total?: number): void;
  /** Reports that `done` units of the current step are complete (of `total`, when it is known only now). */
  update(done: number, total?: number): void;
  /** Prints one line of news about the current step. */
  note(line: string): void;
  /** Ends the current step, with an optional note ("4.2 s"). */
  done(note?: string): void;
}

const BAR_WIDTH = 28;
const TTY_INTERVAL_MS = 100;
const LINE_INTERVAL_MS = 5000;

/** Progress that prints nothing: for tests and quiet runs. */
export const SILENT_PROGRESS: Progress = { start() {}, update() {}, note() {}, done() {} };

/**
 * Reports progress on `sink` (stderr by default). On a terminal the current step is one line redrawn with a bar at
 * most ten times a second; elsewhere (a log, CI) a step prints when it starts, every five seconds while it runs,
 * and when it ends.
 */
export function createProgress(sink: ProgressSink = process.stderr, prefix = "bench"): Progress {
  const tty = sink.isTTY === true;
  let step = "";
  let total = 0;
  let began = 0;
  let lastDraw = 0;

  const seconds = (): string => `${((performance.now() - began) / 1000).toFixed(1)} s`;
  const draw = (done: number): void => {
    const fraction = total > 0 ? Math.min(1, done / total) : 0;
    const filled = Math.round(fraction * BAR_WIDTH);
    const bar =
      total > 0 ? `[${"#".repeat(filled)}${".".repeat(BAR_WIDTH - filled)}] ${Math.floor(fraction * 100)}%` : "";
    sink.write(
      `\r\x1b[2K${prefix}: ${step} ${bar} ${done.toLocaleString("en")}${total ? `/${total.toLocaleString("en")}` : ""} ${seconds()}`,
    );
  };

  return {
    start(name, size = 0) {
      step = name;
      total = size;
      began = performance.now();
      lastDraw = began;
      if (tty) draw(0);
      else sink.write(`${prefix}: ${name}...\n`);
    },
    update(done, size) {
      if (size !== undefined) total = size;
      const now = performance.now();
      if (tty && now - lastDraw >= TTY_INTERVAL_MS) {
        lastDraw = now;
        draw(done);
      } else if (!tty && now - lastDraw >= LINE_INTERVAL_MS) {
        lastDraw = now;
        const share = total > 0 ? ` (${Math.floor((100 * done) / total)}%)` : "";
        sink.write(
          `${prefix}: ${step}: ${done.toLocaleString("en")}${total ? ` of ${total.toLocaleString("en")}` : ""}${share}\n`,
        );
      }
    },
    note(line) {
      sink.write(tty ? `\r\x1b[2K${prefix}: ${line}\n` : `${prefix}: ${line}\n`);
    },
    done(note) {
      const end = `${prefix}: ${step} done in ${seconds()}${note ? `: ${note}` : ""}\n`;
      sink.write(tty ? `\r\x1b[2K${end}` : end);
    },
  };
}
