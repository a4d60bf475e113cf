// Boundary checks shared by the query options: each throws a ParameterError naming the parameter and the fix.
import { ParameterError } from "../errors";

/** Options as a caller sends them: any of them, each value still to be judged by the resolve*Options function. */
export type OptionsInput<T> = { [K in keyof T]?: unknown };

/** The bounds of a numeric parameter, as `src/api/parameters.ts` writes them. */
export interface Range {
  readonly min: number;
  readonly max: number;
}

/** An integer within [min, max], or a ParameterError naming `parameter`. */
export function checkInteger(context: string, parameter: string, value: unknown, { min, max }: Range): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    throw new ParameterError(
      parameter,
      `${context}: ${parameter} must be an integer from ${min} to ${max}, got ${JSON.stringify(value) ?? String(value)}`,
    );
  }
  return value;
}

/** A number within [min, max], or a ParameterError naming `parameter`. */
export function checkNumber(context: string, parameter: string, value: unknown, { min, max }: Range): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < min || value > max) {
    throw new ParameterError(
      parameter,
      `${context}: ${parameter} must be a number from ${min} to ${max}, got ${JSON.stringify(value) ?? String(value)}`,
    );
  }
  return value;
}

/** One of the allowed strings, or a ParameterError naming `parameter`. */
export function checkOneOf<T extends string>(
  context: string,
  parameter: string,
  value: unknown,
  allowed: readonly T[],
): T {
  if (typeof value !== "string" || !(allowed as readonly string[]).includes(value)) {
    throw new ParameterError(
      parameter,
      `${context}: ${parameter} must be one of ${allowed.map((a) => `"${a}"`).join(", ")}, got ${JSON.stringify(value) ?? String(value)}`,
    );
  }
  return value as T;
}

/** A boolean, or a ParameterError naming `parameter`. */
export function checkBoolean(context: string, parameter: string, value: unknown): boolean {
  if (typeof value !== "boolean") {
    throw new ParameterError(parameter, `${context}: ${parameter} must be true or false, got ${JSON.stringify(value)}`);
  }
  return value;
}

/** A list of known type names (node or edge types), or a ParameterError naming `parameter` and the known names. */
export function checkTypeNames(
  context: string,
  parameter: string,
  value: unknown,
  known: Iterable<string>,
  kind: "node" | "edge",
): string[] {
  if (!Array.isArray(value) || value.some((name) => typeof name !== "string")) {
    throw new ParameterError(parameter, `${context}: ${parameter} must be a list of ${kind} type names`);
  }
  const names = new Set(known);
  for (const name of value as string[]) {
    if (!names.has(name)) {
      throw new ParameterError(
        parameter,
        `${context}: unknown ${kind} type "${name}" in ${parameter}. Known ${kind} types: ${[...names].join(", ")}`,
      );
    }
  }
  return [...new Set(value as string[])];
}
