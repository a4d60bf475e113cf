// Compiles an expression of the syntax tree into a closure over a row: names resolved once, against the scope and
// the graph, so evaluation does no look-ups by name. Cypher's null semantics live here and in cypher-values.ts.
import { closestIds } from "../../schema/closest-ids";
import type { Expression, Name } from "./cypher-ast";
import { CypherSyntaxError, CypherTypeError } from "./cypher-errors";
import type { CypherGraph } from "./cypher-graph";
import { nodeProperty, relationshipProperty } from "./cypher-properties";
import type { Scope, VariableKind } from "./cypher-scope";
import {
  compareWith,
  equals,
  NodeRef,
  PathValue,
  RelRef,
  typeName,
  type CypherValue,
  type Ternary,
} from "./cypher-values";
import { AGGREGATES, FUNCTION_ARITY, SUPPORTED_FUNCTIONS } from "./functions";

/** What an evaluation may read besides the row: the graph, the parameters, and a group's aggregate values. */
export interface RunState {
  graph: CypherGraph;
  params: ReadonlyMap<string, CypherValue>;
  /** While a group is projected: the values of its aggregates, by AggregateSpec index. */
  aggregates: CypherValue[];
}

export type Evaluate = (row: readonly CypherValue[], run: RunState) => CypherValue;

export type AggregateName = "count" | "collect" | "min" | "max";

/** One aggregate call of a projection: `argument` is null for count(*). */
export interface AggregateSpec {
  name: AggregateName;
  distinct: boolean;
  argument: Evaluate | null;
}

export interface ExpressionContext {
  scope: Scope;
  graph: CypherGraph;
  /** Collects the names of the parameters the query uses. */
  parameters: Set<string>;
  /** Where aggregate calls are collected; when absent, an aggregate here is an error naming `clause`. */
  aggregates?: AggregateSpec[];
  /** The clause being compiled, for messages ("WHERE", "a pattern's properties", "ORDER BY"). */
  clause: string;
}

/** The variables an expression reads. */
export function variablesOf(expression: Expression, into = new Set<string>()): Set<string> {
  walk(expression, (e) => {
    if (e.kind === "variable") into.add(e.name);
  });
  return into;
}

/** Whether an expression calls an aggregating function anywhere. */
export function hasAggregate(expression: Expression): boolean {
  let found = false;
  walk(expression, (e) => {
    if (e.kind === "count-star" || (e.kind === "call" && AGGREGATES.has(e.name))) found = true;
  });
  return found;
}

function children(e: Expression): Expression[] {
  switch (e.kind) {
    case "property":
      return [e.subject];
    case "list":
      return e.items;
    case "not":
      return [e.operand];
    case "and":
    case "or":
    case "xor":
    case "string-match":
      return [e.left, e.right];
    case "comparison":
      return e.operands;
    case "in":
      return [e.element, e.list];
    case "is-null":
      return [e.operand];
    case "has-labels":
      return [e.subject];
    case "call":
      return e.args;
    default:
      return [];
  }
}

function walk(expression: Expression, visit: (e: Expression) => void): void {
  visit(expression);
  for (const child of children(expression)) walk(child, visit);
}

/** A canonical text of an expression, equal for two expressions written alike (positions and case of keywords aside). */
export function expressionKey(e: Expression): string {
  switch (e.kind) {
    case "literal":
      return JSON.stringify(e.value);
    case "parameter":
      return `$${e.name}`;
    case "variable":
      return `v:${e.name}`;
    case "property":
      return `${expressionKey(e.subject)}.${e.key.name}`;
    case "list":
      return `[${e.items.map(expressionKey).join(",")}]`;
    case "not":
      return `not(${expressionKey(e.operand)})`;
    case "and":
    case "or":
    case "xor":
    case "string-match":
      return `${e.kind === "string-match" ? e.operator : e.kind}(${expressionKey(e.left)},${expressionKey(e.right)})`;
    case "comparison":
      return `cmp(${e.operands.map(expressionKey).join(",")};${e.operators.join(",")})`;
    case "in":
      return `in(${expressionKey(e.element)},${expressionKey(e.list)})`;
    case "is-null":
      return `${e.negated ? "notnull" : "null"}(${expressionKey(e.operand)})`;
    case "has-labels":
      return `labels(${expressionKey(e.subject)}:${e.labels.map((l) => l.name).join(":")})`;
    case "call":
      return `${e.name}(${e.distinct ? "distinct " : ""}${e.args.map(expressionKey).join(",")})`;
    case "count-star":
      return "count(*)";
  }
}

