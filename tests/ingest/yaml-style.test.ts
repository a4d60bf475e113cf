// The YAML ingest writes: records that share a value are written out in full, so each record stands alone.
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { writeYaml } from "../../src/ingest/yaml-style";

describe("writeYaml", () => {
  it("writes a list two records share in each of them, with no anchor or alias", () => {
    const footnotes = ["1"];
    const value = {
      edges: [
        { type: "detained", evidence: { quote: "detained twelve members", footnotes } },
        { type: "member-of", evidence: { quote: "detained twelve members", footnotes } },
      ],
    };
    const text = writeYaml("a test", value, ["edges"]);
    expect(text).not.toMatch(/[&*]a\d/);
    expect(text.match(/footnotes: \["1"\]/g)).toHaveLength(2);
    expect(parse(text)).toEqual(value);
  });
});
