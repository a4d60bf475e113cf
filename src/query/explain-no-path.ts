// Why two nodes have no path: same node, different components, too far apart, or cut by the filters.
import type { AdjacencyIndex } from "./adjacency-index";
import { bidirectionalSearch } from "./bidirectional-search";
import { compilePathFilter, type PathFilter } from "./path-filter";
import type { PathOptions } from "./path-options";
import type { NoPathCause } from "./types";

export interface NoPathExplanation {
  cause: NoPathCause;
  reason: string;
  shortestLength?: number;
}

function name(index: AdjacencyIndex, labelOf: (id: string) => string, v: number): string {
  const id = index.nodeIds[v]!;
  return `"${labelOf(id)}" (${id})`;
}

function steps(count: number): string {
  return count === 1 ? "1 step" : `${count} steps`;
}

/** The restrictions in force, as English phrases ("following edge direction", "only edge types a, b"...). */
function restrictions(index: AdjacencyIndex, options: PathOptions): string[] {
  const phrases: string[] = [];
  if (options.direction === "forward") phrases.push("following edge direction");
  if (options.edgeTypes !== undefined) phrases.push(`only edge types ${options.edgeTypes.join(", ")}`);
  if (options.excludeEdgeTypes.length > 0) phrases.push(`excluding edge types ${options.excludeEdgeTypes.join(", ")}`);
  if (options.excludeNodeTypes.length > 0) {
    phrases.push(`not passing through node types ${options.excludeNodeTypes.join(", ")}`);
  }
  if (!options.includeProvenance) {
    const provenance = index.edgeTypeNames.filter((_name, code) => index.provenanceEdgeType[code] === 1);
    const links = provenance.length > 0 ? `provenance links (${provenance.join(", ")}) and ` : "";
    phrases.push(`leaving out ${links}the source documents themselves (includeProvenance is off)`);
  }
  return phrases;
}

/**
 * Explains why `findPaths` found nothing from `from` to `to` within maxHops. Checks in order: the same node;
 * different components of the unfiltered undirected graph; a filtered connection longer than maxHops (its length
 * is given); otherwise the filters (direction, types, provenance) cut every connection.
 */
export function explainNoPath(
  index: AdjacencyIndex,
  labelOf: (id: string) => string,
  from: number,
  to: number,
  options: PathOptions,
  filter: PathFilter,
): NoPathExplanation {
  const a = name(index, labelOf, from);
  const b = name(index, labelOf, to);
  if (from === to) {
    return {
      cause: "same-node",
      reason: `The start and the end are the same node, ${a}; a path needs two different nodes.`,
    };
  }
  if (index.component[from] !== index.component[to]) {
    return {
      cause: "disconnected",
      reason: `${a} and ${b} are not connected at all: no chain of links of any type, in either direction, joins them.`,
    };
  }
  const filtered = bidirectionalSearch(index, from, to, filter, Infinity, false);
  const phrases = restrictions(index, options);
  if (filtered !== null) {
    const withFilters = phrases.length > 0 ? ` with the filters applied (${phrases.join("; ")})` : "";
    return {
      cause: "too-long",
      shortestLength: filtered.length,
      reason:
        `The shortest connection between ${a} and ${b}${withFilters} has ${steps(filtered.length)}, ` +
        `more than the maximum of ${options.maxHops} (maxHops); raise maxHops to ${filtered.length} to see it.`,
    };
  }
  const open = compilePathFilter(index, {
    direction: "any",
    excludeEdgeTypes: [],
    excludeNodeTypes: [],
    includeProvenance: true,
  });
  const unfiltered = bidirectionalSearch(index, from, to, open, Infinity, false);
  const connected = unfiltered === null ? "connected" : `connected in ${steps(unfiltered.length)}`;
  return {
    cause: "filtered",
    reason:
      `${a} and ${b} are ${connected} when every link is allowed in either direction, ` +
      `but not with the filters applied: ${phrases.join("; ")}.`,
  };
}
