// How much a load may read and work: a data folder is input, and input may be hostile (a link to /dev/zero, a
// file of gigabytes, a quote that makes every hint search the whole text).
import { ParameterError } from "../errors";

/** The limits of one load. Every file read and every closest-passage hint counts against them. */
export interface LoadLimits {
  /** Largest source text or JSON Lines file, in bytes. */
  fileBytes: number;
  /** Largest YAML file, in bytes: parsed with line tracking, YAML takes about 35 times its size in memory. */
  yamlFileBytes: number;
  /** Most bytes one load reads from the whole folder. */
  folderBytes: number;
  /**
   * Most characters the closest-passage hints of one load may compare (each hint scans its text and quote once).
   * Past it, quotes not found are still reported, without a hint; counted in characters rather than time, so the
   * same folder always gets the same answer.
   */
  hintCharacters: number;
}

const MIB = 1024 * 1024;

/**
 * Sized well above the generated large benchmark corpus (10^6 edges: 4,000 sources, no file over 7 MB, about
 * 260 MB in all), so that it loads, while a hostile folder cannot make a load read without end.
 */
export const DEFAULT_LOAD_LIMITS: Readonly<LoadLimits> = Object.freeze({
  fileBytes: 64 * MIB,
  yamlFileBytes: 8 * MIB,
  folderBytes: 1024 * MIB,
  hintCharacters: 20_000_000,
});

/** The defaults with `limits` laid over them; ParameterError names a limit that is not an integer >= 0. */
export function resolveLoadLimits(limits: Partial<LoadLimits> = {}): LoadLimits {
  const resolved: LoadLimits = { ...DEFAULT_LOAD_LIMITS };
  for (const key of Object.keys(DEFAULT_LOAD_LIMITS) as (keyof LoadLimits)[]) {
    if (!Object.hasOwn(limits, key) || limits[key] === undefined) continue;
    const value = limits[key];
    if (!Number.isSafeInteger(value) || value < 0)
      throw new ParameterError(key, `loadDataset: limits.${key} must be an integer >= 0, got ${String(value)}`);
    resolved[key] = value;
  }
  return resolved;
}
