// Property test: on random small multigraphs (parallel edges, self-loops), MATCH finds exactly the bindings a
// brute-force enumeration finds, whatever end the planner starts from and whichever way the pattern is written.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cypherFixture } from "./cypher-fixture";

const NODES = ["topic:a", "topic:b", "topic:c", "topic:d", "topic:e"];
const TYPES = ["about", "cites", "sponsored"];

interface RelShape {
  direction: "right" | "left" | "both";
  type: string | null;
}

function arrow(rel: RelShape, name: string): string {
  const body = `[${name}${rel.type ? `:${rel.type}` : ""}]`;
  return rel.direction === "right" ? `-${body}->` : rel.direction === "left" ? `<-${body}-` : `-${body}-`;
}

/** Every assignment of the pattern's nodes and relationships, no relationship twice, as "n0 n1 .. | r0 r1 ..". */
function bruteForce(
  edges: { id: string; source: string; target: string; type: string }[],
  rels: RelShape[],
  start: string | null,
): string[] {
  const out: string[] = [];
  const walk = (nodes: string[], used: string[]): void => {
    const i = used.length;
    if (i === rels.length) {
      out.push(`${nodes.join(" ")} | ${used.join(" ")}`);
      return;
    }
    const rel = rels[i]!;
    const from = nodes[i]!;
    for (const edge of edges) {
      if (used.includes(edge.id) || (rel.type && edge.type !== rel.type)) continue;
      const ends: string[] = [];
      if ((rel.direction === "right" || rel.direction === "both") && edge.source === from) ends.push(edge.target);
      if ((rel.direction === "left" || rel.direction === "both") && edge.target === from) {
        // An undirected self-loop is one match, not two.
        if (!(rel.direction === "both" && edge.source === edge.target)) ends.push(edge.source);
      }
      for (const end of ends) walk([...nodes, end], [...used, edge.id]);
    }
  };
  for (const node of start ? [start] : NODES) walk([node], []);
  return out.sort();
}

describe("MATCH against brute force", () => {
  it("finds exactly the bindings of one- to three-hop patterns", () => {
    const edge = fc.record({
      source: fc.constantFrom(...NODES),
      target: fc.constantFrom(...NODES),
      type: fc.constantFrom(...TYPES),
    });
    const rel = fc.record({
      direction: fc.constantFrom<RelShape["direction"]>("right", "left", "both"),
      type: fc.option(fc.constantFrom(...TYPES), { nil: null }),
    });
    fc.assert(
      fc.property(
        fc.array(edge, { maxLength: 9 }),
        fc.array(rel, { minLength: 1, maxLength: 3 }),
        fc.option(fc.constantFrom(...NODES), { nil: null }),
        fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }),
        (rawEdges, rels, start, anchor) => {
          const edges = rawEdges.map((e, i) => ({ ...e, id: `e${i}` }));
          const g = cypherFixture({ nodes: NODES, edges: edges.map((e) => ({ ...e })) });
          // The start is pinned on the first node, or (to move the planner's start) on another node of the chain.
          const names = Array.from({ length: rels.length + 1 }, (_, i) => `n${i}`);
          const pinned = anchor !== null && anchor <= rels.length ? anchor : 0;
          const pattern = names
            .map(
              (name, i) =>
                `(${name}${start && i === pinned ? ` {id: '${start}'}` : ""})${i < rels.length ? arrow(rels[i]!, `r${i}`) : ""}`,
            )
            .join("");
          const columns = [...names.map((n) => `${n}.id`), ...rels.map((_, i) => `r${i}.id`)].join(", ");
          const rows = g.run(`MATCH ${pattern} RETURN ${columns}`, {}, { maxRows: 10_000 }).rows as string[][];
          const got = rows
            .map((row) => `${row.slice(0, names.length).join(" ")} | ${row.slice(names.length).join(" ")}`)
            .sort();
          const all = bruteForce(edges, rels, null);
          const expected = start ? all.filter((line) => line.split(" ")[pinned] === start) : all;
          expect(got).toEqual(expected);
        },
      ),
      { numRuns: 150 },
    );
  });
});
