// Pure helpers of the panels: relation sentences and groups, quote location, path and export parameters.
import { afterEach, describe, expect, it } from "vitest";
import { followSuggestionsSwitch } from "../../web/src/api/index.js";
import { exportUrl, screenOnlyFilters, viewParams } from "../../web/src/panels/export/export-urls.js";
import { pathParams } from "../../web/src/actions/index.js";
import { groupHeading, groupRelations, otherEnds } from "../../web/src/panels/shared/sentence.js";
import { locateQuote } from "../../web/src/panels/source-reader/highlight.js";
import { DEFAULT_FILTERS, DEFAULT_PATH_QUERY } from "../../web/src/state/index.js";
import { citedUrl } from "../../web/src/panels/shared/cited-text.js";
import { sourceName } from "../../web/src/panels/shared/source-name.js";
import { fixtureGraph } from "./fixture.js";

describe("sourceName", () => {
  it("names a source by its document's full name, not by its title (the country's, for a country brief)", () => {
    const graph = fixtureGraph();
    graph.setNodeAttribute("doc:brief", "fullLabel", "Korea (country brief, 2020)");
    expect(sourceName(graph, { document: "doc:brief", title: "Korea" })).toBe("Korea (country brief, 2020)");
  });

  it("falls back on the title when the graph does not hold the document", () => {
    expect(sourceName(fixtureGraph(), { document: "doc:elsewhere", title: "Another report" })).toBe("Another report");
  });
});

describe("relations", () => {
  it("lists the other ends of a claim once each, in order", () => {
    const edges = [
      { type: "sponsored", source: "state:chn", target: "doc:draft" },
      { type: "sponsored", source: "state:rus", target: "doc:draft" },
      { type: "sponsored", source: "state:chn", target: "doc:draft" },
    ];
    expect(otherEnds("doc:draft", edges)).toEqual(["state:chn", "state:rus"]);
    expect(otherEnds("state:chn", edges.slice(0, 1))).toEqual(["doc:draft"]);
  });

  it("groups relations by direction then type, outgoing first", () => {
    const edges = [
      { type: "called-on", source: "p", target: "state:kor" },
      { type: "declined", source: "state:kor", target: "doc:l26" },
      { type: "cites", source: "state:kor", target: "x" },
    ];
    const groups = groupRelations("state:kor", edges);
    expect(groups.map((g) => g.key)).toEqual(["out:cites", "out:declined", "in:called-on"]);
    expect(groupHeading("Republic of Korea", "declined", "out")).toBe("Republic of Korea declined …");
    expect(groupHeading("Republic of Korea", "called on", "in")).toBe("… called on Republic of Korea");
  });
});

describe("locateQuote", () => {
  const text = "Alpha beta gamma. Beta again.";
  it("trusts offsets that point at the quote", () => {
    expect(locateQuote(text, "Beta", 18, 22)).toEqual({ start: 18, end: 22 });
  });
  it("falls back on the first occurrence when the offsets are wrong or missing", () => {
    expect(locateQuote(text, "beta", 0, 4)).toEqual({ start: 6, end: 10 });
    expect(locateQuote(text, "gamma")).toEqual({ start: 11, end: 16 });
    expect(locateQuote(text, "delta")).toBeNull();
  });
});

