// The schema reader: attribute names are checked before anything reads a record by them.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readSchema } from "../../src/data";
import { ATTRIBUTE_NAME_PATTERN, CORE_NODE_KEYS, dataFieldName } from "../../src/schema";

const GOOD_SCHEMA = readFileSync("tests/fixtures/data/good/schema.yaml", "utf8");

/** The good fixture's schema with one more optional attribute, `name`, on the person type. */
function schemaWithPersonAttribute(name: string): string {
  return GOOD_SCHEMA.replace(
    "    id_prefix: person\n    description: A person.\n",
    `    id_prefix: person\n    description: A person.\n    attributes:\n      ${name}:\n        kind: string\n`,
  );
}

describe("readSchema", () => {
  it("refuses __proto__, constructor and toString as attribute names, each at the line of its name", () => {
    for (const [name, message] of [
      ["__proto__", "is not a valid attribute name"],
      ["constructor", "uses the name of a JavaScript built-in"],
      ["toString", "is not a valid attribute name"],
    ]) {
      const text = schemaWithPersonAttribute(name);
      const { schema, problems } = readSchema("schema.yaml", text);
      expect(schema, name).toBeNull();
      expect(problems, name).toEqual([
        {
          file: "schema.yaml",
          line: text.split("\n").indexOf(`      ${name}:`) + 1,
          code: "bad-value",
          message: `schema: node_types.person.attributes.${name} ${message}`,
          hint: expect.any(String),
        },
      ]);
    }
  });

  it("refuses a cites reading that needs what the loader does not always write, at the reading's line", () => {
    const text = GOOD_SCHEMA.replace(
      'reading: "{source} {cites|cite} {target} (endnote {endnote}[, {locator}])"',
      'reading: "{source} {cites|cite} {target} (endnote {endnote}, {locator})"',
    );
    expect(text).not.toBe(GOOD_SCHEMA);
    const { schema, problems } = readSchema("schema.yaml", text);
    expect(schema).toBeNull();
    expect(problems).toEqual([
      {
        file: "schema.yaml",
        line: text.split("\n").findIndex((line) => line.includes("(endnote {endnote}, {locator})")) + 1,
        code: "bad-reading",
        message: "schema: edge_types.cites.reading: {locator} is not written on every cites edge",
        hint: "put it in an optional part: [, {locator}]",
      },
    ]);
  });

  it("refuses attribute names outside ATTRIBUTE_NAME_PATTERN", () => {
    for (const name of ["Kind", "2nd", "has-dash", "=cmd", "a".repeat(65), "ünicode"]) {
      expect(ATTRIBUTE_NAME_PATTERN.test(name), name).toBe(false);
      const { problems } = readSchema("schema.yaml", schemaWithPersonAttribute(JSON.stringify(name)));
      expect(
        problems.map((p) => p.message),
        name,
      ).toEqual([`schema: node_types.person.attributes.${name} is not a valid attribute name`]);
    }
    expect(ATTRIBUTE_NAME_PATTERN.test(`a${"_1".repeat(31)}b`)).toBe(true);
  });

  it("refuses an attribute named after a core node field, in the data's spelling", () => {
    for (const key of CORE_NODE_KEYS) {
      const name = dataFieldName(key);
      const { schema, problems } = readSchema("schema.yaml", schemaWithPersonAttribute(name));
      expect(schema, name).toBeNull();
      expect(problems, name).toEqual([
        expect.objectContaining({
          code: "bad-value",
          message: `schema: node_types.person.attributes.${name} uses a reserved name`,
        }),
      ]);
    }
  });

  it("reads an attribute with an ordinary name", () => {
    const { schema, problems } = readSchema("schema.yaml", schemaWithPersonAttribute("nationality"));
    expect(problems).toEqual([]);
    expect([...schema!.nodeTypes.get("person")!.attributes.keys()]).toEqual(["nationality"]);
  });
});
