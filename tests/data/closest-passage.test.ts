// The closest-passage hint: the same passage as the quadratic search it replaced, in linear time, within a budget.
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { findClosestPassage, loadDataset } from "../../src/data";
import { MAX_COMPARED_LENGTH } from "../../src/data/closest-passage";
import { DataError, type Problem } from "../../src/errors";

/** The search as it was: every window at a word boundary, its trigrams counted afresh (quadratic). */
function quadraticClosestPassage(text: string, quote: string): string {
  const trigrams = (value: string) => {
    const grams = new Map<string, number>();
    for (let i = 0; i + 3 <= value.length; i++)
      grams.set(value.slice(i, i + 3), (grams.get(value.slice(i, i + 3)) ?? 0) + 1);
    return grams;
  };
  if (quote.length === 0 || text.length === 0) return "";
  const wanted = trigrams(quote.toLowerCase());
  const lower = text.toLowerCase();
  const width = Math.min(quote.length, text.length);
  let best = 0;
  let bestScore = -1;
  for (let start = 0; start + width <= text.length; start++) {
    if (start > 0 && !/\s/.test(text[start - 1]!)) continue;
    let score = 0;
    for (const [gram, count] of trigrams(lower.slice(start, start + width)))
      score += Math.min(count, wanted.get(gram) ?? 0);
    if (score > bestScore) {
      bestScore = score;
      best = start;
    }
  }
  return text.slice(best, best + width);
}

const temporary: string[] = [];
afterAll(() => Promise.all(temporary.map((dir) => rm(dir, { recursive: true, force: true }))));

/** The good fixture with `count` more claims whose quotes are not in alpha's text, in a folder named "data". */
async function withWrongQuotes(count: number): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), "rightsgraph-hints-"));
  temporary.push(root);
  const dir = path.join(root, "data");
  await cp("tests/fixtures/data/good", dir, { recursive: true });
  const file = path.join(dir, "sources/alpha/graph.yaml");
  let text = await readFile(file, "utf8");
  for (let i = 0; i < count; i++)
    text += `  - type: met\n    source: person:tomas\n    target: person:ana\n    evidence:\n      quote: "Tomas met Ana in Seoul."\n`;
  await writeFile(file, text);
  return dir;
}

async function quoteProblems(dir: string, hintCharacters: number): Promise<Problem[]> {
  const error = await loadDataset(dir, { limits: { hintCharacters } }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(DataError);
  return (error as DataError).problems.filter((p) => p.code === "quote-not-found");
}

describe("findClosestPassage", () => {
  it("finds the passage the quadratic search found, for any text and quote", () => {
    // Few letters, so that texts repeat trigrams and ties between windows are common.
    const word = fc.stringMatching(/^[abcAB]{1,6}$/);
    const text = fc.array(fc.tuple(word, fc.constantFrom(" ", "\n", "\t", ", ", "")), { maxLength: 60 });
    const joined = text.map((parts) => parts.map(([w, s]) => w + s).join(""));
    fc.assert(
      fc.property(joined, fc.string({ unit: fc.constantFrom("a", "b", "c", "A", " ", "é"), maxLength: 40 }), (t, q) => {
        expect(findClosestPassage(t, q)).toBe(quadraticClosestPassage(t, q));
      }),
      { numRuns: 2000, seed: 20200115 },
    );
  });

  it("compares only the start of a quote longer than MAX_COMPARED_LENGTH", () => {
    const text = `${"lorem ipsum ".repeat(500)}the passage sought ${"dolor sit ".repeat(500)}`;
    const quote = `the passage sough ${"x".repeat(5000)}`;
    const closest = findClosestPassage(text, quote);
    expect(closest).toHaveLength(MAX_COMPARED_LENGTH);
    expect(closest).toContain("the passage sought");
    expect(closest).toBe(quadraticClosestPassage(text, quote.slice(0, MAX_COMPARED_LENGTH)));
  });
});

describe("closest-passage hints over one load", () => {
  it("gives every quote not found its closest passage within the budget", async () => {
    const problems = await quoteProblems(await withWrongQuotes(3), 1_000_000);
    expect(problems.map((p) => p.hint)).toEqual(Array(3).fill('closest passage: "Tomás met Ana in Seoul."'));
  });

  it("still lists every quote not found past the budget, saying that no passage was searched", async () => {
    const text = await readFile("tests/fixtures/data/good/sources/alpha/source.txt", "utf8");
    // Room for two searches of alpha's text, not three.
    const problems = await quoteProblems(await withWrongQuotes(3), 3 * text.length);
    expect(problems).toHaveLength(3);
    expect(problems.map((p) => p.hint)).toEqual([
      'closest passage: "Tomás met Ana in Seoul."',
      'closest passage: "Tomás met Ana in Seoul."',
      "no closest passage searched: the hints of one load compare at most " +
        `${(3 * text.length).toLocaleString("en")} characters`,
    ]);
  });
});
