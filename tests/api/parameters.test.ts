// The one list of parameter rules: free of Node, graphology and Express so the web can import it, and consistent.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  DATE_PATTERN,
  EXPORT_RULES,
  GRAPH_VIEW_RULES,
  NEIGHBORS_RULES,
  PATH_RULES,
  SEARCH_RULES,
  type NumberRule,
} from "../../src/api/parameters";

describe("src/api/parameters.ts", () => {
  it("imports nothing, so the browser bundle can take it whole", () => {
    const text = readFileSync(new URL("../../src/api/parameters.ts", import.meta.url), "utf8");
    expect(text).not.toMatch(/^\s*import\b/m);
    expect(text).not.toMatch(/\brequire\(|\bprocess\.|\bBuffer\b/);
  });

  it("gives every numeric rule a default within its range", () => {
    const all: [string, object][] = [
      ...Object.entries(PATH_RULES),
      ...Object.entries(NEIGHBORS_RULES),
      ...Object.entries(SEARCH_RULES),
      ...Object.entries(GRAPH_VIEW_RULES),
    ];
    // `path` (which path to keep, 1-based) has no default: without it, every path is kept.
    const rules = all.filter((entry): entry is [string, NumberRule] => "min" in entry[1] && entry[0] !== "path");
    expect(rules.length).toBeGreaterThanOrEqual(9);
    for (const [name, rule] of rules) {
      expect(rule.min, name).toBeLessThanOrEqual(rule.default);
      expect(rule.default, name).toBeLessThanOrEqual(rule.max);
    }
  });

  it("gives every choice a default among its values", () => {
    for (const rule of [PATH_RULES.direction, NEIGHBORS_RULES.direction, EXPORT_RULES.format]) {
      expect(rule.values as readonly string[]).toContain(rule.default);
    }
  });

  it("matches a year, a month or a day and nothing else as a date", () => {
    for (const good of ["2019", "2019-12", "2019-12-18"]) expect(DATE_PATTERN.test(good), good).toBe(true);
    for (const bad of ["19", "2019-1", "2019-12-1", "2019/12", "2019-07/2019-12", "December", " 2019"])
      expect(DATE_PATTERN.test(bad), bad).toBe(false);
  });
});
