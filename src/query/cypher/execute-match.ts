// Runs a planned MATCH over the incoming rows: seeds, hop-by-hop expansions with backtracking, relationship
// isomorphism (no relationship twice in one match), variable-length walks, WHERE conditions where the plan put
// them, paths, and OPTIONAL MATCH's null row. Yields PAUSE when the slice is used up.
import type { AdjacencyIndex, AdjacencyView } from "../adjacency-index";
import { readProperty } from "./compile-expression";
import { CypherTypeError } from "./cypher-errors";
import { equals, equivalenceKey, NodeRef, PathValue, RelRef, typeName, type CypherValue } from "./cypher-values";
import type { CypherGraph } from "./cypher-graph";
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

type SeedStep = Extract<MatchStep, { kind: "seed" }>;
type ExpandStep = Extract<MatchStep, { kind: "expand" }>;

/**
 * The state of one MATCH while it runs, and the steps that extend it. Methods rather than closures made at each
 * query: a short query spends much of its time on set-up, and a closure costs an allocation each (and, through tsx,
 * a name set on each).
 */
class MatchRun {
  private readonly graph: CypherGraph;
  private readonly index: AdjacencyIndex;
  // The relationships of the match so far (a few: one per pattern relationship, up to 8 per variable-length one).
  // A list beats marks over every edge: those cost a clear of the whole array per query on a large graph.
  private readonly used: number[] = [];
  readonly nodeOf: Int32Array;
  private readonly relOf: (number | LengthBinding)[];
  /** The values each node and relationship pattern's properties must equal, for the incoming row. */
  readonly nodeValues: CypherValue[][];
  readonly relValues: CypherValue[][];
  private readonly lengthRels: number;
  private readonly last: number;
  work: CypherValue[] = [];
  incoming: Row = { values: [], trail: null };

  constructor(
    readonly plan: MatchPlan,
    private readonly x: Execution,
  ) {
    this.graph = x.run.graph;
    this.index = this.graph.index;
    this.nodeOf = new Int32Array(plan.nodes.length);
    this.relOf = new Array(plan.rels.length);
    this.nodeValues = plan.nodes.map((spec) => new Array<CypherValue>(spec.properties.length));
    this.relValues = plan.rels.map((spec) => new Array<CypherValue>(spec.properties.length));
    let lengthRels = 0;
    for (const rel of plan.rels) if (rel.variableLength) lengthRels++;
    this.lengthRels = lengthRels;
    this.last = plan.steps.length - 1;
  }

  nodeOk(n: number, v: number): boolean {
    const spec = this.plan.nodes[n]!;
    if (spec.bound) {
      // Bound by an earlier clause but reached by expansion: it must be that node.
      const value = this.work[spec.slot!] ?? null;
      if (value === null) return false;
      if (!(value instanceof NodeRef)) throw new CypherTypeError(`a node pattern needs a node, got ${typeName(value)}`);
      if (value.v !== v) return false;
    }
    if (spec.typeCode !== null && this.index.nodeType[v] !== spec.typeCode) return false;
    const values = this.nodeValues[n]!;
    for (let i = 0; i < spec.properties.length; i++) {
      const found = readProperty(this.graph.nodeRef(v), spec.properties[i]!.key, this.graph);
      if (equals(found, values[i]!) !== true) return false;
    }
    return true;
  }

  private relOk(r: number, e: number): boolean {
    const spec = this.plan.rels[r]!;
    if (spec.typeMask !== null && !spec.typeMask[this.index.edgeType[e]!]) return false;
    const values = this.relValues[r]!;
    for (let i = 0; i < spec.properties.length; i++) {
      const found = readProperty(this.graph.relRef(e), spec.properties[i]!.key, this.graph);
      if (equals(found, values[i]!) !== true) return false;
    }
    return true;
  }

  private bindNode(n: number, v: number): void {
    this.nodeOf[n] = v;
    const slot = this.plan.nodes[n]!.slot;
    if (slot !== null) this.work[slot] = this.graph.nodeRef(v);
  }

  /** The edge at entry `p` of `view` when relationship pattern `r` may use it here, else -1. */
  private usable(view: AdjacencyView, p: number, r: number): number {
    const signed = view.edges[p]!;
    const e = signed < 0 ? ~signed : signed;
    // The undirected view lists a self-loop twice (as out- and in-edge): count it once.
    if (signed < 0 && view === this.index.both && this.index.edgeSource[e] === this.index.edgeTarget[e]) return -1;
    return this.used.includes(e) || !this.relOk(r, e) ? -1 : e;
  }

