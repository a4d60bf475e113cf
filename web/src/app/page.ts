// The elements of index.html the explorer fills, looked up once: a missing one fails at start-up, naming its id.
export interface ExplorerPage {
  /** The status line, read by screen readers. */
  status: HTMLElement;
  /** Where sigma draws (and where loading and error messages stand until it does). */
  canvas: HTMLElement;
  canvasTools: HTMLElement;
  hoverHint: HTMLElement;
  /** The canvas in words, for screen readers. */
  canvasSummary: HTMLElement;
  search: HTMLElement;
  left: HTMLElement;
  right: HTMLElement;
}

function byId(id: string): HTMLElement {
  const el = document.getElementById(id);
  if (!el) throw new Error(`web: element #${id} is missing from index.html`);
  return el;
}

export function findPage(): ExplorerPage {
  return {
    status: byId("status"),
    canvas: byId("graph"),
    canvasTools: byId("canvas-tools"),
    hoverHint: byId("hover-hint"),
    canvasSummary: byId("canvas-summary"),
    search: byId("search"),
    left: byId("sidebar-left"),
    right: byId("sidebar-right"),
  };
}
