// The nodes and edges a Cypher answer highlights: read from its rows' trails in slices, at most
// MAX_CYPHER_HIGHLIGHTED of each, and digested group by group while rows are folded, so that a grouped answer over
// millions of matches never keeps their trails.
import type { CypherGraph } from "./cypher-graph";
import { MAX_CYPHER_HIGHLIGHTED } from "./cypher-options";
import type { Row, Trail, WorkClock } from "./cypher-rows";

/** Ids read between two looks at the clock while gathering what to highlight. */
const IDS_BETWEEN_CLOCK_LOOKS = 4096;

/** Distinct ids in the order met, at most `cap` of them; `cut` says one more was met and left out. */
class CappedIds {
  readonly kept = new Set<number>();
  cut = false;

  constructor(private readonly cap: number) {}

  add(ids: readonly number[]): void {
    for (const id of ids) {
      if (this.kept.has(id)) continue;
      if (this.kept.size === this.cap) {
        this.cut = true;
        return;
      }
      this.kept.add(id);
    }
  }

  /** Ascending: a typed array sorts small whole numbers natively, without a comparison callback. */
  ascending(): Int32Array {
    return Int32Array.from(this.kept).sort();
  }
}

/**
 * Reads one row's trail as the highlight reads it, its own nodes and edges first, then those of the trail before it,
 * and so on; a trail in `seen` ends the walk (it and those before it were read already), and every trail before the
 * first joins `seen`: the trail of the row a MATCH extended is shared by every row it made. Returns the ids read.
 */
function readTrail(trail: Trail | null, nodes: CappedIds, edges: CappedIds, seen: Set<Trail>): number {
  let read = 0;
  for (let t = trail; t !== null; t = t.prev) {
    if (t !== trail) {
      if (seen.has(t)) break;
      seen.add(t);
    }
    const { nodes: trailNodes, edges: trailEdges } = t;
    if (!nodes.cut) nodes.add(trailNodes);
    if (!edges.cut) edges.add(trailEdges);
    read += trailNodes.length + trailEdges.length + 1;
  }
  return read;
}

/**
 * The highlight of rows folded into one (a group, or the rows DISTINCT makes one), taken as they come instead of
 * keeping their trails: the distinct nodes and edges in the order the highlight would read them, up to one more
 * than MAX_CYPHER_HIGHLIGHTED of each, after which the rest cannot change it (reading that many distinct ids fills
 * the highlight's list and cuts it, whatever was read before), so further trails are not read at all. As a trail
 * (`trail()`), it highlights exactly what the rows' merged trails would.
 */
export class TrailDigest {
  private readonly nodes = new CappedIds(MAX_CYPHER_HIGHLIGHTED + 1);
  private readonly edges = new CappedIds(MAX_CYPHER_HIGHLIGHTED + 1);
  /** Trails shared by the rows read so far; dropped once both lists are full. */
  private seen: Set<Trail> | null = new Set();

  /** Reads one more row's trail, unless both lists are full already. */
  add(trail: Trail | null): void {
    if (this.seen === null) return;
    readTrail(trail, this.nodes, this.edges, this.seen);
    if (this.nodes.kept.size > MAX_CYPHER_HIGHLIGHTED && this.edges.kept.size > MAX_CYPHER_HIGHLIGHTED)
      this.seen = null;
  }

  /** The digest as one trail: its nodes and edges in the order met. */
  trail(): Trail {
    return { nodes: [...this.nodes.kept], edges: [...this.edges.kept], prev: null };
  }
}

/**
 * The nodes and edges the rows were matched on, in slices. Rows are read in order, so that when there is more than
 * MAX_CYPHER_HIGHLIGHTED of either, the first rows' matches are the ones highlighted; once both lists are full and
 * a further id was met, the rest is not read.
 */
export function* highlight(
  rows: readonly Row[],
  graph: CypherGraph,
  clock: WorkClock,
): Generator<void, { nodes: string[]; edges: string[]; highlightTruncated: boolean }, undefined> {
  const nodes = new CappedIds(MAX_CYPHER_HIGHLIGHTED);
  const edges = new CappedIds(MAX_CYPHER_HIGHLIGHTED);
  const seen = new Set<Trail>();
  let read = 0;
  for (let i = 0; i < rows.length && !(nodes.cut && edges.cut); i++) {
    // A row's trail may be a group's digest of thousands of ids: the clock is read by ids, not by rows.
    read += readTrail(rows[i]!.trail, nodes, edges, seen);
    if (read >= IDS_BETWEEN_CLOCK_LOOKS) {
      read = 0;
      if (clock.due()) yield* clock.pause();
    }
  }
  return {
    nodes: Array.from(nodes.ascending(), (v) => graph.index.nodeIds[v]!),
    edges: Array.from(edges.ascending(), (e) => graph.index.edgeIds[e]!),
    highlightTruncated: nodes.cut || edges.cut,
  };
}
