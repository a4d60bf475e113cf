// `rightsgraph review`: suggestions listed, accepted (with what they need), rejected, edited and marked reviewed,
// every write checked by the loader, the file valid after each and changed only where the records changed.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import request from "supertest";
import type { GraphResponse, PathsResponse } from "../../src/api/contract";
import { loadDataset } from "../../src/data";
import { EDIT_RULES } from "../../src/api/parameters";
import { EditStore } from "../../src/edit";
import { createApp, createServerContext, DEFAULT_WEB_DIR, type ServerContext } from "../../src/server";
import { cli } from "../helpers/run-cli";
import { BRIEF_TEXT, corpus, removeCorpora } from "./corpora";

// One corpus, ingested once and reviewed step by step: the commands and the read API see the statuses the steps
// before them left, so the steps run in order, not shuffled.
describe("a corpus reviewed step by step", { shuffle: false }, () => {
  let dir: string;
  const graphFile = () => path.join(dir, "sources/brief/graph.yaml");
  const CLAIM = "person:mohamed-khaled-khiari--briefed--un:security-council";

  beforeAll(async () => {
    dir = await corpus("entities");
    expect((await cli("ingest", BRIEF_TEXT, "--id", "brief", "--data", dir, "--date", "2020")).code).toBe(0);
  }, 60_000);
  afterAll(removeCorpora);

  describe("rightsgraph review", { timeout: 60_000 }, () => {
    it("rejects an unknown action (exit 2) and an unknown record (exit 1), writing nothing", async () => {
      const before = await readFile(graphFile(), "utf8");
      const action = await cli("review", "brief", "approve", "x", "--data", dir);
      expect(action.code).toBe(2);
      expect(action.stderr).toContain('unknown action "approve"');
      const record = await cli("review", "brief", "accept", "no:such", "--data", dir);
      expect(record.code).toBe(1);
      expect(record.stderr).toContain('review: no record "no:such" in sources/brief/graph.yaml');
      expect(await readFile(graphFile(), "utf8")).toBe(before);
    });

    it("lists the suggestions, numbered, each claim as a sentence with its quote and endnotes", async () => {
      const run = await cli("review", "brief", "--data", dir);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^\s+\d+\. \[suggested\] doc:source:brief$/m);
      expect(run.stdout).toContain(
        `[suggested] ${CLAIM}\n      Mohamed Khaled Khiari briefed United Nations Security Council\n`,
      );
      expect(run.stdout).toMatch(/“As Assistant UN Secretary-General Mohamed Khaled Khari, .*” \[v\]\n/);
    });

    it("writes through the edit layer: the accept is in the edit log, and the edit API's undo restores every byte", async () => {
      const before = await readFile(graphFile(), "utf8");
      expect((await cli("review", "brief", "accept", CLAIM, "--data", dir)).code).toBe(0);
      expect(await readFile(graphFile(), "utf8")).not.toBe(before);
      const log = (await readFile(path.join(dir, ".rightsgraph-edit/edits.jsonl"), "utf8")).trim().split("\n");
      expect(JSON.parse(log.at(-1)!)).toMatchObject({
        action: "review-accept",
        sourceId: "brief",
        id: CLAIM,
        file: "sources/brief/graph.yaml",
        who: { token: "cli", remote: "rightsgraph review" },
      });
      const dataset = await loadDataset(dir, { suggestions: true, locateClaims: true });
      const store = EditStore.open(dir, dataset, {
        load: { suggestions: true },
        undoDepth: EDIT_RULES.undoDepth,
        onDataset: () => {},
        onProblems: () => {},
      });
      const undone = await store.undo({ token: "test", remote: "127.0.0.1" });
      expect(undone.undone).toEqual({ action: "review-accept", id: CLAIM });
      expect(await readFile(graphFile(), "utf8")).toBe(before);
    });

    it("accepts a claim as draft with the source's document; the graph then shows it without --suggestions", async () => {
      const before = await readFile(graphFile(), "utf8");
      const run = await cli("review", "brief", "accept", CLAIM, "--data", dir);
      expect(run.stdout).toBe(`brief: accept 2 record(s): ${CLAIM}, doc:source:brief\n`);
      const after = await readFile(graphFile(), "utf8");
      // Two lines changed: the two statuses, nothing else.
      const changed = after.split("\n").filter((line, i) => line !== before.split("\n")[i]);
      expect(changed).toEqual(["    status: draft", "    status: draft"]);
      const dataset = await loadDataset(dir);
      expect(dataset.graph.edges()).toHaveLength(1);
      expect(dataset.graph.getEdgeAttribute(dataset.graph.edges()[0]!, "props")).toMatchObject({ status: "draft" });
    });

    it("marks a draft reviewed, and rejects a node with the claims that name it", async () => {
      expect((await cli("review", "brief", "mark-reviewed", CLAIM, "--data", dir)).code).toBe(0);
      const dataset = await loadDataset(dir);
      expect(dataset.graph.getEdgeAttribute(dataset.graph.edges()[0]!, "props")).toEqual({});
      const reject = await cli("review", "brief", "reject", "doc:un:s-pv.8682", "--data", dir);
      expect(reject.code).toBe(0);
      expect(reject.stdout).toBe("brief: reject 1 record(s): doc:un:s-pv.8682\n");
      const shown = await loadDataset(dir, { suggestions: true });
      expect(shown.graph.hasNode("doc:un:s-pv.8682")).toBe(false);
      expect(shown.review!.nodes.rejected).toBe(1);
    });

    it("edits a claim's quote, anchoring it, and refuses an edit the loader refuses", async () => {
      const list = (await cli("review", "brief", "--data", dir)).stdout;
      const number = /^\s+(\d+)\. \[suggested\] un:general-assembly--condemned--state:prk$/m.exec(list)![1]!;
      const bad = await cli(
        "review",
        "brief",
        "edit",
        number,
        "--quote",
        "the UN General Assembly passed a law",
        "--data",
        dir,
      );
      expect(bad.code).toBe(1);
      expect(bad.stderr).toMatch(/sources\/brief\/graph\.yaml:\d+: .*not found/);
      const ok = await cli(
        "review",
        "brief",
        "edit",
        number,
        "--quote",
        "the UN General Assembly passed a resolution",
        "--data",
        dir,
      );
      expect(ok.code).toBe(0);
      const shown = await loadDataset(dir, { suggestions: true });
      const edge = shown.graph.getEdgeAttributes("un:general-assembly--condemned--state:prk");
      expect(edge.evidence.quote).toBe("the UN General Assembly passed a resolution");
      const text = await readFile(path.join(dir, "sources/brief/source.txt"), "utf8");
      expect(text.slice(edge.evidence.start, edge.evidence.end)).toBe(edge.evidence.quote);
      expect(edge.props).toMatchObject({ status: "draft" });
    });
  });

  describe("suggestions in the reading commands", { timeout: 60_000 }, () => {
    it("stats counts records by status; --suggestions shows suggested claims to show and stats", async () => {
      const stats = await cli("stats", "--data", dir);
      expect(stats.stdout).toMatch(/^review: nodes \d+ suggested, \d+ draft, \d+ reviewed, 1 rejected; edges /m);
      expect(stats.stdout).toContain("(suggested records are not counted above: --suggestions shows them)");
      const hidden = await cli("show", "Human Rights Watch", "--data", dir);
      const shown = await cli("show", "Human Rights Watch", "--data", dir, "--suggestions");
      expect(hidden.stdout).not.toContain("Human Rights Watch urges Seoul to speak up");
      expect(shown.stdout).toContain("Human Rights Watch urges Seoul to speak up");
    });
  });

  describe("the read API of a corpus with suggestions: include=suggested|none", { timeout: 60_000 }, () => {
    // The corpus does not change in these tests: one load and one context serve every app.
    let context: ServerContext;
    beforeAll(async () => {
      context = createServerContext(await loadDataset(dir, { suggestions: true }));
    });
    const appOf = async (include: "none" | "suggested") =>
      createApp(context, {
        webDir: DEFAULT_WEB_DIR,
        include,
        onUnexpectedError: (error) => {
          throw error;
        },
      });
    const graph = async (app: Awaited<ReturnType<typeof appOf>>, query = "") =>
      (await request(app).get(`/api/graph${query}`).expect(200)).body as GraphResponse;

    it("answers /api/graph with each record's status when asked, and without the suggestions otherwise", async () => {
      const app = await appOf("none");
      const hidden = await graph(app);
      expect(hidden.edges.some((e) => e.attributes.status === "suggested")).toBe(false);
      expect(hidden.edges.map((e) => e.key)).toContain(CLAIM); // reviewed by now
      const shown = await graph(app, "?include=suggested");
      expect(shown.nodes.find((n) => n.key === "org:hrw")!.attributes.status).toBeUndefined();
      expect(shown.edges.filter((e) => e.attributes.status === "suggested").length).toBeGreaterThan(0);
      expect(shown.edges.find((e) => e.key === CLAIM)!.attributes.status).toBeUndefined();
      // The same claim has the same id and the same node the same place in either view.
      const place = (g: GraphResponse, id: string) => g.nodes.find((n) => n.key === id)!.attributes;
      expect([place(shown, "state:prk").x, place(shown, "state:prk").y]).toEqual([
        place(hidden, "state:prk").x,
        place(hidden, "state:prk").y,
      ]);
      expect(await graph(app, "?include=none")).toEqual(hidden);
    });

    it("takes the server's default when a request does not say (--suggestions: suggested)", async () => {
      const app = await appOf("suggested");
      expect((await graph(app)).edges.some((e) => e.attributes.status === "suggested")).toBe(true);
      expect((await graph(app, "?include=none")).edges.some((e) => e.attributes.status === "suggested")).toBe(false);
    });

    it("finds a suggested node by search, details and paths only when asked", async () => {
      const app = await appOf("none");
      const shown = await graph(app, "?include=suggested");
      // A suggested node that is not a document (paths pass through none by default), beside a reviewed one.
      const suggested = new Set(
        shown.nodes
          .filter((n) => n.attributes.status === "suggested" && n.attributes.type !== "document")
          .map((n) => n.key),
      );
      const documents = new Set(shown.nodes.filter((n) => n.attributes.type === "document").map((n) => n.key));
      const edge = shown.edges.find(
        (e) =>
          suggested.has(e.source) !== suggested.has(e.target) && !documents.has(e.source) && !documents.has(e.target),
      )!;
      const [other, id] = suggested.has(edge.target) ? [edge.source, edge.target] : [edge.target, edge.source];
      const node = shown.nodes.find((n) => n.key === id)!;
      const search = async (include: string) =>
        (
          (await request(app).get(`/api/search?q=${encodeURIComponent(node.attributes.label)}${include}`)).body as {
            results: { id: string }[];
          }
        ).results.map((r) => r.id);
      expect(await search("&include=suggested")).toContain(node.key);
      expect(await search("")).not.toContain(node.key);
      expect((await request(app).get(`/api/nodes/${encodeURIComponent(node.key)}`)).status).toBe(404);
      expect((await request(app).get(`/api/nodes/${encodeURIComponent(node.key)}?include=suggested`)).status).toBe(200);
      const paths = await request(app).get(
        `/api/paths?from=${encodeURIComponent(other)}&to=${encodeURIComponent(node.key)}&include=suggested`,
      );
      expect(paths.status).toBe(200);
      expect((paths.body as PathsResponse).paths.length).toBeGreaterThan(0);
      expect(
        (await request(app).get(`/api/paths?from=${encodeURIComponent(other)}&to=${encodeURIComponent(node.key)}`))
          .status,
      ).toBe(404);
    });
  });
});
