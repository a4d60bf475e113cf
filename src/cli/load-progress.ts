// What loading a large corpus shows on stderr: a line redrawn in place on a terminal (files read, claims checked,
// time left), one summary line otherwise. A corpus of a few sources loads too fast to need either.
import type { LoadProgress } from "../data";

/** Fewest source folders for which a load reports its progress. */
export const PROGRESS_MIN_SOURCES = 50;

/** A progress reporter writing to `stderr`; `done()` ends it (the summary line, or the cleared terminal line). */
export function loadProgress(
  stderr: { write(chunk: string): unknown; isTTY?: boolean },
  now: () => number = () => performance.now(),
): { onProgress: (p: LoadProgress) => void; done: () => void } {
  const started = now();
  let last: LoadProgress | undefined;
  let drawn = 0;
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  return {
    onProgress(p) {
      last = p;
      if (!stderr.isTTY || p.filesTotal < PROGRESS_MIN_SOURCES * 2) return;
      const t = now();
      // Redrawing more often than every tenth of a second only costs time.
      if (t - drawn < 100 && p.phase === "read" && p.filesRead < p.filesTotal) return;
      drawn = t;
      const elapsed = t - started;
      const left = p.filesRead > 0 ? (elapsed / p.filesRead) * (p.filesTotal - p.filesRead) : 0;
      const what =
        p.phase === "build"
          ? `building the graph (${p.claimsChecked} claims checked)`
          : `${p.filesRead}/${p.filesTotal} files read, ${p.claimsChecked} claims checked, about ${seconds(left)} left`;
      stderr.write(`\r\u001b[2Kloading: ${what}`);
    },
    done() {
      if (!last || last.filesTotal < PROGRESS_MIN_SOURCES * 2) return;
      if (stderr.isTTY) stderr.write("\r\u001b[2K");
      else
        stderr.write(
          `loaded ${last.filesTotal / 2} sources: ${last.filesRead} files read, ${last.claimsChecked} claims checked in ${seconds(now() - started)}\n`,
        );
    },
  };
}
