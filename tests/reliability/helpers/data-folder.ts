// Writes a large but valid data folder (the bundled schema, one source, many people and claims) for tests that
// need a server process whose exports take a while to stream.
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const QUOTE = "They met and spoke at length about the situation.";

/** A folder named "data" in a fresh temporary directory, holding `people` nodes and `claims` edges. */
export function writeDataFolder(people: number, claims: number): { dir: string; root: string } {
  const root = mkdtempSync(path.join(tmpdir(), "rightsgraph-big-data-"));
  const dir = path.join(root, "data");
  const source = path.join(dir, "sources", "generated");
  mkdirSync(source, { recursive: true });
  cpSync("graph-data/schema.yaml", path.join(dir, "schema.yaml"));
  writeFileSync(path.join(source, "source.txt"), `A generated source.\n${QUOTE}\n`);
  writeFileSync(
    path.join(source, "source.yaml"),
    'id: generated\ntext: source.txt\ndocument: doc:generated\ntitle: Generated source\ndate: "2020"\n',
  );
  const lines = [
    "nodes:",
    "  - id: doc:generated",
    "    type: document",
    "    kind: brief",
    "    label: Generated source",
  ];
  lines.push("    description: The generated source.");
  for (let i = 0; i < people; i++)
    lines.push(
      `  - id: person:p${i}`,
      "    type: person",
      `    label: Person ${i}`,
      `    description: Person number ${i}.`,
    );
  lines.push("edges:");
  for (let e = 0; e < claims; e++) {
    const a = (e * 7919) % people;
    const b = (a + 1 + ((e * 104729) % (people - 1))) % people;
    lines.push(
      "  - type: influenced",
      `    source: person:p${a}`,
      `    target: person:p${b}`,
      "    evidence:",
      `      quote: "${QUOTE}"`,
      "      footnotes: []",
    );
  }
  writeFileSync(path.join(source, "graph.yaml"), `${lines.join("\n")}\n`);
  return { dir, root };
}