  /** The view to walk `rel` from pattern node `from`: along the written arrow or against it. */
  private viewFor(rel: RelSpec, from: number): AdjacencyView {
    if (rel.direction === "both") return this.index.both;
    const alongArrow = (rel.direction === "right") === (from === rel.left);
    return alongArrow ? this.index.out : this.index.in;
  }

  private *candidates(step: SeedStep): Generator<number, void, undefined> {
    const spec = this.plan.nodes[step.node]!;
    if (spec.typeCode === -1) return;
    const source = step.source;
    const index = this.index;
    switch (source.kind) {
      case "bound": {
        const value = this.work[source.slot] ?? null;
        if (value === null) return;
        if (!(value instanceof NodeRef))
          throw new CypherTypeError(`a node pattern needs a node, got ${typeName(value)}`);
        yield value.v;
        return;
      }
      case "id":
      case "property": {
        const value = source.value(this.work, this.x.run);
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
              : (this.graph.propertyIndex(source.key).get(equivalenceKey(one)) ?? []);
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
        yield* this.graph.nodesOfType[source.code]!;
        return;
      case "all":
        for (let v = 0; v < index.nodeCount; v++) yield v;
    }
  }

  /** The complete match as a row, or null when a condition on the whole match rejects it. */
  private finish(): Row | null {
    const { plan, nodeOf, relOf, work } = this;
    if (!keep(plan.finalFilters, work, this.x)) return null;
    let nodes: number[] = new Array<number>(nodeOf.length);
    for (let n = 0; n < nodeOf.length; n++) nodes[n] = nodeOf[n]!;
    let edges: number[];
    if (this.lengthRels === 0) edges = relOf.slice() as number[];
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
      for (let i = 0; i < path.rels.length; i++) {
        const binding = relOf[path.rels[i]!]!;
        if (typeof binding === "number") pathRels.push(binding);
        else {
          pathRels.push(...binding.edges);
          pathNodes.push(...binding.inner);
        }
        pathNodes.push(nodeOf[path.nodes[i + 1]!]!);
      }
      work[path.slot] = new PathValue(pathNodes, pathRels);
    }
    return { values: work.slice(), trail: { nodes, edges, prev: this.incoming.trail } };
  }

  /** Matches from step `i` on; the last step yields complete rows itself, one generator fewer per row. */
  *next(i: number): Generator<Flow, void, undefined> {
    const x = this.x;
    const current = this.plan.steps[i]!;
    if (current.kind === "seed") {
      for (const v of this.candidates(current)) {
        const state = tick(x);
        if (state === "stop") return;
        if (state === "pause") yield PAUSE;
        if (!this.nodeOk(current.node, v)) continue;
        this.bindNode(current.node, v);
        if (keep(current.filters, this.work, x)) {
          if (i < this.last) yield* this.next(i + 1);
          else {
            const row = this.finish();
            if (row) yield row;
          }
        }
        if (x.stopped) return;
      }
      return;
    }
    const rel = this.plan.rels[current.rel]!;
    if (rel.bound) yield* this.expandBound(i, current, rel);
    else if (rel.variableLength) yield* this.expandLength(i, current, rel);
    else yield* this.expandOne(i, current, rel);
  }

  /**
   * What follows step `i` once it is bound: the next steps, or the complete row after the last. The hot loops (seeds,
   * single hops) write this out instead: a generator per bound step would cost more than the step.
   */
  *after(i: number): Generator<Flow, void, undefined> {
    if (i < this.last) yield* this.next(i + 1);
    else {
      const row = this.finish();
      if (row) yield row;
    }
  }

  /** Binds relationship `e` and its far end `w` for `step`: whether the step's conditions then hold. */
  private bindRel(step: ExpandStep, e: number, w: number): boolean {
    const rel = this.plan.rels[step.rel]!;
    this.used.push(e);
    this.relOf[step.rel] = e;
    if (rel.slot !== null) this.work[rel.slot] = this.graph.relRef(e);
    if (!step.into) this.bindNode(step.to, w);
    return keep(step.filters, this.work, this.x);
  }

