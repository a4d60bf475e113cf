// The edit API on a graph.yaml with YAML anchors and aliases (files the first ingest wrote had them; a person may
// write them): records read with their aliases resolved, a change to one record writes that record only, and a
// change that would alter another record through an alias is a 400 naming the file and line. Never a 500.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { BRIEF, copyBundledData, EDIT_TOKEN, startEditServer, type EditServer } from "../helpers/edit-server";

const SOURCE = `/api/edit/sources/${BRIEF}`;
const auth = { Authorization: `Bearer ${EDIT_TOKEN}` };
const ABOUT = "doc:brief:dprk-2020--about--state:prk";
const RATED = "doc:brief:dprk-2020--rated--state:prk";
const claimUrl = (id: string) => `${SOURCE}/claims/${encodeURIComponent(id)}`;

/** The brief's two heading claims, the first setting anchors, the second using them (its evidence a flow map). */
function withAliases(text: string): string {
  const about = `      footnotes: []\n    note: The brief's heading, which carries no endnote.\n\n  - type: rated`;
  const rated = `    evidence:\n      quote: "Democratic People's Republic of Korea Risk: Very high/Ongoing"\n      footnotes: []\n    note: The brief's heading, which carries no endnote.\n`;
  expect(text).toContain(about);
  expect(text).toContain(rated);
  return text
    .replace(about, about.replace("footnotes: []", "footnotes: &none []").replace("note: The", "note: &heading The"))
    .replace(
      rated,
      `    evidence: {quote: "Democratic People's Republic of Korea Risk: Very high/Ongoing", footnotes: *none}\n    note: *heading\n`,
    );
}

const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split("\n").length;

// One server, and its tests in order: a refused change must leave the file as the change before it left it.
describe("the edit API on a graph.yaml with anchors and aliases", { shuffle: false }, () => {
  let server: EditServer;
  let remove: () => void;
  let original: string;
  const etag = async () => (await request(server.url).get(SOURCE).set(auth)).body.etag as string;

  beforeAll(async () => {
    const copy = copyBundledData("rightsgraph-anchors");
    remove = copy.remove;
    const file = path.join(copy.dataDir, "sources", BRIEF, "graph.yaml");
    writeFileSync(file, withAliases(readFileSync(file, "utf8")));
    server = await startEditServer({ dataDir: copy.dataDir });
    original = server.graphYaml();
  });
  afterAll(async () => {
    await server.close();
    remove();
  });

  it("refuses to change a value other records use through an alias: 400 naming the file, the lines and why", async () => {
    const res = await request(server.url)
      .patch(claimUrl(ABOUT))
      .set(auth)
      .set("If-Match", await etag())
      .send({ note: "The heading." });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("not-editable");
    const alias = lineOf(original, "    note: *heading");
    const anchor = lineOf(original, "    note: &heading");
    expect(res.body.error.message).toContain(`edit: sources/${BRIEF}/graph.yaml:${alias}: the alias *heading`);
    expect(res.body.error.message).toContain(`the anchor &heading at line ${anchor}`);
    expect(server.graphYaml()).toBe(original);
  });

  it("refuses to delete the record whose anchors others use, and writes nothing", async () => {
    const res = await request(server.url)
      .delete(claimUrl(ABOUT))
      .set(auth)
      .set("If-Match", await etag());
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/graph\.yaml:\d+: the alias \*(none|heading) .* name nothing/);
    expect(server.graphYaml()).toBe(original);
  });

  it("answers a record with its aliases resolved, as the loader reads it", async () => {
    const res = await request(server.url).get(claimUrl(RATED)).set(auth);
    expect(res.status).toBe(200);
    expect(res.body.record.evidence).toEqual({
      quote: "Democratic People's Republic of Korea Risk: Very high/Ongoing",
      footnotes: [],
    });
    expect(res.body.record.note).toBe("The brief's heading, which carries no endnote.");
  });

  it("changes a record that uses aliases (once a 500): that record is written out, every other stays", async () => {
    const res = await request(server.url)
      .patch(claimUrl(RATED))
      .set(auth)
      .set("If-Match", await etag())
      .send({ evidence: { quote: "Democratic People's Republic of Korea Risk" } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.record.evidence).toEqual({ quote: "Democratic People's Republic of Korea Risk", footnotes: [] });
    const after = server.graphYaml();
    const start = original.indexOf("  - type: rated");
    const end = original.indexOf("  # --- The General Assembly resolution");
    expect(after.slice(0, start)).toBe(original.slice(0, start));
    expect(after.slice(after.indexOf("  # --- The General Assembly resolution"))).toBe(original.slice(end));
    const before = (parseYaml(original) as { edges: Record<string, unknown>[] }).edges;
    const now = (parseYaml(after) as { edges: Record<string, unknown>[] }).edges;
    const rated = now.findIndex((e) => e.type === "rated");
    expect(now[rated]).toEqual({
      ...before[rated],
      id: RATED,
      evidence: { quote: "Democratic People's Republic of Korea Risk", footnotes: [] },
    });
    const edge = await request(server.url).get(`/api/nodes/${encodeURIComponent("state:prk")}`);
    const served = (edge.body.edges as { id: string; evidence: { quote: string } }[]).find((e) => e.id === RATED);
    expect(served?.evidence.quote).toBe("Democratic People's Republic of Korea Risk");
    expect(server.log.filter((l) => l.includes("unexpected"))).toEqual([]);
  });
});
