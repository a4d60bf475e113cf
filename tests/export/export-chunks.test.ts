import { PassThrough } from "node:stream";
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import {
  EXPORT_FORMATS,
  exportChunks,
  gexfChunks,
  isExportFormat,
  writeExport,
  type ExportFormat,
} from "../../src/export";
import { addNode, emptyGraph } from "../helpers/graph-builder";
import { buildSchema } from "../helpers/schema-builder";
import { tinyGraph, tinySchema } from "../helpers/tiny-fixture";

async function collect(out: PassThrough): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of out) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

describe("EXPORT_FORMATS", () => {
  it("does not take inherited object keys for format names", () => {
    expect(isExportFormat("toString")).toBe(false);
    expect(isExportFormat("xml")).toBe(false);
    expect(isExportFormat("graphml")).toBe(true);
  });

  it("gives each format its content type and file extension", () => {
    expect(EXPORT_FORMATS.graphml).toEqual({
      contentType: "application/graphml+xml; charset=utf-8",
      extension: "graphml",
    });
    expect(EXPORT_FORMATS.csv).toEqual({ contentType: "application/zip", extension: "zip" });
    expect(EXPORT_FORMATS.gexf.extension).toBe("gexf");
    expect(EXPORT_FORMATS.json.contentType).toBe("application/json; charset=utf-8");
  });
});

describe("exportChunks", () => {
  it("never splits a surrogate pair between two chunks of a long GEXF file", () => {
    const graph = emptyGraph();
    addNode(graph, "thing:1", { type: "thing", label: "😀".repeat(70_000) });
    const chunks = [...gexfChunks(graph, buildSchema({ nodeTypes: { thing: {} }, edgeTypes: {} }))];
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks as string[]) {
      expect(chunk.charCodeAt(chunk.length - 1) >= 0xd800 && chunk.charCodeAt(chunk.length - 1) <= 0xdbff).toBe(false);
    }
    expect(Buffer.from(chunks.join("")).toString("utf8")).not.toContain("\uFFFD");
  });

  it("is lazy: nothing is computed before the first chunk is asked for", async () => {
    const graph = tinyGraph();
    const chunks = exportChunks("csv", graph, tinySchema());
    graph.dropNode("state:prk");
    const parts: Uint8Array[] = [];
    for await (const chunk of chunks) if (typeof chunk !== "string") parts.push(chunk);
    const zip = Buffer.concat(parts);
    expect(new TextDecoder().decode(unzipSync(zip)["nodes.csv"])).not.toContain("state:prk");
  });
});

describe("writeExport", () => {
  it.each(Object.keys(EXPORT_FORMATS) as ExportFormat[])("writes %s to a stream and ends it", async (format) => {
    const out = new PassThrough();
    const [outcome, bytes] = await Promise.all([writeExport(format, tinyGraph(), tinySchema(), out), collect(out)]);
    expect(outcome).toBe("finished");
    if (format === "csv") {
      expect(Object.keys(unzipSync(bytes)).sort()).toEqual([
        "README.txt",
        "neptune/nodes.csv",
        "neptune/relationships.csv",
        "nodes.csv",
        "relationships.csv",
      ]);
    } else if (format === "json") {
      expect(JSON.parse(bytes.toString("utf8")).nodes).toHaveLength(7);
    } else {
      const text = bytes.toString("utf8");
      expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
      expect(text.match(/<node /g)).toHaveLength(7);
    }
  });
});