  private *expandOne(i: number, current: ExpandStep, rel: RelSpec): Generator<Flow, void, undefined> {
    const { x, nodeOf } = this;
    let from = current.from;
    let target = current.to;
    // Checking a relationship between two matched nodes: walk from the end with fewer relationships.
    if (current.into) {
      const toView = this.viewFor(rel, current.to);
      const fromView = this.viewFor(rel, current.from);
      const to = nodeOf[current.to]!;
      const at = nodeOf[current.from]!;
      if (toView.offsets[to + 1]! - toView.offsets[to]! < fromView.offsets[at + 1]! - fromView.offsets[at]!) {
        from = current.to;
        target = current.from;
      }
    }
    const view = this.viewFor(rel, from);
    const u = nodeOf[from]!;
    const end = view.offsets[u + 1]!;
    for (let p = view.offsets[u]!; p < end; p++) {
      const state = tick(x);
      if (state === "stop") return;
      if (state === "pause") yield PAUSE;
      const e = this.usable(view, p, current.rel);
      if (e < 0) continue;
      const w = view.neighbors[p]!;
      if (current.into ? w !== nodeOf[target] : !this.nodeOk(current.to, w)) continue;
      // The relationship is bound and unbound here rather than in a generator of its own: one fewer per edge.
      if (this.bindRel(current, e, w)) {
        if (i < this.last) yield* this.next(i + 1);
        else {
          const row = this.finish();
          if (row) yield row;
        }
      }
      this.used.pop();
      if (x.stopped) return;
    }
  }

  private *expandBound(i: number, current: ExpandStep, rel: RelSpec): Generator<Flow, void, undefined> {
    const { nodeOf, index } = this;
    const value = this.work[rel.slot!] ?? null;
    if (value === null) return;
    if (!(value instanceof RelRef))
      throw new CypherTypeError(`a relationship pattern needs a relationship, got ${typeName(value)}`);
    const e = value.e;
    if (this.used.includes(e) || !this.relOk(current.rel, e)) return;
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
      if (current.into ? w !== nodeOf[current.to] : !this.nodeOk(current.to, w)) continue;
      if (this.bindRel(current, e, w)) yield* this.after(i);
      this.used.pop();
    }
  }

  private *expandLength(i: number, current: ExpandStep, rel: RelSpec): Generator<Flow, void, undefined> {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the walk's nested generators need the run
    const run = this;
    const { x, nodeOf, used, graph } = this;
    const view = this.viewFor(rel, current.from);
    const reversed = current.from !== rel.left;
    const edges: number[] = [];
    const inner: number[] = [];
    const start = nodeOf[current.from]!;

    function* arrive(w: number): Generator<Flow, void, undefined> {
      if (current.into ? w !== nodeOf[current.to] : !run.nodeOk(current.to, w)) return;
      const binding: LengthBinding = reversed
        ? { edges: edges.slice().reverse(), inner: inner.slice(0, -1).reverse() }
        : { edges: edges.slice(), inner: inner.slice(0, -1) };
      run.relOf[current.rel] = binding;
      if (rel.slot !== null) run.work[rel.slot] = binding.edges.map((e) => graph.relRef(e));
      if (!current.into) run.bindNode(current.to, w);
      if (keep(current.filters, run.work, x)) yield* run.after(i);
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
        const e = run.usable(view, p, current.rel);
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
}

/** Runs `plan` for every row of `input`, producing rows `width` wide. */
export function* executeMatch(
  plan: MatchPlan,
  input: Iterable<Flow>,
  width: number,
  x: Execution,
): Generator<Flow, void, undefined> {
  const run = new MatchRun(plan, x);
  for (const item of input) {
    if (item === PAUSE) {
      yield PAUSE;
      continue;
    }
    if (x.stopped) return;
    run.incoming = item;
    const work = widen(item.values, width);
    run.work = work;
    for (let n = 0; n < plan.nodes.length; n++) {
      const tests = plan.nodes[n]!.properties;
      for (let k = 0; k < tests.length; k++) run.nodeValues[n]![k] = tests[k]!.value(work, x.run);
    }
    for (let r = 0; r < plan.rels.length; r++) {
      const tests = plan.rels[r]!.properties;
      for (let k = 0; k < tests.length; k++) run.relValues[r]![k] = tests[k]!.value(work, x.run);
    }
    run.nodeOf.fill(-1);
    let found = false;
    if (keep(plan.preFilters, work, x)) {
      for (const out of run.next(0)) {
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
