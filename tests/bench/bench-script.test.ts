// The bench scripts' shared frame: exit 2 with the usage for bad options, 0 for --help, 1 for other refusals.
import { afterEach, describe, expect, it, vi } from "vitest";
import { integerOption, runBenchScript, type BenchScript } from "../../src/bench/bench-script";
import { ParameterError, RightsGraphError } from "../../src/errors";

function script(run: BenchScript["run"]): BenchScript {
  return { name: "bench:test", usage: "usage: bench:test [--size S]", options: { size: { type: "string" } }, run };
}

describe("runBenchScript", () => {
  const errors = vi.spyOn(console, "error").mockImplementation(() => {});
  const logs = vi.spyOn(console, "log").mockImplementation(() => {});
  afterEach(() => {
    errors.mockClear();
    logs.mockClear();
  });

  it("exits 2 with the usage for an unknown option, without running the work", async () => {
    const run = vi.fn(async () => {});
    expect(await runBenchScript(script(run), ["--colour", "red"])).toBe(2);
    expect(run).not.toHaveBeenCalled();
    expect(errors.mock.calls[0]![0]).toMatch(/^bench:test: .*--colour[\s\S]*usage: bench:test/);
  });

  it("exits 2 with the usage when the work refuses an option, naming the script once", async () => {
    const refuse = script(async () => {
      throw new ParameterError("size", 'bench:test: size must be small, got "huge"');
    });
    expect(await runBenchScript(refuse, ["--size", "huge"])).toBe(2);
    expect(errors.mock.calls[0]![0]).toBe('bench:test: size must be small, got "huge"\nusage: bench:test [--size S]');
  });

  it("exits 1 for another refusal of the project's, and throws what is a bug", async () => {
    const missing = script(async () => {
      throw new RightsGraphError("no-data", "the corpus is missing");
    });
    expect(await runBenchScript(missing, [])).toBe(1);
    expect(errors.mock.calls[0]![0]).toBe("bench:test: the corpus is missing");
    await expect(
      runBenchScript(
        script(async () => Promise.reject(new TypeError("bug"))),
        [],
      ),
    ).rejects.toThrow("bug");
  });

  it("answers --help with the usage and exit 0, and runs the work with the parsed values", async () => {
    expect(
      await runBenchScript(
        script(async () => {}),
        ["--help"],
      ),
    ).toBe(0);
    expect(logs).toHaveBeenCalledWith("usage: bench:test [--size S]");
    const run = vi.fn(async () => {});
    expect(await runBenchScript(script(run), ["--size", "small"])).toBe(0);
    expect(run).toHaveBeenCalledWith(expect.objectContaining({ size: "small" }));
  });
});

describe("integerOption", () => {
  it("refuses a value that is not a whole number at least the least allowed, naming the option and the value", () => {
    for (const [value, min, message] of [
      ["0", 1, "bench:test: rounds must be a positive integer, got 0"],
      ["2.5", -Infinity, "bench:test: rounds must be an integer, got 2.5"],
      ["many", 3, "bench:test: rounds must be an integer >= 3, got many"],
    ] as const) {
      expect(() => integerOption("bench:test", { rounds: value }, "rounds", min)).toThrow(
        expect.objectContaining({ constructor: ParameterError, parameter: "rounds", message }),
      );
    }
  });

  it("reads a whole number", () => {
    expect(integerOption("bench:test", { rounds: "3" }, "rounds", 1)).toBe(3);
    expect(integerOption("bench:test", { seed: "-7" }, "seed")).toBe(-7);
  });
});
