// Progress of a long load on stderr: redrawn on a terminal, one summary line otherwise, nothing for a small corpus.
import { describe, expect, it } from "vitest";
import { loadProgress, PROGRESS_MIN_SOURCES } from "../../src/cli/load-progress";
import type { LoadProgress } from "../../src/data";

function run(isTTY: boolean, sources: number): string {
  let written = "";
  let clock = 0;
  const progress = loadProgress({ write: (s: string) => (written += s), isTTY }, () => clock);
  const total = sources * 2;
  for (let read = 1; read <= total; read++) {
    clock += 1000;
    progress.onProgress({ phase: "read", filesRead: read, filesTotal: total, claimsChecked: read * 10 });
  }
  progress.onProgress({
    phase: "build",
    filesRead: total,
    filesTotal: total,
    claimsChecked: total * 10,
  } as LoadProgress);
  clock += 500;
  progress.done();
  return written;
}

describe("loadProgress", () => {
  it("prints one summary line when stderr is not a terminal", () => {
    expect(run(false, 400)).toBe("loaded 400 sources: 800 files read, 8000 claims checked in 800.5 s\n");
  });

  it("redraws one line on a terminal with files read, claims checked and time left, then clears it", () => {
    const out = run(true, PROGRESS_MIN_SOURCES);
    expect(out).toContain("\r\u001b[2Kloading: 1/100 files read, 10 claims checked, about 99.0 s left");
    expect(out).toContain("loading: building the graph (1000 claims checked)");
    expect(out.endsWith("\r\u001b[2K")).toBe(true);
    expect(out).not.toContain("\n");
  });

  it("says nothing for a corpus of a few sources", () => {
    expect(run(true, PROGRESS_MIN_SOURCES - 1)).toBe("");
    expect(run(false, 3)).toBe("");
  });
});
