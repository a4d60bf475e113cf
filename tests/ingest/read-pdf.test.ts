// The PDF reader (pdf.js): the text of a report printed by Chromium, and the process's built-ins as they were.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { replacedBuiltins } from "../../src/common";
import { pdfToText } from "../../src/ingest/read-pdf";
import { BUILTINS_AT_START } from "../helpers/builtins-at-start";

const PDF = path.resolve("tests/fixtures/ingest/tarsis-report.pdf");

describe("pdfToText", () => {
  it("leaves JSON.parse, JSON.stringify and Array.prototype.push the engine's own (pdf.js's legacy build swaps them)", async () => {
    const { parse, stringify } = JSON;
    const { push } = Array.prototype;
    const text = await pdfToText(new Uint8Array(await readFile(PDF)));
    expect(text).toContain("Tarsis");
    expect(replacedBuiltins(BUILTINS_AT_START)).toEqual([]);
    expect([JSON.parse, JSON.stringify, Array.prototype.push]).toEqual([parse, stringify, push]);
    // A second document, with pdf.js loaded already, reads the same.
    expect(await pdfToText(new Uint8Array(await readFile(PDF)))).toBe(text);
  });
});
