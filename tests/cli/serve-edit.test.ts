// `rightsgraph serve --edit`: what it refuses before it starts (each an exit 2 with the usage), run in-process.
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli";

describe("rightsgraph serve --edit", () => {
  it("refuses a host other machines can reach without RIGHTSGRAPH_EDIT_TOKEN", async () => {
    for (const host of ["0.0.0.0", "192.168.1.20", "::"]) {
      const run = await runCli(["serve", "--edit", "--host", host, "--port", "0"]);
      expect(run.code, host).toBe(2);
      expect(run.stderr).toContain(`--edit on ${host}, which other machines can reach, needs a token`);
      expect(run.stderr).toContain("usage: rightsgraph serve");
    }
  });

  it("refuses a short token or one with spaces", async () => {
    for (const token of ["short", "a token with spaces in it"]) {
      const run = await runCli(["serve", "--edit", "--port", "0"], { env: { RIGHTSGRAPH_EDIT_TOKEN: token } });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain("RIGHTSGRAPH_EDIT_TOKEN must be at least 16 characters with no spaces");
    }
  });

  it("refuses --no-watch without --edit, and --edit with a CORS origin", async () => {
    const watch = await runCli(["serve", "--no-watch", "--port", "0"]);
    expect(watch.code).toBe(2);
    expect(watch.stderr).toContain("--no-watch goes with --edit");
    const cors = await runCli(["serve", "--edit", "--port", "0"], {
      env: { RIGHTSGRAPH_CORS_ORIGIN: "http://elsewhere.example" },
    });
    expect(cors.code).toBe(2);
    expect(cors.stderr).toContain("edit mode never opens CORS");
  });
});
