// How a path reads as one line, step by step with each step's own arrow: shared by the CLI, the web and the cited
// paragraph, so all three show direction the same way. Imports nothing: the web bundles it through the contract.

/** Which way the claims of a path step point along the walk: all along it, all against it, or some each way. */
export type StepDirection = "forward" | "backward" | "both";

/** The arrow of a step: its claims point along the walk (→), against it (←), or both ways (↔). */
export const STEP_ARROWS: Readonly<Record<StepDirection, string>> = Object.freeze({
  forward: "→",
  backward: "←",
  both: "↔",
});

/**
 * A path as one line: "United States of America → UN Security Council debate … ← United Nations Security Council".
 * `labels[i]` names node i, `directions[i]` the step from node i to node i + 1.
 */
export function pathWalk(labels: readonly string[], directions: readonly StepDirection[]): string {
  return labels.map((label, i) => (i === 0 ? label : `${STEP_ARROWS[directions[i - 1]!]} ${label}`)).join(" ");
}
