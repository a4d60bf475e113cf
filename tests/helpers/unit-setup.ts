// Run around every unit test file. The unit tier runs without isolation (one module graph per worker), so a file that
// replaces a built-in (JSON.parse, Array.prototype.push...) changes every file after it in the same worker: that
// file fails, naming what it replaced, and the built-ins are put back for the files after it.
import { afterAll, expect } from "vitest";
import { replacedBuiltins, restoreBuiltins } from "../../src/common";
import { BUILTINS_AT_START } from "./builtins-at-start";

afterAll(() => {
  const replaced = replacedBuiltins(BUILTINS_AT_START);
  restoreBuiltins(BUILTINS_AT_START);
  expect(replaced, "built-ins this test file replaced (the unit tier shares them between files)").toEqual([]);
});
