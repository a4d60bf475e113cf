// Vitest: the test tiers, one project each. A test file's folder or name decides its tier, never a list of files:
// `npm test` runs every project, `npm run test:unit` the unit project alone (the quick loop).
// tests/test-tiers.test.ts holds the unit tier to its rule. Two cores, so two workers at most.
import { configDefaults, defineConfig, type TestProjectInlineConfiguration } from "vitest/config";

/** Folders whose every test file belongs to one tier of the full run. */
export const FOLDER_TIERS = {
  /** The web explorer in Debian's Chromium (playwright-core). */
  browser: "tests/e2e",
  /** Hostile input, faults, load and security against real server processes, at reduced scale. */
  reliability: "tests/reliability",
  /** The benchmark and corpus generator scripts, on small sizes. */
  bench: "tests/bench",
} as const;

/**
 * Elsewhere, a file named `*.interop.test.ts` checks our output with another program (NetworkX through python3,
 * libxml2's XSD validator, Apache AGE in PGlite) or runs our executable as a child process. Every other test file
 * is unit.
 */
export const INTEROP_SUFFIX = ".interop.test.ts";

export type Tier = "unit" | "interop" | keyof typeof FOLDER_TIERS;

/** The tier of a test file, from its path relative to the repository root (forward slashes). */
export function tierOf(file: string): Tier {
  for (const [tier, folder] of Object.entries(FOLDER_TIERS)) {
    if (file.startsWith(`${folder}/`)) return tier as Tier;
  }
  return file.endsWith(INTEROP_SUFFIX) ? "interop" : "unit";
}

/**
 * What the unit tier may not reach through its imports, followed from file to file: a child process (python3, a
 * spawned server or CLI), a browser, or another program compiled to WebAssembly (libxml2's validator, PostgreSQL
 * with Apache AGE).
 */
export const NOT_IN_UNIT_TIER: readonly string[] = [
  "node:child_process",
  "child_process",
  "playwright-core",
  "xmllint-wasm",
  "@electric-sql/pglite",
  "@electric-sql/pglite-age",
];

const ALL = "tests/**/*.test.ts";
const FOLDERS = Object.values(FOLDER_TIERS).map((folder) => `${folder}/**`);

function project(
  name: Tier,
  include: string[],
  exclude: string[] = [],
  options: TestProjectInlineConfiguration["test"] = {},
): TestProjectInlineConfiguration {
  return { extends: true, test: { name, include, exclude: [...configDefaults.exclude, ...exclude], ...options } };
}

export default defineConfig({
  test: {
    // Test files and src/ as transformed for Node, kept on disk between runs (node_modules/.experimental-vitest-cache,
    // keyed by each file's text): a run after the first transforms only what changed.
    experimental: { fsModuleCache: true },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    maxWorkers: 2,
    projects: [
      // Unit files share one module graph per worker instead of importing src/ afresh each: half the CPU time. So a
      // unit test must leave module state as it found it (no vi.mock, no changed globals or module variables); the
      // setup file fails a file that replaced a built-in.
      project("unit", [ALL], [...FOLDERS, `tests/**/*${INTEROP_SUFFIX}`], {
        isolate: false,
        setupFiles: ["tests/helpers/unit-setup.ts"],
      }),
      project("interop", [`tests/**/*${INTEROP_SUFFIX}`], FOLDERS),
      ...Object.entries(FOLDER_TIERS).map(([name, folder]) => project(name as Tier, [`${folder}/**/*.test.ts`])),
    ],
  },
});
