// Plans one MATCH or OPTIONAL MATCH: resolves its pattern against the scope and the graph, picks the most selective
// place to start (a bound variable, an id, an indexed property, a type), extends hop by hop choosing the cheapest
// next relationship, and attaches each WHERE condition to the first step after which it can be decided.
import type { Expression, MatchClause, NodePattern, PropertyEntry, RelationshipPattern } from "./cypher-ast";
import { CypherSyntaxError, CypherUnsupportedError } from "./cypher-errors";
import type { CypherGraph } from "./cypher-graph";
import { MAX_VARIABLE_LENGTH } from "./cypher-options";
import type { Scope, VariableKind } from "./cypher-scope";
import {
  checkPropertyKey,
  compileExpression,
  resolveLabel,
  resolveRelationshipType,
  variablesOf,
  type Evaluate,
  type ExpressionContext,
} from "./compile-expression";
import { formatExpression, quoteName } from "./format-expression";

export interface PropertyTest {
  key: string;
  value: Evaluate;
  /** The value as written, for the plan. */
  text: string;
}

export interface NodeSpec {
  /** Row slot of its variable, when it has one. */
  slot: number | null;
  /** Bound by an earlier clause: the match must use that node. */
  bound: boolean;
  /** Required type code; null for any type, -1 when the labels contradict each other (nothing matches). */
  typeCode: number | null;
  properties: PropertyTest[];
  text: string;
}

export interface RelSpec {
  slot: number | null;
  /** Bound by an earlier clause: the match must use that relationship. */
  bound: boolean;
  /** Pattern nodes at its written left and right. */
  left: number;
  right: number;
  direction: "right" | "left" | "both";
  /** Allowed type codes (1 = allowed), or null for any type. */
  typeMask: Uint8Array | null;
  min: number;
  max: number;
  variableLength: boolean;
  /** `*` or `*n..` written without an upper bound: stopping at the cap may cut matches. */
  capped: boolean;
  properties: PropertyTest[];
  text: string;
}

export interface PathSpec {
  slot: number;
  /** Pattern node and relationship indexes in written order: rels[i] joins nodes[i] and nodes[i + 1]. */
  nodes: number[];
  rels: number[];
}

export type SeedSource =
  | { kind: "bound"; slot: number }
  | { kind: "id"; value: Evaluate; many: boolean }
  | { kind: "property"; key: string; value: Evaluate; many: boolean }
  | { kind: "type"; code: number }
  | { kind: "all" };

export type MatchStep =
  | { kind: "seed"; node: number; source: SeedSource; filters: Evaluate[]; text: string }
  /** Follows `rel` from pattern node `from` to `to`; `into` when `to` is already matched. */
  | { kind: "expand"; rel: number; from: number; to: number; into: boolean; filters: Evaluate[]; text: string };

export interface MatchPlan {
  optional: boolean;
  nodes: NodeSpec[];
  rels: RelSpec[];
  paths: PathSpec[];
  /** Conditions on earlier variables and parameters only: decided once per incoming row. */
  preFilters: Evaluate[];
  steps: MatchStep[];
  /** Conditions that need a path variable: decided on the complete match. */
  finalFilters: Evaluate[];
  /** Slots this clause binds (set to null by an OPTIONAL MATCH that finds nothing). */
  newSlots: number[];
  /** The plan in words, one line per step, for explain(). */
  explain: string[];
}

interface Candidate {
  score: number;
  source: SeedSource;
  text: string;
}

function conjuncts(expression: Expression | undefined): Expression[] {
  if (expression === undefined) return [];
  if (expression.kind === "and") return [...conjuncts(expression.left), ...conjuncts(expression.right)];
  return [expression];
}

function nodeText(node: NodePattern): string {
  const props = node.properties.map((p) => `${quoteName(p.key.name)}: ${formatExpression(p.value)}`).join(", ");
  return `(${node.variable ? quoteName(node.variable.name) : ""}${node.labels.map((l) => `:${quoteName(l.name)}`).join("")}${props ? ` {${props}}` : ""})`;
}

