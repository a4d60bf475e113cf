// The functions of the subset, by lower-case name: aggregates and the few scalar functions over graph values.

/** Aggregating functions: they fold the rows of a group into one value. */
export const AGGREGATES: ReadonlySet<string> = new Set(["count", "collect", "min", "max"]);

/** Every function a query may call, lower-case name -> name as documented. */
export const SUPPORTED_FUNCTIONS: ReadonlyMap<string, string> = new Map(
  [
    "count",
    "collect",
    "min",
    "max",
    "type",
    "labels",
    "length",
    "nodes",
    "relationships",
    "size",
    "coalesce",
    "toLower",
    "toUpper",
  ].map((name) => [name.toLowerCase(), name]),
);

/** How many arguments each function takes: [min, max]. */
export const FUNCTION_ARITY: Readonly<Record<string, [number, number]>> = {
  count: [1, 1],
  collect: [1, 1],
  min: [1, 1],
  max: [1, 1],
  type: [1, 1],
  labels: [1, 1],
  length: [1, 1],
  nodes: [1, 1],
  relationships: [1, 1],
  size: [1, 1],
  coalesce: [1, Infinity],
  tolower: [1, 1],
  toupper: [1, 1],
};
