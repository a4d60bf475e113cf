// Runs a planned MATCH over the incoming rows: seeds, hop-by-hop expansions with backtracking, relationship
// isomorphism (no relationship twice in one match), variable-length walks, WHERE conditions where the plan put
// them, paths, and OPTIONAL MATCH's null row. Yields PAUSE when the slice is used up.
import type { AdjacencyView } from "../adjacency-index";
import { readProperty } from "./compile-expression";
import { CypherTypeError } from "./cypher-errors";
import { equals, equivalenceKey, NodeRef, PathValue, RelRef, typeName, type CypherValue } from "./cypher-values";
import { PAUSE, tick, type Execution, type Flow, type Row } from "./cypher-rows";
import type { MatchPlan, MatchStep, RelSpec } from "./plan-match";

/** A variable-length match in written order: `edges[i]` joins the i-th and (i+1)-th node of `inner` framed by the ends. */
interface LengthBinding {
  edges: number[];
  inner: number[];
}

function keep(
  filters: readonly ((row: CypherValue[], run: Execution["run"]) => CypherValue)[],
  row: CypherValue[],
  x: Execution,
): boolean {
  for (const filter of filters) {
    const value = filter(row, x.run);
    if (value === true) continue;
    if (value === false || value === null) return false;
    throw new CypherTypeError(`WHERE needs true, false or null, got ${typeName(value)}`);
  }
  return true;
}

/** A copy of `values` with null in the slots up to `width` (built whole: growing an array's length is slow). */
function widen(values: readonly CypherValue[], width: number): CypherValue[] {
  const out = new Array<CypherValue>(width);
  for (let s = 0; s < width; s++) out[s] = s < values.length ? values[s]! : null;
  return out;
}