function relText(rel: RelationshipPattern): string {
  const types = rel.types.map((t) => quoteName(t.name)).join("|");
  const length = rel.length ? `*${rel.length.min}..${rel.length.max ?? ""}` : "";
  const inner = `${rel.variable ? quoteName(rel.variable.name) : ""}${types ? `:${types}` : ""}${length}`;
  const body = inner ? `[${inner}]` : "";
  return rel.direction === "right" ? `-${body}->` : rel.direction === "left" ? `<-${body}-` : `-${body}-`;
}

/**
 * Plans `clause` against `scope` (the variables of earlier clauses), adding the variables it binds to `scope`.
 * Throws CypherSyntaxError for unknown labels, types, properties or variables, and for variables reused as another
 * kind; CypherUnsupportedError for a variable-length upper bound above MAX_VARIABLE_LENGTH.
 */
export function planMatch(clause: MatchClause, scope: Scope, graph: CypherGraph, parameters: Set<string>): MatchPlan {
  const before = scope.copy();
  const earlier: ExpressionContext = { scope: before, graph, parameters, clause: "a pattern's properties" };
  const nodes: NodeSpec[] = [];
  const nodeByName = new Map<string, number>();
  const rels: RelSpec[] = [];
  const paths: PathSpec[] = [];
  const newSlots: number[] = [];
  const relNames = new Set<string>();
  const newVariableStep = new Map<string, () => number>();

  const declare = (name: string, kind: VariableKind, position: NodePattern["position"]): number => {
    const existing = scope.get(name);
    if (existing) {
      const compatible =
        existing.kind === kind || (existing.kind === "value" && (kind === "node" || kind === "relationship"));
      if (!compatible)
        throw new CypherSyntaxError(
          `\`${name}\` is already a ${existing.kind.replace("-", " ")}; it cannot also be a ${kind.replace("-", " ")}`,
          position,
        );
      return existing.slot;
    }
    const slot = scope.add(name, kind).slot;
    newSlots.push(slot);
    return slot;
  };

  const properties = (entries: PropertyEntry[], kind: "node" | "relationship"): PropertyTest[] =>
    entries.map((entry) => {
      checkPropertyKey(graph, entry.key, kind);
      for (const name of variablesOf(entry.value)) {
        if (!before.has(name) && (nodeByName.has(name) || relNames.has(name) || scope.has(name)))
          throw new CypherUnsupportedError(
            `a property map that refers to \`${name}\`, bound in the same MATCH`,
            entry.value.position,
            "Move the condition into WHERE",
          );
      }
      return {
        key: entry.key.name,
        value: compileExpression(entry.value, earlier),
        text: formatExpression(entry.value),
      };
    });

  const addNode = (pattern: NodePattern): number => {
    const name = pattern.variable?.name;
    const codes = pattern.labels.map((label) => resolveLabel(graph, label));
    const typeCode = codes.length === 0 ? null : codes.every((c) => c === codes[0]) ? codes[0]! : -1;
    const tests = properties(pattern.properties, "node");
    if (name !== undefined && nodeByName.has(name)) {
      const index = nodeByName.get(name)!;
      const spec = nodes[index]!;
      if (typeCode !== null) spec.typeCode = spec.typeCode === null || spec.typeCode === typeCode ? typeCode : -1;
      spec.properties.push(...tests);
      return index;
    }
    if (name !== undefined && relNames.has(name))
      throw new CypherSyntaxError(
        `\`${name}\` is already a relationship; it cannot also be a node`,
        pattern.variable!.position,
      );
    const bound = name !== undefined && before.has(name);
    const slot = name === undefined ? null : declare(name, "node", pattern.variable!.position);
    const index = nodes.length;
    nodes.push({ slot, bound, typeCode, properties: tests, text: nodeText(pattern) });
    if (name !== undefined) nodeByName.set(name, index);
    return index;
  };

  const patternTexts: string[] = [];
  for (const part of clause.patterns) {
    patternTexts.push(
      `${part.pathVariable ? `${quoteName(part.pathVariable.name)} = ` : ""}${part.nodes.map((node, i) => `${i > 0 ? relText(part.relationships[i - 1]!) : ""}${nodeText(node)}`).join("")}`,
    );
    if (part.pathVariable && (scope.has(part.pathVariable.name) || nodeByName.has(part.pathVariable.name)))
      throw new CypherSyntaxError(
        `\`${part.pathVariable.name}\` is already defined; a path needs a new name`,
        part.pathVariable.position,
      );
    const nodeIndexes = [addNode(part.nodes[0]!)];
    const relIndexes: number[] = [];
    part.relationships.forEach((pattern, i) => {
      const left = nodeIndexes[i]!;
      const name = pattern.variable?.name;
      const variableLength = pattern.length !== undefined;
      if (name !== undefined) {
        if (relNames.has(name))
          throw new CypherSyntaxError(
            `relationship variable \`${name}\` is used twice in one MATCH; a match never repeats a relationship`,
            pattern.variable!.position,
          );
        if (nodeByName.has(name))
          throw new CypherSyntaxError(
            `\`${name}\` is already a node; it cannot also be a relationship`,
            pattern.variable!.position,
          );
        if (variableLength && before.has(name))
          throw new CypherUnsupportedError(
            `a variable-length relationship bound to \`${name}\` from an earlier clause`,
            pattern.variable!.position,
          );
        relNames.add(name);
      }
      let typeMask: Uint8Array | null = null;
      if (pattern.types.length > 0) {
        typeMask = new Uint8Array(graph.index.edgeTypeNames.length);
        for (const type of pattern.types) typeMask[resolveRelationshipType(graph, type)] = 1;
      }
      let min = 1;
      let max = 1;
      let capped = false;
      if (pattern.length) {
        min = pattern.length.min;
        if (pattern.length.max === null) {
          max = MAX_VARIABLE_LENGTH;
          capped = true;
        } else max = pattern.length.max;
        if (max > MAX_VARIABLE_LENGTH)
          throw new CypherUnsupportedError(
            `a variable-length relationship of up to ${max} hops`,
            pattern.position,
            `The most is ${MAX_VARIABLE_LENGTH}`,
          );
        if (min > max)
          throw new CypherUnsupportedError(
            `a variable-length relationship of at least ${min} hops`,
            pattern.position,
            `The most is ${MAX_VARIABLE_LENGTH}`,
          );
      }
      const bound = name !== undefined && before.has(name);
      // Declared before the node to its right, so that RETURN * lists variables in the order written.
      const slot =
        name === undefined
          ? null
          : declare(name, variableLength ? "relationship-list" : "relationship", pattern.variable!.position);
      const right = addNode(part.nodes[i + 1]!);
      nodeIndexes.push(right);
      relIndexes.push(rels.length);
      rels.push({
        slot,
        bound,
        left,
        right,
        direction: pattern.direction,
        typeMask,
        min,
        max,
        variableLength,
        capped,
        properties: properties(pattern.properties, "relationship"),
        text: relText(pattern),
      });
    });
    if (part.pathVariable) {
      const slot = declare(part.pathVariable.name, "path", part.pathVariable.position);
      paths.push({ slot, nodes: nodeIndexes, rels: relIndexes });
      newVariableStep.set(part.pathVariable.name, () => Infinity);
    }
  }

  // The WHERE conditions, compiled against the scope with this clause's variables, split at AND.
  const after: ExpressionContext = { scope, graph, parameters, clause: "WHERE" };
  const conditions = conjuncts(clause.where).map((expression) => ({
    expression,
    evaluate: compileExpression(expression, after),
    needs: [...variablesOf(expression)].filter((name) => !before.has(name)),
  }));

  // Where to start: each node's best source of candidates.
  const index = graph.index;
  const candidatesOf = (n: number): Candidate => {
    const spec = nodes[n]!;
    if (spec.bound)
      return { score: 0.5, source: { kind: "bound", slot: spec.slot! }, text: "bound by an earlier clause" };
    if (spec.typeCode === -1)
      return { score: 0, source: { kind: "all" }, text: "contradictory labels: nothing matches" };
    let best: Candidate =
      spec.typeCode === null
        ? { score: index.nodeCount + 1, source: { kind: "all" }, text: `all nodes (${index.nodeCount})` }
        : {
            score: graph.nodesOfType[spec.typeCode]!.length,
            source: { kind: "type", code: spec.typeCode },
            text: `type index :${quoteName(index.nodeTypeNames[spec.typeCode]!)} (${graph.nodesOfType[spec.typeCode]!.length} nodes)`,
          };
    const consider = (key: string, value: Evaluate, many: boolean, shown: string): void => {
      const score = key === "id" ? (many ? 5 : 1) : many ? 20 : key === "label" ? 2 : 10;
      if (score >= best.score) return;
      best =
        key === "id"
          ? { score, source: { kind: "id", value, many }, text: `id ${many ? "IN" : "="} ${shown}` }
          : {
              score,
              source: { kind: "property", key, value, many },
              text: `property index on ${key} ${many ? "IN" : "="} ${shown}`,
            };
    };
    for (const test of spec.properties) consider(test.key, test.value, false, test.text);
    const name = [...nodeByName].find(([, i]) => i === n)?.[0];
    if (name !== undefined) {
      for (const condition of conditions) {
        const lookup = equalityLookup(condition.expression, name, before);
        if (lookup) {
          const value = compileExpression(lookup.value, { ...after, scope: before });
          consider(lookup.key, value, lookup.many, formatExpression(lookup.value));
        }
      }
    }
    return best;
  };

  // Expansion order: greedy, cheapest next relationship from what is matched.
  const averageDegree = (rel: RelSpec): number => {
    const count =
      rel.typeMask === null
        ? index.edgeCount
        : graph.edgeCountOfType.reduce((sum, c, code) => sum + (rel.typeMask![code] ? c : 0), 0);
    const perNode = count / Math.max(1, index.nodeCount);
    return rel.direction === "both" ? 2 * perNode : perNode;
  };
  const steps: MatchStep[] = [];
  const explain: string[] = [];
  const matched = new Set<number>();
  const stepOfNode = new Map<number, number>();
  const stepOfRel = new Map<number, number>();
  const usedRels = new Set<number>();
  const seed = (n: number): void => {
    const candidate = candidatesOf(n);
    stepOfNode.set(n, steps.length);
    matched.add(n);
    steps.push({
      kind: "seed",
      node: n,
      source: candidate.source,
      filters: [],
      text: `${nodes[n]!.text} by ${candidate.text}`,
    });
  };
  const unmatchedNodes = () => nodes.map((_, n) => n).filter((n) => !matched.has(n));
  // Nodes bound by earlier clauses are one candidate each: take them first, so relationships between them are checks.
  nodes.forEach((spec, n) => {
    if (spec.bound) seed(n);
  });
  while (usedRels.size < rels.length || matched.size < nodes.length) {
    let chosen: { rel: number; from: number; cost: number } | null = null;
    rels.forEach((rel, r) => {
      if (usedRels.has(r)) return;
      const leftIn = matched.has(rel.left);
      const rightIn = matched.has(rel.right);
      if (!leftIn && !rightIn) return;
      const cost = rel.bound
        ? 0
        : leftIn && rightIn
          ? 0.1
          : Math.pow(Math.max(averageDegree(rel), 1e-3), rel.variableLength ? rel.max : 1);
      if (chosen === null || cost < chosen.cost) chosen = { rel: r, from: leftIn ? rel.left : rel.right, cost };
    });
    if (chosen === null) {
      const best = unmatchedNodes()
        .map((n) => ({ n, score: candidatesOf(n).score }))
        .sort((a, b) => a.score - b.score || a.n - b.n)[0]!;
      seed(best.n);
      continue;
    }
    const { rel: r, from } = chosen as { rel: number; from: number };
    const rel = rels[r]!;
    const to = from === rel.left ? rel.right : rel.left;
    const into = matched.has(to);
    usedRels.add(r);
    stepOfRel.set(r, steps.length);
    if (!into) {
      stepOfNode.set(to, steps.length);
      matched.add(to);
    }
    const reversed = from !== rel.left;
    const view =
      rel.direction === "both"
        ? "both directions"
        : (rel.direction === "right") !== reversed
          ? "out-edges"
          : "in-edges";
    steps.push({
      kind: "expand",
      rel: r,
      from,
      to,
      into,
      filters: [],
      text: `${into ? "check" : "expand"} ${nodes[rel.left]!.text}${rel.text}${nodes[rel.right]!.text} from ${nodes[from]!.text}: ${view}${rel.bound ? " (bound relationship)" : ""}${rel.typeMask ? "" : ", any type"}${rel.capped ? `, at most ${MAX_VARIABLE_LENGTH} hops` : ""}`,
    });
  }

  for (const [name, n] of nodeByName) if (!before.has(name)) newVariableStep.set(name, () => stepOfNode.get(n)!);
  rels.forEach((rel, r) => {
    if (rel.slot === null || rel.bound) return;
    const name = scope.names().find((candidate) => scope.get(candidate)!.slot === rel.slot)!;
    newVariableStep.set(name, () => stepOfRel.get(r)!);
  });

  const preFilters: Evaluate[] = [];
  const finalFilters: Evaluate[] = [];
  const preText: string[] = [];
  const finalText: string[] = [];
  const stepText: string[][] = steps.map(() => []);
  for (const condition of conditions) {
    const at = Math.max(-1, ...condition.needs.map((name) => newVariableStep.get(name)?.() ?? -1));
    const text = formatExpression(condition.expression);
    if (at === -1) {
      preFilters.push(condition.evaluate);
      preText.push(text);
    } else if (at === Infinity) {
      finalFilters.push(condition.evaluate);
      finalText.push(text);
    } else {
      steps[at]!.filters.push(condition.evaluate);
      stepText[at]!.push(text);
    }
  }

  explain.push(`${clause.optional ? "OPTIONAL MATCH" : "MATCH"} ${patternTexts.join(", ")}`);
  for (const text of preText) explain.push(`  filter first: ${text}`);
  steps.forEach((step, i) => {
    explain.push(`  ${i + 1}. ${step.kind === "seed" ? "start at " : ""}${step.text}`);
    for (const text of stepText[i]!) explain.push(`     filter: ${text}`);
  });
  for (const text of finalText) explain.push(`  filter on the whole match: ${text}`);
  if (paths.length > 0) explain.push(`  build ${paths.length} path(s)`);

  return { optional: clause.optional, nodes, rels, paths, preFilters, steps, finalFilters, newSlots, explain };
}

/** `x.key = value`, `value = x.key` or `x.key IN list`, with `value` independent of this clause's new variables. */
function equalityLookup(
  expression: Expression,
  name: string,
  before: Scope,
): { key: string; value: Expression; many: boolean } | null {
  const isProperty = (e: Expression): e is Extract<Expression, { kind: "property" }> =>
    e.kind === "property" && e.subject.kind === "variable" && e.subject.name === name;
  const independent = (e: Expression): boolean => [...variablesOf(e)].every((v) => before.has(v));
  if (expression.kind === "comparison" && expression.operators.length === 1 && expression.operators[0] === "=") {
    const [a, b] = expression.operands as [Expression, Expression];
    if (isProperty(a) && independent(b)) return { key: a.key.name, value: b, many: false };
    if (isProperty(b) && independent(a)) return { key: b.key.name, value: a, many: false };
  }
  if (expression.kind === "in" && isProperty(expression.element) && independent(expression.list))
    return { key: expression.element.key.name, value: expression.list, many: true };
  return null;
}