function suggest(candidates: Iterable<string>, name: string): string {
  const close = closestIds(candidates, name);
  return close.length > 0 ? `; did you mean ${close.map((c) => `\`${c}\``).join(" or ")}?` : "";
}

/** Checks a label against the node types the graph knows; returns its type code. */
export function resolveLabel(graph: CypherGraph, label: Name): number {
  const code = graph.index.nodeTypeCode.get(label.name);
  if (code !== undefined) return code;
  const known = graph.index.nodeTypeNames;
  throw new CypherSyntaxError(
    `unknown label \`${label.name}\`: labels are node types (${known.join(", ")})${suggest(known, label.name)}`,
    label.position,
    known,
  );
}

/** Checks a relationship type against the edge types the graph knows; returns its type code. */
export function resolveRelationshipType(graph: CypherGraph, type: Name): number {
  const code = graph.index.edgeTypeCode.get(type.name);
  if (code !== undefined) return code;
  const known = graph.index.edgeTypeNames;
  throw new CypherSyntaxError(
    `unknown relationship type \`${type.name}\`: relationship types are edge types (${known.join(", ")})${suggest(known, type.name)}`,
    type.position,
    known,
  );
}

/** Checks a property key against those nodes (or relationships, or either) may have. */
export function checkPropertyKey(graph: CypherGraph, key: Name, kind: VariableKind | "any"): void {
  const keys =
    kind === "node"
      ? graph.nodePropertyKeys
      : kind === "relationship" || kind === "relationship-list"
        ? graph.relationshipPropertyKeys
        : new Set([...graph.nodePropertyKeys, ...graph.relationshipPropertyKeys]);
  if (keys.has(key.name)) return;
  const what =
    kind === "node"
      ? "nodes"
      : kind === "relationship" || kind === "relationship-list"
        ? "relationships"
        : "nodes or relationships";
  throw new CypherSyntaxError(
    `unknown property \`${key.name}\`: no ${what} in this graph have it${suggest(keys, key.name)}`,
    key.position,
    [...keys],
  );
}

/** Reads property `key` of a node or relationship; null for a missing one or a null subject. */
export function readProperty(subject: CypherValue, key: string, graph: CypherGraph): CypherValue {
  if (subject === null) return null;
  if (subject instanceof NodeRef) {
    const value = nodeProperty(graph.index.nodeIds[subject.v]!, graph.nodeAttributes[subject.v]!, key);
    return value === undefined ? null : (value as CypherValue);
  }
  if (subject instanceof RelRef) {
    const value = relationshipProperty(graph.index.edgeIds[subject.e]!, graph.edgeAttributes[subject.e]!, key);
    return value === undefined ? null : (value as CypherValue);
  }
  throw new CypherTypeError(
    `cannot read property \`${key}\` of ${typeName(subject)}: only nodes and relationships have properties`,
  );
}

function truth(value: CypherValue, where: string): Ternary {
  if (value === null || typeof value === "boolean") return value;
  throw new CypherTypeError(`${where} needs true, false or null, got ${typeName(value)}`);
}

function and(a: Ternary, b: Ternary): Ternary {
  if (a === false || b === false) return false;
  return a === null || b === null ? null : true;
}

function or(a: Ternary, b: Ternary): Ternary {
  if (a === true || b === true) return true;
  return a === null || b === null ? null : false;
}