/** Runs `plan` for every row of `input`, producing rows `width` wide. */
export function* executeMatch(
  plan: MatchPlan,
  input: Iterable<Flow>,
  width: number,
  x: Execution,
): Generator<Flow, void, undefined> {
  const graph = x.run.graph;
  const index = graph.index;
  // The relationships of the match so far (a few: one per pattern relationship, up to 8 per variable-length one).
  // A list beats marks over every edge: those cost a clear of the whole array per query on a large graph.
  const used: number[] = [];
  const nodeOf = new Int32Array(plan.nodes.length);
  const relOf: (number | LengthBinding)[] = new Array(plan.rels.length);
  const nodeValues: CypherValue[][] = plan.nodes.map((spec) => new Array<CypherValue>(spec.properties.length));
  const relValues: CypherValue[][] = plan.rels.map((spec) => new Array<CypherValue>(spec.properties.length));
  const lengthRels = plan.rels.filter((rel) => rel.variableLength).length;
  let work: CypherValue[] = [];
  let incoming: Row;

  const nodeOk = (n: number, v: number): boolean => {
    const spec = plan.nodes[n]!;
    if (spec.bound) {
      // Bound by an earlier clause but reached by expansion: it must be that node.
      const value = work[spec.slot!] ?? null;
      if (value === null) return false;
      if (!(value instanceof NodeRef)) throw new CypherTypeError(`a node pattern needs a node, got ${typeName(value)}`);
      if (value.v !== v) return false;
    }
    if (spec.typeCode !== null && index.nodeType[v] !== spec.typeCode) return false;
    const values = nodeValues[n]!;
    for (let i = 0; i < spec.properties.length; i++) {
      if (equals(readProperty(graph.nodeRef(v), spec.properties[i]!.key, graph), values[i]!) !== true) return false;
    }
    return true;
  };
  const relOk = (r: number, e: number): boolean => {
    const spec = plan.rels[r]!;
    if (spec.typeMask !== null && !spec.typeMask[index.edgeType[e]!]) return false;
    const values = relValues[r]!;
    for (let i = 0; i < spec.properties.length; i++) {
      if (equals(readProperty(graph.relRef(e), spec.properties[i]!.key, graph), values[i]!) !== true) return false;
    }
    return true;
  };
  const bindNode = (n: number, v: number): void => {
    nodeOf[n] = v;
    const slot = plan.nodes[n]!.slot;
    if (slot !== null) work[slot] = graph.nodeRef(v);
  };
  /** The edge at entry `p` of `view` when relationship pattern `r` may use it here, else -1. */
  const usable = (view: AdjacencyView, p: number, r: number): number => {
    const signed = view.edges[p]!;
    const e = signed < 0 ? ~signed : signed;
    // The undirected view lists a self-loop twice (as out- and in-edge): count it once.
    if (signed < 0 && view === index.both && index.edgeSource[e] === index.edgeTarget[e]) return -1;
    return used.includes(e) || !relOk(r, e) ? -1 : e;
  };
  /** The view to walk `rel` from pattern node `from`: along the written arrow or against it. */
  const viewFor = (rel: RelSpec, from: number): AdjacencyView => {
    if (rel.direction === "both") return index.both;
    const alongArrow = (rel.direction === "right") === (from === rel.left);
    return alongArrow ? index.out : index.in;
  };

  function* candidates(step: Extract<MatchStep, { kind: "seed" }>): Generator<number, void, undefined> {
    const spec = plan.nodes[step.node]!;
    if (spec.typeCode === -1) return;
    const source = step.source;
    switch (source.kind) {
      case "bound": {
        const value = work[source.slot] ?? null;
        if (value === null) return;
        if (!(value instanceof NodeRef))
          throw new CypherTypeError(`a node pattern needs a node, got ${typeName(value)}`);
        yield value.v;
        return;
      }
      case "id":
      case "property": {
        const value = source.value(work, x.run);
        const values = source.many ? value : [value];
        if (values === null) return;
        if (!Array.isArray(values)) throw new CypherTypeError(`IN needs a list on its right, got ${typeName(values)}`);
        // An IN list may name one node twice: yield it once. A single value needs no such check.
        const seen = values.length > 1 ? new Set<number>() : null;
        for (const one of values) {
          if (equals(one, one) !== true) continue;
          const found: readonly number[] =
            source.kind === "id"
              ? typeof one === "string" && index.nodeIndex.has(one)
                ? [index.nodeIndex.get(one)!]
                : []
              : (graph.propertyIndex(source.key).get(equivalenceKey(one)) ?? []);
          for (const v of found) {
            if (seen !== null) {
              if (seen.has(v)) continue;
              seen.add(v);
            }
            yield v;
          }
        }
        return;
      }
      case "type":
        yield* graph.nodesOfType[source.code]!;
        return;
      case "all":
        for (let v = 0; v < index.nodeCount; v++) yield v;
    }
  }

  /** The complete match as a row, or null when a condition on the whole match rejects it. */
  function finish(): Row | null {
    if (!keep(plan.finalFilters, work, x)) return null;
    let nodes: number[] = new Array<number>(nodeOf.length);
    for (let n = 0; n < nodeOf.length; n++) nodes[n] = nodeOf[n]!;
    let edges: number[];
    if (lengthRels === 0) edges = relOf.slice() as number[];
    else {
      edges = [];
      for (const binding of relOf) {
        if (typeof binding === "number") edges.push(binding);
        else {
          edges = edges.concat(binding.edges);
          nodes = nodes.concat(binding.inner);
        }
      }
    }
    for (const path of plan.paths) {
      const pathNodes = [nodeOf[path.nodes[0]!]!];
      const pathRels: number[] = [];
      path.rels.forEach((r, i) => {
        const binding = relOf[r]!;
        if (typeof binding === "number") pathRels.push(binding);
        else {
          pathRels.push(...binding.edges);
          pathNodes.push(...binding.inner);
        }
        pathNodes.push(nodeOf[path.nodes[i + 1]!]!);
      });
      work[path.slot] = new PathValue(pathNodes, pathRels);
    }
    return { values: work.slice(), trail: { nodes, edges, prev: incoming.trail } };
  }
  const last = plan.steps.length - 1;

  /** Matches from step `i` on; the last step yields complete rows itself, one generator fewer per row. */
  function* next(i: number): Generator<Flow, void, undefined> {
    const current = plan.steps[i]!;
    if (current.kind === "seed") {
      for (const v of candidates(current)) {
        const state = tick(x);
        if (state === "stop") return;
        if (state === "pause") yield PAUSE;
        if (!nodeOk(current.node, v)) continue;
        bindNode(current.node, v);
        if (keep(current.filters, work, x)) {
          if (i < last) yield* next(i + 1);
          else {
            const row = finish();
            if (row) yield row;
          }
        }
        if (x.stopped) return;
      }
      return;
    }
    const rel = plan.rels[current.rel]!;
    if (rel.bound) yield* expandBound(i, current, rel);
    else if (rel.variableLength) yield* expandLength(i, current, rel);
    else yield* expandOne(i, current, rel);
  }

  function* bindRelAndGo(
    i: number,
    step: Extract<MatchStep, { kind: "expand" }>,
    e: number,
    w: number,
  ): Generator<Flow, void, undefined> {
    const rel = plan.rels[step.rel]!;
    used.push(e);
    relOf[step.rel] = e;
    if (rel.slot !== null) work[rel.slot] = graph.relRef(e);
    if (!step.into) bindNode(step.to, w);
    if (keep(step.filters, work, x)) {
      if (i < last) yield* next(i + 1);
      else {
        const row = finish();
        if (row) yield row;
      }
    }
    used.pop();
  }

  function* expandOne(
    i: number,
    current: Extract<MatchStep, { kind: "expand" }>,
    rel: RelSpec,
  ): Generator<Flow, void, undefined> {
    let from = current.from;
    let target = current.to;
    // Checking a relationship between two matched nodes: walk from the end with fewer relationships.
    if (current.into) {
      const degree = (n: number, view: AdjacencyView) => view.offsets[nodeOf[n]! + 1]! - view.offsets[nodeOf[n]!]!;
      if (degree(current.to, viewFor(rel, current.to)) < degree(current.from, viewFor(rel, current.from))) {
        from = current.to;
        target = current.from;
      }
    }
    const view = viewFor(rel, from);
    const u = nodeOf[from]!;
    const end = view.offsets[u + 1]!;
    for (let p = view.offsets[u]!; p < end; p++) {
      const state = tick(x);
      if (state === "stop") return;
      if (state === "pause") yield PAUSE;
      const e = usable(view, p, current.rel);
      if (e < 0) continue;
      const w = view.neighbors[p]!;
      if (current.into ? w !== nodeOf[target] : !nodeOk(current.to, w)) continue;
      yield* bindRelAndGo(i, current, e, w);
      if (x.stopped) return;
    }
  }

  function* expandBound(
    i: number,
    current: Extract<MatchStep, { kind: "expand" }>,
    rel: RelSpec,
  ): Generator<Flow, void, undefined> {
    const value = work[rel.slot!] ?? null;
    if (value === null) return;
    if (!(value instanceof RelRef))
      throw new CypherTypeError(`a relationship pattern needs a relationship, got ${typeName(value)}`);
    const e = value.e;
    if (used.includes(e) || !relOk(current.rel, e)) return;
    const u = nodeOf[current.from]!;
    const source = index.edgeSource[e]!;
    const target = index.edgeTarget[e]!;
    const fromIsLeft = current.from === rel.left;
    const ends: number[] = [];
    if (rel.direction === "both") {
      if (source === u) ends.push(target);
      if (target === u && source !== target) ends.push(source);
    } else {
      const fromIsSource = (rel.direction === "right") === fromIsLeft;
      if ((fromIsSource ? source : target) === u) ends.push(fromIsSource ? target : source);
    }
    for (const w of ends) {
      if (current.into ? w !== nodeOf[current.to] : !nodeOk(current.to, w)) continue;
      yield* bindRelAndGo(i, current, e, w);
    }
  }

  function* expandLength(
    i: number,
    current: Extract<MatchStep, { kind: "expand" }>,
    rel: RelSpec,
  ): Generator<Flow, void, undefined> {
    const view = viewFor(rel, current.from);
    const reversed = current.from !== rel.left;
    const edges: number[] = [];
    const inner: number[] = [];
    const start = nodeOf[current.from]!;

    function* arrive(w: number): Generator<Flow, void, undefined> {
      if (current.into ? w !== nodeOf[current.to] : !nodeOk(current.to, w)) return;
      const binding: LengthBinding = reversed
        ? { edges: edges.slice().reverse(), inner: inner.slice(0, -1).reverse() }
        : { edges: edges.slice(), inner: inner.slice(0, -1) };
      relOf[current.rel] = binding;
      if (rel.slot !== null) work[rel.slot] = binding.edges.map((e) => graph.relRef(e));
      if (!current.into) bindNode(current.to, w);
      if (keep(current.filters, work, x)) {
        if (i < last) yield* next(i + 1);
        else {
          const row = finish();
          if (row) yield row;
        }
      }
    }

    function* walk(u: number, depth: number): Generator<Flow, void, undefined> {
      if (depth >= rel.min) {
        yield* arrive(u);
        if (x.stopped) return;
      }
      if (depth === rel.max && !rel.capped) return;
      const end = view.offsets[u + 1]!;
      for (let p = view.offsets[u]!; p < end; p++) {
        const state = tick(x);
        if (state === "stop") return;
        if (state === "pause") yield PAUSE;
        const e = usable(view, p, current.rel);
        if (e < 0) continue;
        if (depth === rel.max) {
          // One more hop was possible but the pattern's `*` stops at the cap: the answer may miss matches.
          if (rel.capped) x.causes.add("length-cap");
          return;
        }
        const w = view.neighbors[p]!;
        used.push(e);
        edges.push(e);
        inner.push(w);
        yield* walk(w, depth + 1);
        edges.pop();
        inner.pop();
        used.pop();
        if (x.stopped) return;
      }
    }
    yield* walk(start, 0);
  }

  for (const item of input) {
    if (item === PAUSE) {
      yield PAUSE;
      continue;
    }
    if (x.stopped) return;
    incoming = item;
    work = widen(item.values, width);
    plan.nodes.forEach((spec, n) =>
      spec.properties.forEach((test, k) => (nodeValues[n]![k] = test.value(work, x.run))),
    );
    plan.rels.forEach((spec, r) => spec.properties.forEach((test, k) => (relValues[r]![k] = test.value(work, x.run))));
    nodeOf.fill(-1);
    let found = false;
    if (keep(plan.preFilters, work, x)) {
      for (const out of next(0)) {
        if (out !== PAUSE) found = true;
        yield out;
      }
    }
    if (x.stopped) return;
    if (!found && plan.optional) {
      yield { values: widen(item.values, width), trail: item.trail };
    }
  }
}