describe("path and export parameters", () => {
  afterEach(() => followSuggestionsSwitch(() => false));
  const query = { ...DEFAULT_PATH_QUERY, from: "state:kor", to: "person:q" };

  it("asks /api/paths with every option, excluding documents only when asked", () => {
    expect(pathParams(query)).toEqual({
      from: "state:kor",
      to: "person:q",
      rank: "informative",
      maxHops: 4,
      limit: 5,
      direction: "any",
      includeProvenance: false,
    });
    expect(pathParams({ ...query, throughDocuments: false, edgeTypes: ["a", "b"] })).toMatchObject({
      excludeNodeTypes: ["document"],
      edgeTypes: ["a", "b"],
    });
    expect(pathParams({ ...query, rank: "hops", via: ["state:usa"], avoid: ["doc:l26", "state:prk"] })).toMatchObject({
      rank: "hops",
      via: ["state:usa"],
      avoid: ["doc:l26", "state:prk"],
    });
  });

  it("exports the view as the types kept and whole-month dates", () => {
    const ctx = {
      filters: { ...DEFAULT_FILTERS, hiddenNodeTypes: ["document"], dateFrom: "2019-02", dateTo: "2019-02" },
      pathQuery: null,
      activePath: null,
      nodeTypes: ["state", "document", "person"],
      edgeTypes: ["declined", "cites"],
    };
    expect(viewParams(ctx)).toEqual({ nodeTypes: ["state", "person"], dateFrom: "2019-02-01", dateTo: "2019-02-28" });
    expect(exportUrl("graphml", "view", ctx)).toBe(
      "/api/export?format=graphml&nodeTypes=state%2Cperson&dateFrom=2019-02-01&dateTo=2019-02-28&include=none",
    );
    expect(exportUrl("gexf", "all", ctx)).toBe("/api/export?format=gexf&include=none");
    expect(exportUrl("csv", "path", ctx)).toBeNull();
    expect(exportUrl("json", "path", { ...ctx, pathQuery: query })).toContain("from=state%3Akor&to=person%3Aq");
    const narrowed = { ...query, edgeTypes: ["called-on", "declined"], throughDocuments: false };
    expect(exportUrl("json", "path", { ...ctx, pathQuery: narrowed })).toBe(
      "/api/export?format=json&from=state%3Akor&to=person%3Aq&rank=informative&maxHops=4&limit=5&direction=any&includeProvenance=false" +
        "&edgeTypes=called-on%2Cdeclined&excludeNodeTypes=document&include=none",
    );
    // The highlighted path alone: path=N, 1-based.
    expect(exportUrl("json", "path", { ...ctx, pathQuery: query, activePath: 1 })).toMatch(/&path=2&include=none$/);
  });

  it("exports suggested records exactly when the switch shows them, a path as the path answer on screen", () => {
    const ctx = { filters: DEFAULT_FILTERS, pathQuery: query, activePath: null, nodeTypes: [], edgeTypes: [] };
    let showing = false;
    followSuggestionsSwitch(() => showing);
    // Off says so: the server's default (suggested, in edit mode) may differ from the screen.
    for (const scope of ["all", "view", "path"] as const)
      expect(exportUrl("json", scope, ctx)).toMatch(/&include=none$/);
    showing = true;
    for (const scope of ["all", "view", "path"] as const) {
      expect(exportUrl("json", scope, ctx)).toMatch(/&include=suggested$/);
    }
  });

  it("links a path's and a node's cited paragraph, Markdown to copy and HTML to download, as the switch stands", () => {
    expect(citedUrl({ node: "state:kor" }, "html")).toBe("/api/nodes/state%3Akor/dossier?format=html&include=none");
    expect(citedUrl({ path: { ...pathParams(query), path: 2 } }, "markdown")).toBe(
      "/api/paths?from=state%3Akor&to=person%3Aq&rank=informative&maxHops=4&limit=5&direction=any&includeProvenance=false&path=2&format=markdown&include=none",
    );
    followSuggestionsSwitch(() => true);
    expect(citedUrl({ node: "state:kor" }, "markdown")).toMatch(/\?format=markdown&include=suggested$/);
  });

  it("names the filters a view export cannot carry, and none when only types and dates are on", () => {
    expect(screenOnlyFilters({ ...DEFAULT_FILTERS, hiddenNodeTypes: ["document"], dateFrom: "2019-02" })).toEqual([]);
    expect(screenOnlyFilters({ ...DEFAULT_FILTERS, hideUndated: true, hiddenSources: ["doc:brief"] })).toEqual([
      "Hide undated",
      "Sources",
    ]);
    // The bibliography is folded on screen only: named while folded, when the graph has one.
    expect(screenOnlyFilters(DEFAULT_FILTERS, true)).toEqual(["the folded bibliography"]);
    expect(screenOnlyFilters({ ...DEFAULT_FILTERS, showBibliography: true }, true)).toEqual([]);
    expect(screenOnlyFilters(DEFAULT_FILTERS, false)).toEqual([]);
  });
});
