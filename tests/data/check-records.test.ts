// Record checks read a record's own fields only: a field named like something every object inherits is absent.
import { describe, expect, it } from "vitest";
import { checkAttribute, isHttpUrl } from "../../src/data/check-attribute";
import { RecordChecker, type CheckContext } from "../../src/data/check-records";
import { PassageHints } from "../../src/data/closest-passage";
import type { Problem } from "../../src/errors";
import type { AttributeSpec, Schema } from "../../src/schema";

function spec(name: string, kind: AttributeSpec["kind"] = "string"): AttributeSpec {
  return { name, kind, required: false, verbatim: false, description: "" };
}

function checker(data: Record<string, unknown>): { c: RecordChecker; problems: Problem[] } {
  const problems: Problem[] = [];
  const ctx: CheckContext = { schema: {} as Schema, problems, hints: new PassageHints(0) };
  return { c: new RecordChecker({ file: "f.yaml", line: 1, data, lineOf: () => 1 }, ctx), problems };
}

describe("RecordChecker", () => {
  it("reads an attribute named like an inherited property as absent when the record does not hold it", () => {
    const names = ["constructor", "toString", "__proto__", "hasOwnProperty", "valueOf"];
    const { c, problems } = checker({ label: "x" });
    const props = c.attributes("node", new Map(names.map((name) => [name, spec(name)])), []);
    expect(problems).toEqual([]);
    expect(Object.keys(props)).toEqual([]);
    expect(c.string("constructor", "node", true)).toBeUndefined();
    expect(problems).toEqual([
      expect.objectContaining({ code: "missing-field", message: 'node has no "constructor"' }),
    ]);
  });

  it("reads such a field when the record holds it itself", () => {
    const data = JSON.parse('{"constructor": "built", "toString": "text"}') as Record<string, unknown>;
    const { c, problems } = checker(data);
    const props = c.attributes(
      "node",
      new Map([
        ["constructor", spec("constructor")],
        ["toString", spec("toString")],
      ]),
      [],
    );
    expect(problems).toEqual([]);
    expect(props).toEqual({ constructor: "built", toString: "text" });
  });
});

describe("url attributes", () => {
  it("accept only absolute http and https URLs", () => {
    for (const bad of [
      "javascript:alert(1)",
      "JAVASCRIPT:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "vbscript:x",
      "//example.org/x",
      "https://",
      "https://exa mple.org",
      "https://javascript:alert(1)",
      "ftp://example.org/x",
    ]) {
      expect(isHttpUrl(bad), bad).toBe(false);
      expect(checkAttribute(spec("url", "url"), bad)).toMatchObject({ ok: false, code: "bad-value" });
    }
    for (const good of ["https://www.un.org/en/ga/", "http://example.org/a?b=c#d"])
      expect(checkAttribute(spec("url", "url"), good)).toEqual({ ok: true, value: good });
  });
});
