// Checks the values a caller passes for $parameters, once, at the boundary: JSON scalars and lists of them.
import { ParameterError } from "../../errors";
import type { CypherValue } from "./cypher-values";

function convert(name: string, value: unknown, depth: number): CypherValue {
  if (value === null || typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") {
    if (!Number.isFinite(value))
      throw new ParameterError("params", `cypher: parameter $${name} must be a finite number, got ${String(value)}`);
    if (Number.isInteger(value) && !Number.isSafeInteger(value))
      throw new ParameterError(
        "params",
        `cypher: parameter $${name} is an integer beyond ±(2^53 - 1), which is not held exactly`,
      );
    return value;
  }
  if (Array.isArray(value) && depth < 8) return value.map((item) => convert(name, item, depth + 1));
  throw new ParameterError(
    "params",
    `cypher: parameter $${name} must be a string, a number, true, false, null or a list of these, got ${Array.isArray(value) ? "a list nested too deep" : typeof value === "object" ? "an object" : typeof value}`,
  );
}

/**
 * The values of the parameters a query uses, checked. `params` must be a plain object (or undefined when the query
 * uses none); a parameter the query uses but `params` lacks is a ParameterError naming it. Others are ignored.
 */
export function resolveParameters(used: Iterable<string>, params: unknown): Map<string, CypherValue> {
  if (params !== undefined && (params === null || typeof params !== "object" || Array.isArray(params)))
    throw new ParameterError("params", "cypher: params must be an object of parameter names and values");
  const given = (params ?? {}) as Record<string, unknown>;
  const values = new Map<string, CypherValue>();
  for (const name of used) {
    if (!Object.hasOwn(given, name))
      throw new ParameterError("params", `cypher: the query uses $${name}, but no value was given for it`);
    values.set(name, convert(name, given[name], 0));
  }
  return values;
}
