// The keys that move the focus through the table's rows, as in the WAI-ARIA grid pattern: one row takes Tab, the
// arrows, Page Up and Page Down, Home and End walk the others. Pure, so the panel only moves the focus.

/** Rows a Page Up or Page Down moves by. */
export const ROWS_PER_PAGE = 10;

/**
 * The row `key` moves the focus to from row `at` among `count` rows (0-based), or null for a key that does not move
 * it. The ends hold: ArrowDown on the last row stays there.
 */
export function rowKeyTarget(key: string, at: number, count: number): number | null {
  if (count === 0) return null;
  const last = count - 1;
  switch (key) {
    case "ArrowDown":
      return Math.min(at + 1, last);
    case "ArrowUp":
      return Math.max(at - 1, 0);
    case "PageDown":
      return Math.min(at + ROWS_PER_PAGE, last);
    case "PageUp":
      return Math.max(at - ROWS_PER_PAGE, 0);
    case "Home":
      return 0;
    case "End":
      return last;
    default:
      return null;
  }
}
