// Plans a WITH or RETURN: its columns, grouping keys and aggregates, DISTINCT, ORDER BY (on the columns or, when
// nothing is folded, on the variables before them), SKIP, LIMIT and WITH's WHERE; and the scope after it.
import type { Expression, Projection, ProjectionItem, WithClause, ReturnClause } from "./cypher-ast";
import { CypherSyntaxError } from "./cypher-errors";
import type { CypherGraph } from "./cypher-graph";
import { Scope, type VariableKind } from "./cypher-scope";
import {
  compileExpression,
  expressionKey,
  hasAggregate,
  variablesOf,
  type AggregateSpec,
  type Evaluate,
} from "./compile-expression";
import { formatExpression } from "./format-expression";
import { AGGREGATES } from "./functions";

export interface SortKey {
  evaluate: Evaluate;
  descending: boolean;
  /** Evaluated on the output row followed by the input row (ORDER BY a variable that was not projected). */
  combined: boolean;
}

export interface ProjectionPlan {
  kind: "with" | "return";
  columns: string[];
  items: Evaluate[];
  aggregates: AggregateSpec[];
  /** Indexes of the items that are grouping keys, when aggregating. */
  groupKeys: number[];
  aggregating: boolean;
  distinct: boolean;
  sort: SortKey[];
  skip?: Evaluate;
  limit?: Evaluate;
  where?: Evaluate;
  /** The variables after this clause. */
  scope: Scope;
  explain: string[];
}

function isAggregateCall(e: Expression): boolean {
  return e.kind === "count-star" || (e.kind === "call" && AGGREGATES.has(e.name));
}

/** Beside an aggregate, an expression may read variables only through a grouping key. */
function checkGrouping(e: Expression, keys: ReadonlySet<string>): void {
  if (isAggregateCall(e) || keys.has(expressionKey(e))) return;
  if (e.kind === "variable")
    throw new CypherSyntaxError(
      `\`${e.name}\` is used beside an aggregate but is not a grouping key; return it as a column of its own`,
      e.position,
    );
  const inner: Expression[] =
    e.kind === "property"
      ? [e.subject]
      : e.kind === "list"
        ? e.items
        : e.kind === "not"
          ? [e.operand]
          : e.kind === "and" || e.kind === "or" || e.kind === "xor" || e.kind === "string-match"
            ? [e.left, e.right]
            : e.kind === "comparison"
              ? e.operands
              : e.kind === "in"
                ? [e.element, e.list]
                : e.kind === "is-null"
                  ? [e.operand]
                  : e.kind === "has-labels"
                    ? [e.subject]
                    : e.kind === "call"
                      ? e.args
                      : [];
  for (const child of inner) checkGrouping(child, keys);
}

/** SKIP and LIMIT take a non-negative integer: written, or a parameter (checked when the query runs). */
function compileCount(
  e: Expression | undefined,
  what: string,
  context: Parameters<typeof compileExpression>[1],
): Evaluate | undefined {
  if (e === undefined) return undefined;
  if (e.kind === "literal") {
    if (typeof e.value !== "number" || !Number.isInteger(e.value) || e.value < 0)
      throw new CypherSyntaxError(
        `${what} needs a whole number of rows, 0 or more, got ${formatExpression(e)}`,
        e.position,
        ["a whole number", "a parameter"],
      );
  } else if (e.kind !== "parameter") {
    throw new CypherSyntaxError(`${what} needs a whole number or a parameter, got ${formatExpression(e)}`, e.position, [
      "a whole number",
      "a parameter",
    ]);
  }
  return compileExpression(e, context);
}

/**
 * Plans `clause` over `scope` (the variables before it). Throws CypherSyntaxError for an unaliased expression in
 * WITH, two columns of one name, an unknown variable, or a variable used beside an aggregate without being a key.
 */
