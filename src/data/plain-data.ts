// Parsed data is plain objects: these read it by its own fields only, never by what every object inherits.

/** A mapping (a plain object), not a list, a scalar or null. */
export function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The field `key` of parsed data, or undefined when the data does not hold it itself: `data.constructor` and
 * `data.toString` would otherwise read the functions every object inherits.
 */
export function own(data: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(data, key) ? data[key] : undefined;
}
