// On a narrow window the left column (legend, filters, export) folds into the results area as a "Filters" tab, and
// the source reader as a "Source" tab, so the canvas and the results share the screen top and bottom, nothing sits a
// page below the graph, and the reader never covers the answer it quotes.
import type { Store } from "../state/index.js";
import type { ResultsArea } from "./results-area.js";

/** The width (CSS pixels) at and below which the explorer stacks; the same figure as the stylesheet's media query. */
export const NARROW_QUERY = "(max-width: 980px)";

/** Move every child of `from` into `to`, keeping their order. */
function moveChildren(from: HTMLElement, to: HTMLElement): void {
  while (from.firstChild) to.appendChild(from.firstChild);
}

export function foldLeftColumn(left: HTMLElement, results: ResultsArea, filtersTab: HTMLElement): void {
  const query = window.matchMedia(NARROW_QUERY);
  const place = (): void => {
    if (query.matches) moveChildren(left, filtersTab);
    else moveChildren(filtersTab, left);
    if (!query.matches && results.current() === "filters") results.show("details");
  };
  place();
  query.addEventListener("change", place);
}

/**
 * On a narrow window the source reader leaves the dock below the tabs (where it would cover half the sheet) for a tab
 * of its own: opening a quote brings that tab forward, closing the reader goes back to the tab it was opened from.
 */
export function foldSourceReader(results: ResultsArea, sourceTab: HTMLElement, store: Store): void {
  const query = window.matchMedia(NARROW_QUERY);
  let openedFrom: string | null = null;
  const place = (): void => {
    if (query.matches) moveChildren(results.dock, sourceTab);
    else moveChildren(sourceTab, results.dock);
    if (!query.matches && results.current() === "source") results.show(openedFrom ?? "details");
  };
  place();
  query.addEventListener("change", place);
  store.subscribe((state, previous) => {
    if (!query.matches || state.reading === previous.reading) return;
    // A quote asked for ("Show in source") comes forward; an edge selected shows its details first.
    if (state.reading && state.selection === previous.selection) {
      if (results.current() !== "source") openedFrom = results.current();
      results.show("source");
    } else if (!state.reading && results.current() === "source") {
      results.show(openedFrom ?? "details");
    }
  });
}
