// The review statuses a node or edge record carries, written once: the loader, ingest, review, the API and the web
// import them. It imports nothing, so the web/server contract can re-export it.

/**
 * `suggested`: written by a program (`rightsgraph ingest`), not yet looked at; `draft`: accepted by a person, still
 * to be checked; `reviewed`: checked; `rejected`: kept so that it is not suggested again, never shown. A record
 * without a status (hand-written data such as the bundled brief) counts as reviewed.
 */
export const REVIEW_STATUSES = ["suggested", "draft", "reviewed", "rejected"] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** The status of a record that does not write one. */
export const DEFAULT_REVIEW_STATUS: ReviewStatus = "reviewed";

/** The statuses readers show: draft and reviewed by default, suggested too when asked; rejected never. */
export function shownStatuses(suggestions: boolean): ReadonlySet<ReviewStatus> {
  return new Set<ReviewStatus>(suggestions ? ["suggested", "draft", "reviewed"] : ["draft", "reviewed"]);
}

/** Counts of records by status. */
export type StatusCounts = Record<ReviewStatus, number>;

/** Zero of each status. */
export function emptyStatusCounts(): StatusCounts {
  return { suggested: 0, draft: 0, reviewed: 0, rejected: 0 };
}
