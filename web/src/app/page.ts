// The elements of index.html the explorer fills, looked up once: a missing one fails at start-up, naming its id.
export interface ExplorerPage {
  /** The status line, read by screen readers. */
  status: HTMLElement;
  layout: HTMLElement;
  /** Where sigma draws (and where loading and error messages stand until it does). */
  canvas: HTMLElement;
  canvasTools: HTMLElement;
  hoverHint: HTMLElement;
  /** The histogram of dated claims under the canvas. */
  timeline: HTMLElement;
  /** The canvas in words, for screen readers. */
  canvasSummary: HTMLElement;
  search: HTMLElement;
  /** Buttons in the header beside the search ("Copy link"). */
  headerTools: HTMLElement;
  left: HTMLElement;
  splitter: HTMLElement;
  /** The results area: details, paths, table and query results share it. */
  results: HTMLElement;
}

function byId(id: string): HTMLElement {
  const el = document.getElementById(id);
  if (!el) throw new Error(`web: element #${id} is missing from index.html`);
  return el;
}

export function findPage(): ExplorerPage {
  return {
    status: byId("status"),
    layout: byId("layout"),
    canvas: byId("graph"),
    canvasTools: byId("canvas-tools"),
    hoverHint: byId("hover-hint"),
    timeline: byId("timeline"),
    canvasSummary: byId("canvas-summary"),
    search: byId("search"),
    headerTools: byId("header-tools"),
    left: byId("sidebar-left"),
    splitter: byId("splitter"),
    results: byId("results"),
  };
}
