// On a narrow window the left column (legend, filters, export) folds into the results area as a "Filters" tab, so
// the canvas and the results share the screen top and bottom and nothing sits a page below the graph.
import type { ResultsArea } from "./results-area.js";

/** The width (CSS pixels) at and below which the explorer stacks; the same figure as the stylesheet's media query. */
export const NARROW_QUERY = "(max-width: 980px)";

export function foldLeftColumn(left: HTMLElement, results: ResultsArea, filtersTab: HTMLElement): void {
  const query = window.matchMedia(NARROW_QUERY);
  const place = (): void => {
    const [from, to] = query.matches ? [left, filtersTab] : [filtersTab, left];
    while (from.firstChild) to.appendChild(from.firstChild);
    if (!query.matches && results.current() === "filters") results.show("details");
  };
  place();
  query.addEventListener("change", place);
}
