// UN document symbols: found by shape, kept only for real series.
import { describe, expect, it } from "vitest";
import { documentKindOf, findSymbols, symbolDocumentId } from "../../src/ingest/un-symbols";

describe("findSymbols", () => {
  it("does not take N/A, A/B or and/or for symbols", () => {
    expect(findSymbols("Data: N/A. Options A/B and and/or, TCP/IP.")).toEqual([]);
  });

  it("finds the series the issue names, without a sentence's full stop", () => {
    const text =
      "See A/RES/74/246, S/PV.8682, A/HRC/42/50, A/HRC/RES/39/2, A/C.3/74/L.26, E/CN.4/2005/L.10 and CRC/C/GC/25.";
    expect(findSymbols(text).map((s) => s.symbol)).toEqual([
      "A/RES/74/246",
      "S/PV.8682",
      "A/HRC/42/50",
      "A/HRC/RES/39/2",
      "A/C.3/74/L.26",
      "E/CN.4/2005/L.10",
      "CRC/C/GC/25",
    ]);
    const last = findSymbols(text).at(-1)!;
    expect(text.slice(last.start, last.end)).toBe("CRC/C/GC/25");
  });

  it("names a symbol's document kind and id", () => {
    expect(documentKindOf("A/C.3/74/L.26")).toBe("draft-resolution");
    expect(documentKindOf("A/RES/74/166")).toBe("resolution");
    expect(documentKindOf("S/PV.8682")).toBe("verbatim-record");
    expect(symbolDocumentId("A/C.3/74/L.26")).toBe("doc:un:a-c.3-74-l.26");
  });
});
