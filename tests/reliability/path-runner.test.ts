// The path runner: the same answers and typed errors as the engine, off the main thread, and a worker that never
// keeps the process alive by itself.
import { spawnSync } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { loadDataset } from "../../src/data";
import { NotFoundError, ParameterError } from "../../src/errors";
import { createQueryEngine } from "../../src/query";
import { createPathRunner } from "../../src/server/path-runner";

const dataset = await loadDataset();
const runner = createPathRunner(dataset);
afterAll(() => runner.close());

describe("createPathRunner", () => {
  it("rejects an unknown node with NotFoundError and its suggestions, like the engine", async () => {
    const error = await runner.paths("state:prkk", "state:kor", {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).suggestions[0]).toBe("state:prk");
  });

  it("rejects maxHops 9 with a ParameterError naming it", async () => {
    const error = await runner.paths("state:prk", "state:kor", { maxHops: 9 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ParameterError);
    expect((error as ParameterError).parameter).toBe("maxHops");
  });

  it("gives exactly the engine's answer", async () => {
    const engine = createQueryEngine(dataset);
    const options = { maxHops: 4, limit: 5 };
    expect(await runner.paths("state:kor", "person:tomas-ojea-quintana", options)).toEqual(
      engine.paths("state:kor", "person:tomas-ojea-quintana", options),
    );
  });

  it("lets a process that warmed it end on its own", () => {
    const result = spawnSync(process.execPath, ["--import", "tsx", "tests/reliability/helpers/warm-runner.ts"], {
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(result.stderr).toBe("");
    expect(result.stdout.trim()).toBe("answered found");
    expect(result.status).toBe(0);
  });
});
