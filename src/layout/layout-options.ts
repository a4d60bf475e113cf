// Layout settings: defaults, validation and resolution of partial options (the settings pattern).
import { ParameterError } from "../errors";
import type { LayoutOptions } from "./types";

/** Defaults tuned for the bundled graph (hundreds of nodes) that stay bounded for 10^5 nodes. */
export const DEFAULT_LAYOUT_OPTIONS: Readonly<LayoutOptions> = Object.freeze({
  seed: 1,
  iterations: 300,
  minIterations: 5,
  // About a second of ForceAtlas2 on one core (see iterationsFor in compute-layout.ts for the unit).
  workBudget: 100_000_000,
  noverlapIterations: 50,
  // noverlap keeps every candidate pair of a pass in one Set, which exceeds V8's 2^24 limit on a 10^5-node layout.
  noverlapMaxNodes: 10_000,
  minSize: 4,
  sizeScale: 2,
  maxSize: 24,
});

function checkNumber(options: LayoutOptions, name: keyof LayoutOptions, integer: boolean, min: number): void {
  const value = options[name];
  if (typeof value !== "number" || !Number.isFinite(value) || value < min || (integer && !Number.isInteger(value))) {
    const what = integer ? `an integer >= ${min}` : `a finite number >= ${min}`;
    throw new ParameterError(name, `layout: option "${name}" must be ${what}, got ${String(value)}`);
  }
}

/** Throws a `ParameterError` naming the first option that is out of range. */
export function validateLayoutOptions(options: LayoutOptions): void {
  checkNumber(options, "seed", true, -(2 ** 31));
  checkNumber(options, "iterations", true, 1);
  checkNumber(options, "minIterations", true, 1);
  checkNumber(options, "workBudget", false, 1);
  checkNumber(options, "noverlapIterations", true, 0);
  checkNumber(options, "noverlapMaxNodes", true, 0);
  checkNumber(options, "minSize", false, 0);
  checkNumber(options, "sizeScale", false, 0);
  checkNumber(options, "maxSize", false, 0);
  if (options.maxSize < options.minSize) {
    throw new ParameterError(
      "maxSize",
      `layout: option "maxSize" (${options.maxSize}) must not be below "minSize" (${options.minSize})`,
    );
  }
}

/** Fills in defaults for missing options and validates the result. */
export function resolveLayoutOptions(options: Partial<LayoutOptions> = {}): LayoutOptions {
  const resolved: LayoutOptions = { ...DEFAULT_LAYOUT_OPTIONS };
  for (const [name, value] of Object.entries(options) as [keyof LayoutOptions, number | undefined][]) {
    if (!Object.hasOwn(DEFAULT_LAYOUT_OPTIONS, name)) {
      throw new ParameterError(name, `layout: unknown option "${name}"`);
    }
    if (value !== undefined) resolved[name] = value;
  }
  validateLayoutOptions(resolved);
  return resolved;
}
