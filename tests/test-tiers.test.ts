// The tier rule: a unit test file reaches no child process, browser or outside validator through its imports, so
// `npm run test:unit` stays a quick loop; a file that needs one is named *.interop.test.ts or moves to its folder.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FOLDER_TIERS, INTEROP_SUFFIX, NOT_IN_UNIT_TIER, tierOf } from "../vitest.config";

const ROOT = path.resolve(".");
const testFiles = readdirSync("tests", { recursive: true, encoding: "utf8" })
  .map((file) => `tests/${file.split(path.sep).join("/")}`)
  .filter((file) => file.endsWith(".test.ts"));

// `import x from "m"`, `import "m"`, `export * from "m"` at the start of a line (code quoted in a string is not an
// import), and `import("m")`; type-only imports and exports are erased.
const IMPORT =
  /^\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/gm;

/** The specifiers a source file imports at run time. */
function importsOf(source: string): string[] {
  return [...source.matchAll(IMPORT)].map((match) => (match[1] ?? match[2])!);
}

/** The repository file a relative specifier names (`./x`, `./x.js` for `./x.ts`, `./dir` for `./dir/index.ts`). */
function resolveRelative(from: string, specifier: string): string {
  const base = path.resolve(path.dirname(from), specifier);
  const candidates = [base, `${base}.ts`, base.replace(/\.js$/, ".ts"), path.join(base, "index.ts")];
  const found = candidates.find((file) => existsSync(file) && statSync(file).isFile());
  if (!found) throw new Error(`${path.relative(ROOT, from)}: cannot resolve "${specifier}"`);
  return found;
}

/** Each file's run-time imports, relative ones resolved: read once, though most files are reached from many tests. */
const importsByFile = new Map<string, { specifier: string; file: string | null }[]>();
function resolvedImportsOf(file: string): { specifier: string; file: string | null }[] {
  let imports = importsByFile.get(file);
  if (!imports) {
    imports = importsOf(readFileSync(file, "utf8")).map((specifier) => ({
      specifier,
      file: specifier.startsWith(".") ? resolveRelative(file, specifier) : null,
    }));
    importsByFile.set(file, imports);
  }
  return imports;
}

/** The first forbidden module the file reaches, with the chain of files that leads to it, or null. */
function forbiddenReach(entry: string): string[] | null {
  const seen = new Set<string>();
  const walk = (file: string, chain: string[]): string[] | null => {
    if (seen.has(file)) return null;
    seen.add(file);
    for (const { specifier, file: next } of resolvedImportsOf(file)) {
      if (NOT_IN_UNIT_TIER.includes(specifier)) return [...chain, specifier];
      if (next === null) continue;
      const found = walk(next, [...chain, path.relative(ROOT, next)]);
      if (found) return found;
    }
    return null;
  };
  return walk(path.resolve(entry), [entry]);
}

describe("the test tiers", () => {
  it("are chosen by folder or by the .interop.test.ts name", () => {
    expect(tierOf("tests/e2e/web-explorer.test.ts")).toBe("browser");
    expect(tierOf("tests/reliability/faults.test.ts")).toBe("reliability");
    expect(tierOf("tests/bench/benchmark.test.ts")).toBe("bench");
    expect(tierOf("tests/export/graphml-chunks.interop.test.ts")).toBe("interop");
    expect(tierOf("tests/export/graphml-chunks.test.ts")).toBe("unit");
    expect(tierOf(`${FOLDER_TIERS.reliability}/x${INTEROP_SUFFIX}`)).toBe("reliability");
  });

  it("find a forbidden module however deep the import that reaches it", () => {
    expect(forbiddenReach("tests/export/graphml-chunks.interop.test.ts")).toEqual([
      "tests/export/graphml-chunks.interop.test.ts",
      "tests/helpers/graphml-validator.ts",
      "xmllint-wasm",
    ]);
    expect(forbiddenReach("tests/reliability/faults.test.ts")).toEqual([
      "tests/reliability/faults.test.ts",
      "src/reliability/spawn-server.ts",
      "node:child_process",
    ]);
  });

  it("keep child processes, browsers and outside validators out of every unit test file", () => {
    const unit = testFiles.filter((file) => tierOf(file) === "unit");
    expect(unit.length).toBeGreaterThan(20);
    const offenders = unit
      .map((file) => [file, forbiddenReach(file)] as const)
      .filter(([, chain]) => chain !== null)
      .map(([file, chain]) => `${file} reaches ${chain!.join(" -> ")}: name it *${INTEROP_SUFFIX} or move it`);
    expect(offenders).toEqual([]);
  });
});