export function planProjection(
  clause: WithClause | ReturnClause,
  scope: Scope,
  graph: CypherGraph,
  parameters: Set<string>,
): ProjectionPlan {
  const projection: Projection = clause;
  const items: ProjectionItem[] = [];
  if (projection.star) {
    const names = scope.names();
    if (names.length === 0 && projection.items.length === 0)
      throw new CypherSyntaxError(
        `${clause.kind.toUpperCase()} * needs at least one variable in scope`,
        clause.position,
      );
    for (const name of names)
      items.push({
        expression: { kind: "variable", name, position: clause.position },
        text: name,
        position: clause.position,
      });
  }
  items.push(...projection.items);

  const columns: string[] = [];
  const next = new Scope();
  for (const item of items) {
    const name = item.alias?.name ?? (item.expression.kind === "variable" ? item.expression.name : item.text);
    if (clause.kind === "with" && item.alias === undefined && item.expression.kind !== "variable")
      throw new CypherSyntaxError(`an expression in WITH needs a name: write ${item.text} AS name`, item.position, [
        "AS",
      ]);
    if (columns.includes(name))
      throw new CypherSyntaxError(
        `two columns are named \`${name}\`; give one of them another name with AS`,
        item.position,
      );
    columns.push(name);
    const kind: VariableKind =
      item.expression.kind === "variable" ? (scope.get(item.expression.name)?.kind ?? "value") : "value";
    next.add(name, kind);
  }

  const aggregates: AggregateSpec[] = [];
  const aggregating = items.some((item) => hasAggregate(item.expression));
  const groupKeys = aggregating
    ? items.map((item, i) => (hasAggregate(item.expression) ? -1 : i)).filter((i) => i >= 0)
    : [];
  const keyTexts = new Set(groupKeys.map((i) => expressionKey(items[i]!.expression)));
  const compiled = items.map((item) => {
    if (aggregating && hasAggregate(item.expression)) checkGrouping(item.expression, keyTexts);
    return compileExpression(item.expression, {
      scope,
      graph,
      parameters,
      clause: clause.kind.toUpperCase(),
      aggregates,
    });
  });

  // ORDER BY: a column when the expression is one (or names one); otherwise the variables before the projection,
  // which are still there when nothing was folded by DISTINCT or an aggregate.
  const folded = aggregating || projection.distinct;
  const combined = new Scope();
  columns.forEach((name, i) => combined.place(name, next.get(name)!.kind, i));
  if (!folded)
    for (const name of scope.names())
      if (!combined.has(name)) combined.place(name, scope.get(name)!.kind, columns.length + scope.get(name)!.slot);
  const itemKeys = items.map((item) => expressionKey(item.expression));
  const sort: SortKey[] = projection.orderBy.map(({ expression, descending }) => {
    const column = itemKeys.indexOf(expressionKey(expression));
    if (column >= 0) return { evaluate: (row) => row[column] ?? null, descending, combined: false };
    if (hasAggregate(expression))
      throw new CypherSyntaxError(
        "ORDER BY can sort by an aggregate only when it is returned; return it with AS and order by that name",
        expression.position,
      );
    if (folded) {
      const missing = [...variablesOf(expression)].find((name) => !next.has(name));
      if (missing !== undefined)
        throw new CypherSyntaxError(
          `after ${aggregating ? "an aggregate" : "DISTINCT"}, ORDER BY can use only the returned columns, not \`${missing}\`; return it too`,
          expression.position,
          columns,
        );
    }
    const evaluate = compileExpression(expression, {
      scope: combined,
      graph,
      parameters,
      clause: "ORDER BY",
    });
    return { evaluate, descending, combined: !folded };
  });
  const countContext = { scope: new Scope(), graph, parameters, clause: "SKIP or LIMIT" };
  const plan: ProjectionPlan = {
    kind: clause.kind,
    columns,
    items: compiled,
    aggregates,
    groupKeys,
    aggregating,
    distinct: projection.distinct,
    sort,
    scope: next,
    explain: [],
  };
  const skip = compileCount(projection.skip, "SKIP", countContext);
  const limit = compileCount(projection.limit, "LIMIT", countContext);
  if (skip) plan.skip = skip;
  if (limit) plan.limit = limit;
  if (clause.kind === "with" && clause.where)
    plan.where = compileExpression(clause.where, { scope: next, graph, parameters, clause: "WHERE" });

  const explain = plan.explain;
  explain.push(
    `${clause.kind.toUpperCase()}${projection.distinct ? " DISTINCT" : ""} ${columns.map((c) => `\`${c}\``).join(", ")}`,
  );
  if (aggregating)
    explain.push(
      `  group by ${groupKeys.length === 0 ? "nothing (one row)" : groupKeys.map((i) => columns[i]).join(", ")}; ${aggregates.length} aggregate(s)`,
    );
  if (projection.orderBy.length > 0)
    explain.push(
      `  order by ${projection.orderBy.map((s) => `${formatExpression(s.expression)}${s.descending ? " DESC" : ""}`).join(", ")}`,
    );
  if (projection.skip) explain.push(`  skip ${formatExpression(projection.skip)}`);
  if (projection.limit) explain.push(`  limit ${formatExpression(projection.limit)}`);
  if (clause.kind === "with" && clause.where) explain.push(`  then filter: ${formatExpression(clause.where)}`);
  return plan;
}
