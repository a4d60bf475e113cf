// Writes an expression of the syntax tree back as Cypher text: for the plan that explain() prints.
import type { Expression, LiteralValue } from "./cypher-ast";

function quoteName(name: string): string {
  return /^[\p{L}_][\p{L}\p{N}_]*$/u.test(name) ? name : `\`${name.replaceAll("`", "``")}\``;
}

function literal(value: LiteralValue): string {
  if (value === null) return "null";
  if (typeof value === "string") return `'${value.replaceAll("\\", "\\\\").replaceAll("'", "\\'")}'`;
  return String(value);
}

/** Cypher text for `e`, parenthesised where a reader could misread the grouping. */
export function formatExpression(e: Expression): string {
  switch (e.kind) {
    case "literal":
      return literal(e.value);
    case "parameter":
      return `$${quoteName(e.name)}`;
    case "variable":
      return quoteName(e.name);
    case "property":
      return `${formatExpression(e.subject)}.${quoteName(e.key.name)}`;
    case "list":
      return `[${e.items.map(formatExpression).join(", ")}]`;
    case "not":
      return `NOT ${formatExpression(e.operand)}`;
    case "and":
    case "or":
    case "xor":
      return `(${formatExpression(e.left)} ${e.kind.toUpperCase()} ${formatExpression(e.right)})`;
    case "comparison":
      return e.operands
        .map((o, i) => (i === 0 ? formatExpression(o) : `${e.operators[i - 1]} ${formatExpression(o)}`))
        .join(" ");
    case "string-match":
      return `${formatExpression(e.left)} ${e.operator} ${formatExpression(e.right)}`;
    case "in":
      return `${formatExpression(e.element)} IN ${formatExpression(e.list)}`;
    case "is-null":
      return `${formatExpression(e.operand)} IS ${e.negated ? "NOT " : ""}NULL`;
    case "has-labels":
      return `${formatExpression(e.subject)}${e.labels.map((l) => `:${quoteName(l.name)}`).join("")}`;
    case "call":
      return `${e.name}(${e.distinct ? "DISTINCT " : ""}${e.args.map(formatExpression).join(", ")})`;
    case "count-star":
      return "count(*)";
  }
}

export { quoteName };
