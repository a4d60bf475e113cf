// The Neo4j CSV zip read back by Python's zipfile and csv modules (python3), row for row.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { csvZip } from "../../src/export";
import { tempDir } from "../helpers/temp-dir";
import { TRICKY_QUOTE, tinyGraph, tinySchema } from "../helpers/tiny-fixture";

function runPython(script: string, args: string[]): { stdout: string; stderr: string } {
  const result = spawnSync("python3", ["-c", script, ...args], { encoding: "utf8" });
  return { stdout: result.stdout, stderr: result.stderr };
}

describe("csvZip read by Python", () => {
  it("is read by Python's zipfile and csv modules, row for row", async () => {
    const dir = tempDir("csv-zip");
    try {
      const file = dir.write("tiny.zip", await csvZip(tinyGraph(), tinySchema()));
      const read = runPython(
        `import csv, io, json, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None
print(json.dumps({n: list(csv.reader(io.StringIO(z.read(n).decode("utf-8"), newline=""))) for n in ["nodes.csv", "relationships.csv"]}))`,
        [file],
      );
      expect(read.stderr).toBe("");
      const files = JSON.parse(read.stdout) as Record<string, string[][]>;
      expect(files["nodes.csv"]).toHaveLength(8);
      const declined = files["relationships.csv"]!.find(
        (row) => row[3] === "state:kor--declined--doc:un:a-c.3-74-l.26",
      );
      expect(declined?.[5]).toBe(TRICKY_QUOTE);
    } finally {
      dir.remove();
    }
  });
});
