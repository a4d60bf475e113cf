// Runs a planned WITH or RETURN over the incoming rows: projection, grouping with count/collect/min/max, DISTINCT,
// ORDER BY, SKIP, LIMIT and WITH's WHERE. Streams when nothing needs all the rows at once.
import { ParameterError } from "../../errors";
import type { AggregateSpec } from "./compile-expression";
import { CypherTypeError } from "./cypher-errors";
import { MAX_CYPHER_BUFFERED_ROWS } from "./cypher-options";
import { PAUSE, tick, type Execution, type Flow, type Row, type Trail } from "./cypher-rows";
import { equivalenceKey, orderValues, typeName, type CypherValue } from "./cypher-values";
import { TrailDigest } from "./highlight";
import type { ProjectionPlan } from "./plan-projection";
import { sortInSlices } from "./sort-in-slices";

interface Accumulator {
  add(value: CypherValue): void;
  result(): CypherValue;
}

function accumulator(spec: AggregateSpec): Accumulator {
  const seen = spec.distinct ? new Set<string>() : null;
  const fresh = (value: CypherValue): boolean => {
    if (seen === null) return true;
    const key = equivalenceKey(value);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  };
  switch (spec.name) {
    case "count": {
      let count = 0;
      return {
        add: (value) => {
          if (value !== null && fresh(value)) count++;
        },
        result: () => count,
      };
    }
    case "collect": {
      const list: CypherValue[] = [];
      return {
        add: (value) => {
          if (value !== null && fresh(value)) list.push(value);
        },
        result: () => list,
      };
    }
    default: {
      const sign = spec.name === "min" ? 1 : -1;
      let best: CypherValue = null;
      return {
        add: (value) => {
          if (value !== null && (best === null || sign * orderValues(value, best) < 0)) best = value;
        },
        result: () => best,
      };
    }
  }
}

/** SKIP or LIMIT's value: a whole number of rows, 0 or more. */
function count(plan: ProjectionPlan, which: "skip" | "limit", x: Execution): number | undefined {
  const evaluate = plan[which];
  if (evaluate === undefined) return undefined;
  const value = evaluate([], x.run);
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0)
    throw new ParameterError(
      "params",
      `cypher: ${which.toUpperCase()} needs a whole number of rows, 0 or more, got ${JSON.stringify(value) ?? typeName(value)}`,
    );
  return value;
}

function passesWhere(plan: ProjectionPlan, values: CypherValue[], x: Execution): boolean {
  if (plan.where === undefined) return true;
  const value = plan.where(values, x.run);
  if (value === true) return true;
  if (value === false || value === null) return false;
  throw new CypherTypeError(`WHERE needs true, false or null, got ${typeName(value)}`);
}

interface Entry {
  values: CypherValue[];
  input: CypherValue[];
  trail: Trail | null;
}