/** Compiles `expression` against `context`; names are checked here, so a bad name fails before anything runs. */
export function compileExpression(expression: Expression, context: ExpressionContext): Evaluate {
  const e = expression;
  switch (e.kind) {
    case "literal": {
      const value = e.value;
      return () => value;
    }
    case "parameter": {
      context.parameters.add(e.name);
      const name = e.name;
      return (_row, run) => run.params.get(name) ?? null;
    }
    case "variable": {
      const slot = context.scope.resolve(e.name, e.position).slot;
      return (row) => row[slot] ?? null;
    }
    case "property": {
      const kind = e.subject.kind === "variable" ? (context.scope.get(e.subject.name)?.kind ?? "any") : "any";
      const subject = compileExpression(e.subject, context);
      if (kind === "path" || kind === "relationship-list")
        throw new CypherSyntaxError(
          `\`${(e.subject as { name: string }).name}\` is a ${kind === "path" ? "path" : "list of relationships"}, which has no properties`,
          e.key.position,
        );
      checkPropertyKey(context.graph, e.key, kind === "value" ? "any" : kind);
      const key = e.key.name;
      return (row, run) => readProperty(subject(row, run), key, run.graph);
    }
    case "list": {
      const items = e.items.map((item) => compileExpression(item, context));
      return (row, run) => items.map((item) => item(row, run));
    }
    case "not": {
      const operand = compileExpression(e.operand, context);
      return (row, run) => {
        const value = truth(operand(row, run), "NOT");
        return value === null ? null : !value;
      };
    }
    case "and":
    case "or":
    case "xor": {
      const left = compileExpression(e.left, context);
      const right = compileExpression(e.right, context);
      const word = e.kind.toUpperCase();
      if (e.kind === "and")
        return (row, run) => {
          const a = truth(left(row, run), word);
          if (a === false) return false;
          return and(a, truth(right(row, run), word));
        };
      if (e.kind === "or")
        return (row, run) => {
          const a = truth(left(row, run), word);
          if (a === true) return true;
          return or(a, truth(right(row, run), word));
        };
      return (row, run) => {
        const a = truth(left(row, run), word);
        const b = truth(right(row, run), word);
        return a === null || b === null ? null : a !== b;
      };
    }
    case "comparison": {
      const operands = e.operands.map((operand) => compileExpression(operand, context));
      const operators = e.operators;
      return (row, run) => {
        const values = operands.map((operand) => operand(row, run));
        let result: Ternary = true;
        for (let i = 0; i < operators.length; i++) {
          const operator = operators[i]!;
          const a = values[i]!;
          const b = values[i + 1]!;
          let step: Ternary;
          if (operator === "=") step = equals(a, b);
          else if (operator === "<>") {
            const same = equals(a, b);
            step = same === null ? null : !same;
          } else step = compareWith(operator, a, b);
          result = and(result, step);
          if (result === false) return false;
        }
        return result;
      };
    }
    case "string-match": {
      const left = compileExpression(e.left, context);
      const right = compileExpression(e.right, context);
      const test =
        e.operator === "STARTS WITH"
          ? (a: string, b: string) => a.startsWith(b)
          : e.operator === "ENDS WITH"
            ? (a: string, b: string) => a.endsWith(b)
            : (a: string, b: string) => a.includes(b);
      return (row, run) => {
        const a = left(row, run);
        const b = right(row, run);
        return typeof a === "string" && typeof b === "string" ? test(a, b) : null;
      };
    }
    case "in": {
      const element = compileExpression(e.element, context);
      const list = compileExpression(e.list, context);
      return (row, run) => {
        const items = list(row, run);
        if (items === null) return null;
        if (!Array.isArray(items)) throw new CypherTypeError(`IN needs a list on its right, got ${typeName(items)}`);
        const value = element(row, run);
        let unknown = false;
        for (const item of items) {
          const same = equals(value, item);
          if (same === true) return true;
          if (same === null) unknown = true;
        }
        return unknown ? null : false;
      };
    }
    case "is-null": {
      const operand = compileExpression(e.operand, context);
      return e.negated ? (row, run) => operand(row, run) !== null : (row, run) => operand(row, run) === null;
    }
    case "has-labels": {
      const subject = compileExpression(e.subject, context);
      const codes = e.labels.map((label) => resolveLabel(context.graph, label));
      return (row, run) => {
        const value = subject(row, run);
        if (value === null) return null;
        if (!(value instanceof NodeRef)) throw new CypherTypeError(`a label test needs a node, got ${typeName(value)}`);
        const type = run.graph.index.nodeType[value.v];
        return codes.every((code) => code === type);
      };
    }
    case "count-star":
    case "call":
      return compileCall(e, context);
  }
}

