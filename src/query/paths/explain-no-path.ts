// Why two nodes have no path: same node, different components, too far apart, or cut by the filters.
import type { AdjacencyIndex } from "../adjacency-index";
import type { NoPathCause } from "../types";
import { bidirectionalSearch } from "./bidirectional-search";
import { compilePathFilter, type PathFilter } from "./path-filter";
import type { PathOptions } from "./path-options";
import type { PathSearch } from "./path-search";

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

interface Restriction {
  phrase: string;
  /** The filter with this one restriction lifted. */
  lifted: PathFilter;
}

/** Labels alone, for a list inside a phrase that is itself quoted ("without "avoiding China, Russia""). */
function labels(index: AdjacencyIndex, labelOf: (id: string) => string, nodes: readonly number[]): string {
  return nodes.map((v) => labelOf(index.nodeIds[v]!)).join(", ");
}

/** The restrictions in force, each as an English phrase and as the filter without it. */
function restrictions(search: PathSearch): Restriction[] {
  const { index, options, avoid, labelOf } = search;
  const withOptions = (lifted: PathOptions): Restriction["lifted"] => compilePathFilter(index, lifted, avoid);
  const found: Restriction[] = [];
  if (avoid.length > 0) {
    found.push({ phrase: `avoiding ${labels(index, labelOf, avoid)}`, lifted: compilePathFilter(index, options) });
  }
  for (const restriction of optionRestrictions(index, options)) {
    found.push({ phrase: restriction.phrase, lifted: withOptions(restriction.lifted) });
  }
  return found;
}

/** The restrictions the options set, each as an English phrase and as the options without it. */
function optionRestrictions(index: AdjacencyIndex, options: PathOptions): { phrase: string; lifted: PathOptions }[] {
  const found: { phrase: string; lifted: PathOptions }[] = [];
  if (options.direction === "forward") {
    found.push({ phrase: "following edge direction", lifted: { ...options, direction: "any" } });
  }
  if (options.edgeTypes !== undefined) {
    const { edgeTypes, ...rest } = options;
    found.push({ phrase: `only edge types ${edgeTypes.join(", ")}`, lifted: rest });
  }
  if (options.excludeEdgeTypes.length > 0) {
    found.push({
      phrase: `excluding edge types ${options.excludeEdgeTypes.join(", ")}`,
      lifted: { ...options, excludeEdgeTypes: [] },
    });
  }
  if (options.excludeNodeTypes.length > 0) {
    found.push({
      phrase: `not passing through node types ${options.excludeNodeTypes.join(", ")}`,
      lifted: { ...options, excludeNodeTypes: [] },
    });
  }
  if (!options.includeProvenance) {
    const provenance = index.edgeTypeNames.filter((_name, code) => index.provenanceEdgeType[code] === 1);
    const links = provenance.length > 0 ? `provenance links (${provenance.join(", ")}) and ` : "";
    found.push({
      phrase: `skipping ${links}source documents (includeProvenance off)`,
      lifted: { ...options, includeProvenance: true },
    });
  }
  return found;
}

/**
 * Explains why the search found nothing from `from` to `to` within maxHops. Checks in order: the same node;
 * different components of the unfiltered undirected graph; a filtered connection longer than maxHops (its length
 * is given); a connection within maxHops that passes through none of the via nodes, or not through all of them
 * (cause "via"); otherwise the filters (direction, types, provenance, avoided nodes) cut every connection.
 *
 * A resumable search: its breadth-first searches yield whenever `clock` is due. The index's scratch memory holds
 * its state between slices: no other query may use the index meanwhile.
 */
export function* explainNoPath(search: PathSearch): Generator<void, NoPathExplanation, undefined> {
  const { index, labelOf, from, to, options } = search;
  const shortest = (filter: PathFilter) => bidirectionalSearch({ ...search, filter }, Infinity, false);
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
  const filtered = yield* shortest(search.filter);
  const active = restrictions(search);
  const phrases = active.map((restriction) => restriction.phrase).join("; ");
  if (filtered !== null && filtered.length <= options.maxHops && search.via.length > 0) {
    const through = labels(index, labelOf, search.via);
    const withFilters = active.length > 0 ? ` under the filters (${phrases})` : "";
    return {
      cause: "via",
      reason:
        `No path from ${a} to ${b}${withFilters} passes through ${through} within ${steps(options.maxHops)} ` +
        `(maxHops); without via they are connected in ${steps(filtered.length)}. Raise maxHops, or drop a via node.`,
    };
  }
  if (filtered !== null) {
    const withFilters = active.length > 0 ? ` under the filters (${phrases})` : "";
    return {
      cause: "too-long",
      shortestLength: filtered.length,
      reason:
        `The shortest connection between ${a} and ${b}${withFilters} has ${steps(filtered.length)}, ` +
        `more than maxHops (${options.maxHops}); raise maxHops to ${filtered.length} to see it.`,
    };
  }
  const open = compilePathFilter(index, {
    direction: "any",
    excludeEdgeTypes: [],
    excludeNodeTypes: [],
    includeProvenance: true,
  });
  const unfiltered = yield* shortest(open);
  const connected = unfiltered === null ? "" : ` in ${steps(unfiltered.length)}`;
  const lifts: string[] = [];
  for (const restriction of active) {
    const relaxed = yield* shortest(restriction.lifted);
    if (relaxed !== null) lifts.push(`without "${restriction.phrase}" (${steps(relaxed.length)})`);
  }
  const hint =
    lifts.length > 0
      ? ` Lifting one filter would connect them: ${lifts.join(", ")}.`
      : active.length > 1
        ? " No single filter is to blame: it takes lifting several."
        : "";
  return {
    cause: "filtered",
    reason:
      `${a} and ${b} are connected${connected} when any link may be followed either way, ` +
      `but not under the filters: ${phrases}.${hint}`,
  };
}