/** Runs `plan` over `input`. */
export function* executeProjection(
  plan: ProjectionPlan,
  input: Iterable<Flow>,
  x: Execution,
): Generator<Flow, void, undefined> {
  const skip = count(plan, "skip", x) ?? 0;
  const limit = count(plan, "limit", x) ?? Infinity;
  if (limit === 0) return;

  // Streaming: each row is projected and passed on at once; LIMIT stops reading the clauses before.
  if (!plan.aggregating && !plan.distinct && plan.sort.length === 0) {
    let skipped = 0;
    let passed = 0;
    for (const item of input) {
      if (item === PAUSE) {
        yield PAUSE;
        continue;
      }
      if (skipped < skip) {
        skipped++;
        continue;
      }
      const values: CypherValue[] = new Array(plan.items.length);
      for (let k = 0; k < plan.items.length; k++) values[k] = plan.items[k]!(item.values, x.run);
      if (passesWhere(plan, values, x)) yield { values, trail: item.trail };
      if (++passed >= limit) return;
    }
    return;
  }

  // Everything else needs every row first.
  let entries: Entry[] = [];
  const take = function* (each: (row: Row) => void): Generator<Flow, void, undefined> {
    let held = 0;
    for (const item of input) {
      if (item === PAUSE) {
        yield PAUSE;
        continue;
      }
      if (++held > MAX_CYPHER_BUFFERED_ROWS) {
        x.causes.add("buffer-cap");
        return;
      }
      each(item);
      const state = tick(x);
      if (state === "stop") return;
      if (state === "pause") yield PAUSE;
    }
  };

  if (plan.aggregating) {
    interface Group {
      first: Row;
      accumulators: Accumulator[];
      /** What its rows' trails highlight: a group can fold millions of rows, whose trails are not kept. */
      digest: TrailDigest;
    }
    x.clock.enter?.("grouping");
    const groups = new Map<string, Group>();
    yield* take((row) => {
      const keyValues = plan.groupKeys.map((i) => plan.items[i]!(row.values, x.run));
      const key = keyValues.map(equivalenceKey).join("|");
      let group = groups.get(key);
      if (group === undefined) {
        group = { first: row, accumulators: plan.aggregates.map(accumulator), digest: new TrailDigest() };
        groups.set(key, group);
      }
      group.digest.add(row.trail);
      plan.aggregates.forEach((spec, i) =>
        group!.accumulators[i]!.add(spec.argument ? spec.argument(row.values, x.run) : true),
      );
    });
    if (x.stopped) return;
    // No rows and no grouping keys: one row of empty aggregates (count 0, collect [], min null).
    if (groups.size === 0 && plan.groupKeys.length === 0)
      groups.set("", {
        first: { values: [], trail: null },
        accumulators: plan.aggregates.map(accumulator),
        digest: new TrailDigest(),
      });
    x.clock.enter?.("grouped rows");
    for (const group of groups.values()) {
      const state = tick(x);
      if (state === "stop") return;
      if (state === "pause") yield PAUSE;
      x.run.aggregates = group.accumulators.map((a) => a.result());
      const values = plan.items.map((evaluate) => evaluate(group.first.values, x.run));
      entries.push({ values, input: group.first.values, trail: group.digest.trail() });
    }
    x.run.aggregates = [];
  } else {
    yield* take((row) => {
      entries.push({
        values: plan.items.map((evaluate) => evaluate(row.values, x.run)),
        input: row.values,
        trail: row.trail,
      });
    });
    if (x.stopped) return;
  }

  if (plan.distinct) {
    const unique = new Map<string, { entry: Entry; digest: TrailDigest }>();
    for (const entry of entries) {
      const state = tick(x);
      if (state === "stop") return;
      if (state === "pause") yield PAUSE;
      const key = entry.values.map(equivalenceKey).join("|");
      const found = unique.get(key);
      if (found) found.digest.add(entry.trail);
      else {
        const digest = new TrailDigest();
        digest.add(entry.trail);
        unique.set(key, { entry, digest });
      }
    }
    entries = [...unique.values()].map(({ entry, digest }) => ({ ...entry, trail: digest.trail() }));
  }

  if (plan.sort.length > 0) {
    // Keys and sort in slices like the rows before them: up to MAX_CYPHER_BUFFERED_ROWS of them.
    const keyed: { entry: Entry; keys: CypherValue[] }[] = [];
    for (const entry of entries) {
      const state = tick(x);
      if (state === "stop") return;
      if (state === "pause") yield PAUSE;
      keyed.push({
        entry,
        keys: plan.sort.map((key) =>
          key.evaluate(key.combined ? [...entry.values, ...entry.input] : entry.values, x.run),
        ),
      });
    }
    const sorted = yield* sortInSlices(
      keyed,
      (a, b) => {
        for (let k = 0; k < plan.sort.length; k++) {
          const sign = orderValues(a.keys[k]!, b.keys[k]!);
          if (sign !== 0) return plan.sort[k]!.descending ? -sign : sign;
        }
        return 0;
      },
      x,
    );
    if (sorted === null) return;
    entries = sorted.map((k) => k.entry);
  }

  const end = Math.min(entries.length, skip + limit);
  for (let i = skip; i < end; i++) {
    const entry = entries[i]!;
    if (passesWhere(plan, entry.values, x)) yield { values: entry.values, trail: entry.trail };
  }
}
