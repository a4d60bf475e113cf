// The benchmark's Cypher figures on a small generated corpus: every anchored answer and the scan count agree with
// the graph read directly (timings are reported, never asserted).
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CYPHER_BENCH_QUERY, cypherFigures } from "../../src/bench/cypher-figures";
import { generateCorpus } from "../../src/bench/generate-corpus";
import { SeededRandom } from "../../src/common";
import { loadDataset } from "../../src/data";
import { createQueryEngine } from "../../src/query";

let workDir = "";

afterAll(async () => {
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

describe("cypherFigures", () => {
  it("answers the one-hop typed query as the graph does, from each state and over all of them", async () => {
    workDir = await mkdtemp(path.join(tmpdir(), "rightsgraph-cypher-bench-"));
    await generateCorpus({ out: workDir, seed: 5, edges: 1500 });
    const engine = createQueryEngine(await loadDataset(workDir));
    const { graph } = engine.dataset;
    const figures = cypherFigures(engine, new SeededRandom(7), 40, 2);

    const { edgeType, targetType, kind } = CYPHER_BENCH_QUERY;
    const hits = (state: string) =>
      graph.outEdges(state).filter((edge) => {
        const target = graph.getNodeAttributes(graph.target(edge));
        return (
          graph.getEdgeAttribute(edge, "type") === edgeType && target.type === targetType && target.props.kind === kind
        );
      }).length;
    expect(figures.states).toHaveLength(40);
    expect(figures.anchoredRows).toEqual(figures.states.map(hits));
    const states = graph.filterNodes((_id, attributes) => attributes.type === "state");
    expect(figures.scanCount).toBe(states.reduce((sum, state) => sum + hits(state), 0));
    expect(figures.scanCount).toBeGreaterThan(0);
    expect(figures.truncated).toBe(0);
    expect(figures.anchored.count).toBe(40);
    expect(figures.scan.count).toBe(2);
    expect(figures.answers.every((answer) => answer.truncatedBy.length === 0 && answer.fullCount === null)).toBe(true);
    expect(figures.answers.map((answer) => answer.rows.map((row) => row[0]).sort())).toEqual(
      figures.states.map((state) =>
        graph
          .outEdges(state)
          .filter((edge) => graph.getEdgeAttribute(edge, "type") === edgeType)
          .map((edge) => graph.target(edge))
          .filter((target) => graph.getNodeAttribute(target, "props").kind === kind)
          .sort(),
      ),
    );

    // Under a row cap smaller than the largest answer: those answers are marked truncated and carry the full count.
    const largest = Math.max(...figures.anchoredRows);
    const capped = cypherFigures(engine, new SeededRandom(7), 40, 1, { maxRows: largest - 1, timeBudgetMs: 5000 });
    const cut = capped.answers.filter((answer) => answer.truncatedBy.length > 0);
    expect(cut.length).toBeGreaterThan(0);
    expect(capped.truncated).toBe(cut.length);
    for (const answer of cut) {
      expect(answer.truncatedBy).toEqual(["row-cap"]);
      expect(answer.rows).toHaveLength(largest - 1);
      expect(answer.fullCount).toBe(hits(answer.state));
    }
    expect(capped.scanCount).toBe(figures.scanCount);
  }, 60_000);
});
