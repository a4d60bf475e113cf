// Values as the engine holds them while running, and openCypher's rules over them: equality and comparison with
// three-valued logic (null = unknown), the total order ORDER BY and min/max use, and equivalence for grouping.

/** A matched node, by its integer id in the adjacency index. */
export class NodeRef {
  constructor(readonly v: number) {}
}

/** A matched relationship, by its integer edge id in the adjacency index. */
export class RelRef {
  constructor(readonly e: number) {}
}

/** A path: `rels[i]` joins `nodes[i]` and `nodes[i + 1]`, in the order the pattern was written. */
export class PathValue {
  constructor(
    readonly nodes: readonly number[],
    readonly rels: readonly number[],
  ) {}
}

export type CypherValue = null | boolean | number | string | CypherValue[] | NodeRef | RelRef | PathValue;

/** true, false or null (unknown): the three values of Cypher's logic. */
export type Ternary = boolean | null;

/** The type of a value as error messages name it. */
export function typeName(value: CypherValue): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (value instanceof NodeRef) return "a node";
  if (value instanceof RelRef) return "a relationship";
  if (value instanceof PathValue) return "a path";
  if (typeof value === "number") return Number.isInteger(value) ? "an integer" : "a float";
  return typeof value === "string" ? "a string" : "a boolean";
}

/** `a = b`: null when either side is null (or a list holds a null that decides), false across types. */
export function equals(a: CypherValue, b: CypherValue): Ternary {
  if (a === null || b === null) return null;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    let unknown = false;
    for (let i = 0; i < a.length; i++) {
      const same = equals(a[i]!, b[i]!);
      if (same === false) return false;
      if (same === null) unknown = true;
    }
    return unknown ? null : true;
  }
  if (a instanceof NodeRef) return b instanceof NodeRef && a.v === b.v;
  if (a instanceof RelRef) return b instanceof RelRef && a.e === b.e;
  if (a instanceof PathValue) return b instanceof PathValue && samePath(a, b);
  return a === b;
}

function samePath(a: PathValue, b: PathValue): boolean {
  return (
    a.nodes.length === b.nodes.length &&
    a.nodes.every((v, i) => v === b.nodes[i]) &&
    a.rels.every((e, i) => e === b.rels[i])
  );
}

/**
 * `a < b` and friends as a sign: negative, zero or positive when the two are comparable (numbers, strings,
 * booleans, lists of comparable values), null when they are not (across types, null, nodes, NaN).
 */
export function compare(a: CypherValue, b: CypherValue): number | null {
  if (a === null || b === null) return null;
  if (typeof a === "number" && typeof b === "number") {
    if (Number.isNaN(a) || Number.isNaN(b)) return Number.NaN;
    return a < b ? -1 : a > b ? 1 : 0;
  }
  if (typeof a === "string" && typeof b === "string") return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === "boolean" && typeof b === "boolean") return a === b ? 0 : a ? 1 : -1;
  if (Array.isArray(a) && Array.isArray(b)) {
    const shared = Math.min(a.length, b.length);
    for (let i = 0; i < shared; i++) {
      const same = equals(a[i]!, b[i]!);
      if (same === true) continue;
      if (same === null) return null;
      const sign = compare(a[i]!, b[i]!);
      return sign === null || Number.isNaN(sign) ? null : sign;
    }
    return a.length - b.length;
  }
  return null;
}

/** Applies a comparison operator: null when the operands are not comparable; false for any comparison with NaN. */
export function compareWith(operator: "<" | "<=" | ">" | ">=", a: CypherValue, b: CypherValue): Ternary {
  const sign = compare(a, b);
  if (sign === null) return null;
  if (Number.isNaN(sign)) return false;
  switch (operator) {
    case "<":
      return sign < 0;
    case "<=":
      return sign <= 0;
    case ">":
      return sign > 0;
    default:
      return sign >= 0;
  }
}

/** Rank of each kind of value in the global sort order (openCypher orderability): lists before strings, null last. */
function rank(value: CypherValue): number {
  if (value instanceof NodeRef) return 1;
  if (value instanceof RelRef) return 2;
  if (Array.isArray(value)) return 3;
  if (value instanceof PathValue) return 4;
  if (typeof value === "string") return 5;
  if (typeof value === "boolean") return 6;
  if (typeof value === "number") return Number.isNaN(value) ? 8 : 7;
  return 9;
}

/**
 * The total order of ORDER BY (ascending) and of min/max: any two values compare, across types too
 * (node < relationship < list < path < string < boolean < number < NaN < null).
 */
export function orderValues(a: CypherValue, b: CypherValue): number {
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  switch (ra) {
    case 1:
      return (a as NodeRef).v - (b as NodeRef).v;
    case 2:
      return (a as RelRef).e - (b as RelRef).e;
    case 3:
      return orderLists(a as CypherValue[], b as CypherValue[]);
    case 4: {
      const pa = a as PathValue;
      const pb = b as PathValue;
      return orderLists(pathSequence(pa), pathSequence(pb));
    }
    case 5:
      return (a as string) < (b as string) ? -1 : (a as string) > (b as string) ? 1 : 0;
    case 6:
      return a === b ? 0 : a ? 1 : -1;
    case 7:
      return (a as number) - (b as number);
    default:
      return 0;
  }
}

function orderLists(a: CypherValue[], b: CypherValue[]): number {
  const shared = Math.min(a.length, b.length);
  for (let i = 0; i < shared; i++) {
    const sign = orderValues(a[i]!, b[i]!);
    if (sign !== 0) return sign;
  }
  return a.length - b.length;
}

function pathSequence(path: PathValue): CypherValue[] {
  const sequence: CypherValue[] = [new NodeRef(path.nodes[0]!)];
  path.rels.forEach((e, i) => sequence.push(new RelRef(e), new NodeRef(path.nodes[i + 1]!)));
  return sequence;
}

/**
 * A string that two values share exactly when they are equivalent, as DISTINCT and grouping keys treat them:
 * like equality, but null is equivalent to null and NaN to NaN.
 */
export function equivalenceKey(value: CypherValue): string {
  if (value === null) return "N";
  if (typeof value === "string") return `s${JSON.stringify(value)}`;
  if (typeof value === "number") return Number.isNaN(value) ? "NaN" : `n${value === 0 ? 0 : value}`;
  if (typeof value === "boolean") return value ? "T" : "F";
  if (Array.isArray(value)) return `[${value.map(equivalenceKey).join(",")}]`;
  if (value instanceof NodeRef) return `v${value.v}`;
  if (value instanceof RelRef) return `e${value.e}`;
  return `p${value.nodes.join(".")}/${value.rels.join(".")}`;
}