function compileCall(
  e: Extract<Expression, { kind: "call" } | { kind: "count-star" }>,
  context: ExpressionContext,
): Evaluate {
  const name = e.kind === "count-star" ? "count" : e.name;
  if (AGGREGATES.has(name)) {
    const aggregates = context.aggregates;
    if (aggregates === undefined)
      throw new CypherSyntaxError(
        `${e.kind === "count-star" ? "count(*)" : `${name}()`} cannot be used in ${context.clause}`,
        e.position,
      );
    let argument: Evaluate | null = null;
    if (e.kind === "call") {
      checkArity(e, name);
      if (hasAggregate(e.args[0]!))
        throw new CypherSyntaxError(`an aggregate cannot be nested inside ${name}()`, e.args[0]!.position);
      // The argument is evaluated on each row of the group, where aggregates do not apply.
      argument = compileExpression(e.args[0]!, {
        ...context,
        aggregates: undefined,
        clause: `the argument of ${name}()`,
      });
    }
    const index = aggregates.length;
    aggregates.push({ name: name as AggregateName, distinct: e.kind === "call" && e.distinct, argument });
    return (_row, run) => run.aggregates[index] ?? null;
  }
  if (e.kind === "count-star") throw new Error("unreachable");
  checkArity(e, name);
  if (e.distinct)
    throw new CypherSyntaxError(
      `DISTINCT applies to aggregating functions only, not ${SUPPORTED_FUNCTIONS.get(name)}()`,
      e.position,
    );
  const args = e.args.map((arg) => compileExpression(arg, context));
  const display = SUPPORTED_FUNCTIONS.get(name)!;
  const one = args[0]!;
  const fail = (value: CypherValue, wanted: string): never => {
    throw new CypherTypeError(`${display}() needs ${wanted}, got ${typeName(value)}`);
  };
  switch (name) {
    case "type":
      return (row, run) => {
        const value = one(row, run);
        if (value === null) return null;
        if (!(value instanceof RelRef)) return fail(value, "a relationship");
        return run.graph.index.edgeTypeNames[run.graph.index.edgeType[value.e]!]!;
      };
    case "labels":
      return (row, run) => {
        const value = one(row, run);
        if (value === null) return null;
        if (!(value instanceof NodeRef)) return fail(value, "a node");
        return [run.graph.index.nodeTypeNames[run.graph.index.nodeType[value.v]!]!];
      };
    case "length":
      return (row, run) => {
        const value = one(row, run);
        if (value === null) return null;
        if (!(value instanceof PathValue)) return fail(value, "a path (size() measures lists and strings)");
        return value.rels.length;
      };
    case "nodes":
      return (row, run) => {
        const value = one(row, run);
        if (value === null) return null;
        if (!(value instanceof PathValue)) return fail(value, "a path");
        return value.nodes.map((v) => run.graph.nodeRef(v));
      };
    case "relationships":
      return (row, run) => {
        const value = one(row, run);
        if (value === null) return null;
        if (!(value instanceof PathValue)) return fail(value, "a path");
        return value.rels.map((r) => run.graph.relRef(r));
      };
    case "size":
      return (row, run) => {
        const value = one(row, run);
        if (value === null) return null;
        if (typeof value === "string" || Array.isArray(value)) return value.length;
        return fail(value, "a list or a string (length() measures paths)");
      };
    case "coalesce":
      return (row, run) => {
        for (const arg of args) {
          const value = arg(row, run);
          if (value !== null) return value;
        }
        return null;
      };
    case "tolower":
    case "toupper": {
      const upper = name === "toupper";
      return (row, run) => {
        const value = one(row, run);
        if (value === null) return null;
        if (typeof value !== "string") return fail(value, "a string");
        return upper ? value.toUpperCase() : value.toLowerCase();
      };
    }
    default:
      throw new Error(`compileCall: no implementation for ${name}`);
  }
}

function checkArity(e: Extract<Expression, { kind: "call" }>, name: string): void {
  const [min, max] = FUNCTION_ARITY[name]!;
  if (e.args.length < min || e.args.length > max) {
    const wanted = min === max ? `${min} argument${min === 1 ? "" : "s"}` : `at least ${min} argument`;
    throw new CypherSyntaxError(`${SUPPORTED_FUNCTIONS.get(name)}() takes ${wanted}, got ${e.args.length}`, e.position);
  }
}
