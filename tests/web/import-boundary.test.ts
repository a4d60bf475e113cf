// The web/server boundary as ESLint enforces it: web/ imports from src/ the contract alone, and nothing of Node; the
// contract itself brings nothing of Node, Express or graphology into the browser.
import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const eslint = new ESLint({ cwd: ROOT });

/** The messages ESLint gives `code` as if it were the file at `filePath` (which need not exist). */
async function lint(filePath: string, code: string): Promise<{ ruleId: string | null; message: string }[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map(({ ruleId, message }) => ({ ruleId, message }));
}

const PANEL = "web/src/panels/example/example-panel.ts";

describe("web/ imports", () => {
  it("fails a web file that imports the query layer, naming the contract", async () => {
    const messages = await lint(
      PANEL,
      `import { CORE_NODE_KEYS } from "../../../../src/query/types";\nexport const keys = CORE_NODE_KEYS;\n`,
    );
    expect(messages).toEqual([
      expect.objectContaining({
        ruleId: "no-restricted-imports",
        message: expect.stringContaining("src/api/contract.ts"),
      }),
    ]);
  });

  it("fails type-only imports and re-exports from src/ too: the types must come through the contract", async () => {
    const messages = await lint(
      PANEL,
      `import type { NodeObject } from "../../../../src/query";\nexport type { PathResult } from "../../../../src/query/types.js";\nexport type N = NodeObject;\n`,
    );
    expect(messages.map((m) => m.ruleId)).toEqual(["no-restricted-imports", "no-restricted-imports"]);
  });

  it("fails Node modules in the browser's code", async () => {
    const messages = await lint(PANEL, `import { readFileSync } from "node:fs";\nexport const read = readFileSync;\n`);
    expect(messages.map((m) => m.ruleId)).toEqual(["no-restricted-imports"]);
  });

  it("lets a web file import the contract, with or without an extension, and its own modules", async () => {
    const code = [
      `import { CORE_NODE_KEYS } from "../../../../src/api/contract.js";`,
      `import type { NodeObject } from "../../../../src/api/contract";`,
      `import { h } from "../../dom/index.js";`,
      `export const all = [CORE_NODE_KEYS, h] as const;`,
      `export type N = NodeObject;`,
      ``,
    ].join("\n");
    expect(await lint(PANEL, code)).toEqual([]);
  });

  it("leaves files outside web/ alone", async () => {
    const code = `import { CORE_NODE_KEYS } from "../query/types";\nexport const keys = CORE_NODE_KEYS;\n`;
    expect(await lint("src/server/example.ts", code)).toEqual([]);
  });
});

describe("the contract's imports", () => {
  it("allows types from graphology and Express but no run-time import of them or of Node", async () => {
    const allowed = `import type { Attributes } from "graphology-types";\nimport type { Request } from "express";\nexport type A = [Attributes, Request];\n`;
    expect(await lint("src/api/example.ts", allowed)).toEqual([]);
    for (const module of ["node:fs", "express", "graphology"]) {
      const messages = await lint("src/api/example.ts", `import * as m from "${module}";\nexport const x = m;\n`);
      expect(
        messages.map((m) => m.ruleId),
        module,
      ).toEqual(["@typescript-eslint/no-restricted-imports"]);
    }
  });
});
