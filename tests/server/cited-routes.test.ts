// Cited paragraphs and one-path exports through the API, on the bundled brief: Markdown and HTML of a path answer
// and of a node's dossier, with footnotes that quote the evidence exactly; path=N keeps the chosen path alone.
import MarkdownIt from "markdown-it";
import footnotePlugin from "markdown-it-footnote";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { groupByClaim, type EdgeObject, type FoundPathObject } from "../../src/api/contract";
import { bundledApp } from "../helpers/bundled-app";

const { app, context, unexpected } = await bundledApp();
const get = (url: string) => request(app).get(url);
const reader = new MarkdownIt({ html: false, linkify: false }).use(footnotePlugin);

/** The text a reader sees in each footnote of a Markdown document, in order. */
function footnoteTexts(markdown: string): string[] {
  const lines = markdown.split("\n").filter((line) => /^\[\^\d+\]: /.test(line));
  return lines.map((line) => {
    const [inline] = reader.parseInline(line.replace(/^\[\^\d+\]: /, ""), {});
    return (inline?.children ?? []).map((t) => (t.type === "text" ? t.content : "")).join("");
  });
}

describe("GET /api/paths?format=markdown|html", () => {
  it("rejects an unknown format and a path number beyond the answer, naming the parameter", async () => {
    const format = await get("/api/paths?from=US&to=UNSC&format=pdf");
    expect(format.status).toBe(400);
    expect(format.body.error.parameter).toBe("format");
    const beyond = await get("/api/paths?from=US&to=UNSC&limit=2&path=3");
    expect(beyond.status).toBe(400);
    expect(beyond.body.error).toMatchObject({ parameter: "path" });
    expect(beyond.body.error.message).toContain("path 3 was asked for, but the answer has 2 paths");
    expect((await get("/api/paths?from=US&to=UNSC&path=0")).status).toBe(400);
  });

  it("answers one chosen path as JSON with path=N", async () => {
    const all = (await get("/api/paths?from=China&to=DPRK")).body.paths as FoundPathObject[];
    const second = await get("/api/paths?from=China&to=DPRK&path=2");
    expect(second.body.paths).toEqual([all[1]]);
  });

  it("writes the US to the Security Council as a cited paragraph whose footnotes quote each claim exactly", async () => {
    const json = (await get("/api/paths?from=US&to=UNSC&path=1")).body.paths[0] as FoundPathObject;
    const res = await get("/api/paths?from=US&to=UNSC&path=1&format=markdown");
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("text/markdown; charset=utf-8");
    expect(res.headers["content-disposition"]).toBe('attachment; filename="rightsgraph-path.md"');
    const lines = res.text.split("\n");
    expect(lines[0]).toBe("# How United States of America is connected to United Nations Security Council");
    expect(lines[2]).toBe(
      "## Path 1 (2 steps): United States of America → UN Security Council debate on human rights in the DPRK (December 2019, not held) ← United Nations Security Council",
    );
    expect(lines[4]).toMatch(
      /^The United States refused to endorse the 2019 Council debate on DPRK human rights, for the second consecutive year\.\[\^1\] /,
    );
    const notes = footnoteTexts(res.text);
    expect(notes).toHaveLength(json.claims.length);
    const brief = context.dataset.graph.getNodeAttribute("doc:brief:dprk-2020", "label");
    const edges = new Map(json.edges.map((edge) => [edge.id, edge]));
    json.claims.forEach((claim, i) => {
      const { quote } = edges.get(claim.edges[0]!)!.evidence;
      expect(notes[i]!.startsWith(`“${quote}” — source: ${brief}; `)).toBe(true);
    });
  });

  it("gives each endnote's citation as printed, with the cited document's title, publisher, date and link", async () => {
    const res = await get("/api/paths?from=China&to=DPRK&path=1&format=markdown");
    const [sponsored] = footnoteTexts(res.text);
    expect(sponsored).toContain(
      "“in December China and Russia jointly proposed a draft UN Security Council resolution",
    );
    expect(sponsored).toContain("endnote ii: S/PV.8682, Verbatim Record of UN Security Council, 11 December 2019, p.5");
    expect(sponsored).toContain("*Reuters*, 17 December 2019");
    expect(sponsored).toContain(
      "(China, Russia say lifting some sanctions on North Korea could help break the deadlock, Reuters, 2019-12-17, ",
    );
    expect(res.text).toContain(
      ", <https://www.cnbc.com/2019/12/18/china-russia-say-lifting-some-un-sanctions-on-north-korea-could-help-break-the-deadlock.html>)",
    );
  });

  it("writes the same as a complete, print-ready HTML document with a strict CSP", async () => {
    const res = await get("/api/paths?from=China&to=DPRK&path=1&format=html");
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(res.text).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(res.text).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-`,
    );
    expect(res.text).toContain(
      "<title>How People's Republic of China is connected to Democratic People's Republic of Korea</title>",
    );
    expect(res.text).toContain('<section class="footnotes">');
    expect(res.text).toContain(
      '<a href="https://www.cnbc.com/2019/12/18/china-russia-say-lifting-some-un-sanctions-on-north-korea-could-help-break-the-deadlock.html">',
    );
  });

  it("reads one sentence of the source used by two steps as one sentence, with one footnote", async () => {
    const json = (await get("/api/paths?from=US&to=China&rank=hops&limit=50")).body.paths as FoundPathObject[];
    const n = json.findIndex(
      (p) => p.nodes.map((node) => node.id).join(" ") === "state:usa person:tomas-ojea-quintana state:chn",
    );
    expect(n).toBeGreaterThanOrEqual(0);
    const sentence =
      "Ojea Quintana continues to call on the United States and China to stop sidelining human rights concerns from " +
      "denuclearization, sanctions relief and peace talks, and start clearly sending the message that improving the " +
      "human rights situation is integral to headway on these issues.";
    expect(json[n]!.claims).toEqual([{ sentence, edges: json[n]!.edges.map((e) => e.id), steps: [0, 1] }]);
    const res = await get(`/api/paths?from=US&to=China&rank=hops&limit=50&path=${n + 1}&format=markdown`);
    expect(res.text).toContain(`\n${sentence}[^1]\n`);
    expect(footnoteTexts(res.text)).toHaveLength(1);
  });

  it("says why when there is no path", async () => {
    const res = await get("/api/paths?from=China&to=DPRK&via=Quintana&maxHops=2&format=markdown");
    expect(res.status).toBe(200);
    expect(res.text).toContain("No path: No path from");
  });
});

describe("GET /api/nodes/:id/dossier", () => {
  it("rejects an unknown format, an unknown node and an ambiguous name", async () => {
    expect((await get("/api/nodes/ROK/dossier?format=docx")).body.error.parameter).toBe("format");
    expect((await get("/api/nodes/state%3Akorr/dossier")).status).toBe(404);
    expect((await get("/api/nodes/Korea/dossier")).body.error.code).toBe("ambiguous-name");
  });

  it("says everything the corpus says about the Republic of Korea, each claim cited exactly (Markdown by default)", async () => {
    const detail = (await get("/api/nodes/state%3Akor")).body;
    const res = await get("/api/nodes/ROK/dossier");
    expect(res.headers["content-type"]).toBe("text/markdown; charset=utf-8");
    expect(res.text.split("\n")[0]).toBe("# Republic of Korea");
    expect(res.text).toContain(
      "The Republic of Korea declined to co-sponsor A/C.3/74/L.26, for the first time since 2008.[^1]",
    );
    const notes = footnoteTexts(res.text);
    // One footnote per claim: a joint claim whose edges all concern the node reads as one sentence.
    const claims = groupByClaim(detail.edges as EdgeObject[]);
    expect(notes).toHaveLength(claims.length);
    claims.forEach((claim, i) => {
      expect(notes[i]!.startsWith(`“${claim.edges[0]!.evidence.quote}” — source: `)).toBe(true);
    });
    const html = await get("/api/nodes/ROK/dossier?format=html");
    expect(html.headers["content-disposition"]).toBe('attachment; filename="rightsgraph-dossier.html"');
    expect(html.text).toContain("<h1>Republic of Korea</h1>");
  });
});

describe("GET /api/export with path=N", () => {
  it("exports the chosen path alone, by name", async () => {
    const chosen = (await get("/api/paths?from=China&to=DPRK&path=2")).body.paths[0] as FoundPathObject;
    const res = await get("/api/export?format=json&from=China&to=DPRK&path=2");
    expect(res.status).toBe(200);
    expect(res.headers["content-disposition"]).toBe('attachment; filename="rightsgraph-path-2.json"');
    const exported = JSON.parse(res.text);
    expect(exported.nodes.map((n: { key: string }) => n.key).sort()).toEqual(chosen.nodes.map((n) => n.id).sort());
    expect(exported.edges.map((e: { key: string }) => e.key).sort()).toEqual(chosen.edges.map((e) => e.id).sort());
  });

  it("refuses path=N without a path query, and answers HEAD of a path export given by name", async () => {
    const res = await get("/api/export?format=json&path=1");
    expect(res.status).toBe(400);
    expect(res.body.error.parameter).toBe("path");
    expect((await request(app).head("/api/export?format=json&from=China&to=DPRK")).status).toBe(200);
  });

  it("never reported an unexpected error while these tests ran", () => {
    expect(unexpected).toEqual([]);
  });
});
