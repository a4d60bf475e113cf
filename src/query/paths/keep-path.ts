// One path of an answer, chosen by its number (`path=N`, 1-based), for an export or a cited paragraph of that path.
import { PATH_RULES } from "../../api/parameters";
import { ParameterError } from "../../errors";
import { checkInteger } from "../check-parameter";
import type { PathResult } from "../types";

/**
 * The answer with only path `path` (1-based) kept, or the whole answer when `path` is undefined. A number beyond
 * the paths found is a ParameterError naming `path`; an answer with no path is returned as it is (it says why).
 */
export function keepPath(result: PathResult, path: number | undefined): PathResult {
  if (path === undefined || result.type === "none") return result;
  const n = checkInteger("paths", "path", path, PATH_RULES.path);
  if (n > result.paths.length) {
    throw new ParameterError(
      "path",
      `paths: path ${n} was asked for, but the answer has ${result.paths.length} path${result.paths.length === 1 ? "" : "s"}`,
    );
  }
  return { ...result, paths: [result.paths[n - 1]!] };
}
