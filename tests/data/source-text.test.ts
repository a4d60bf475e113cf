// Source texts: CRLF line ends read as LF, so quotes that span a line break match and offsets index the served text.
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadDataset } from "../../src/data";
import { DataError } from "../../src/errors";

const temporary: string[] = [];
afterAll(() => Promise.all(temporary.map((dir) => rm(dir, { recursive: true, force: true }))));

/** The good fixture with alpha's text rewritten by `edit` and one more claim quoting `quote`, in a folder "data". */
async function alphaWith(edit: (text: string) => string, quote: string): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), "rightsgraph-source-text-"));
  temporary.push(root);
  const dir = path.join(root, "data");
  await cp("tests/fixtures/data/good", dir, { recursive: true });
  const text = path.join(dir, "sources/alpha/source.txt");
  await writeFile(text, edit(await readFile(text, "utf8")));
  const claim = `  - id: across-lines\n    type: met\n    source: person:ana\n    target: person:tomas\n    evidence:\n      quote: ${JSON.stringify(quote)}\n`;
  await writeFile(path.join(dir, "sources/alpha/graph.yaml"), claim, { flag: "a" });
  return dir;
}

describe("source texts", () => {
  it("refuses a CR that does not end a line, at its line", async () => {
    const dir = await alphaWith((text) => text.replace("Tomás met", "Tomás\rmet"), "Ana in Seoul.");
    const error = await loadDataset(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataError);
    expect((error as DataError).problems).toContainEqual(
      expect.objectContaining({
        code: "control-character",
        file: "data/sources/alpha/source.txt",
        line: 3,
        message: "the source text holds control character U+000D",
      }),
    );
  });

  it("reads CRLF line ends as LF: a quote across a line break matches, and its offsets index the text served", async () => {
    const quote = "Tomás met Ana in Seoul.^{ii}\n\nThe ROK should:";
    const dir = await alphaWith((text) => text.replaceAll("\n", "\r\n"), quote);
    const { graph, sources } = await loadDataset(dir);
    const text = sources.get("alpha")!.text;
    expect(text).not.toContain("\r");
    const evidence = graph.getEdgeAttribute("across-lines", "evidence");
    expect(text.slice(evidence.start, evidence.end)).toBe(quote);
    const met = graph.getEdgeAttribute("person:tomas--met--person:ana", "evidence");
    expect(text.slice(met.start, met.end)).toBe("Tomás met Ana in Seoul.");
  });
});
