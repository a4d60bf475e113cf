// The splitter between the canvas and the results area: drag it, or focus it and press the arrow keys, to give the
// quotes more room or the graph more room.
import { h } from "../dom/index.js";

/** Narrowest and widest the results area may be made, in CSS pixels; the canvas keeps at least MIN_CANVAS. */
const MIN_RESULTS = 300;
const MIN_CANVAS = 320;
const STEP = 40;

export function mountSplitter(splitter: HTMLElement, layout: HTMLElement, results: HTMLElement): void {
  splitter.setAttribute("role", "separator");
  splitter.setAttribute("aria-orientation", "vertical");
  splitter.setAttribute("aria-label", "Resize the results area");
  splitter.setAttribute("aria-controls", results.id);
  splitter.tabIndex = 0;
  splitter.append(h("span", { class: "splitter-grip", attrs: { "aria-hidden": "true" } }));

  const maxWidth = (): number => {
    const left = layout.querySelector<HTMLElement>(".sidebar-left");
    const leftWidth = left && left.offsetParent !== null ? left.getBoundingClientRect().width : 0;
    return Math.max(MIN_RESULTS, layout.getBoundingClientRect().width - leftWidth - MIN_CANVAS);
  };
  const setWidth = (width: number): void => {
    const clamped = Math.round(Math.min(maxWidth(), Math.max(MIN_RESULTS, width)));
    layout.style.setProperty("--results-w", `${clamped}px`);
    splitter.setAttribute("aria-valuenow", String(clamped));
    splitter.setAttribute("aria-valuemin", String(MIN_RESULTS));
    splitter.setAttribute("aria-valuemax", String(Math.round(maxWidth())));
  };
  const width = (): number => results.getBoundingClientRect().width;

  splitter.addEventListener("keydown", (event) => {
    if (event.key === "ArrowLeft") setWidth(width() + STEP);
    else if (event.key === "ArrowRight") setWidth(width() - STEP);
    else if (event.key === "Home") setWidth(maxWidth());
    else if (event.key === "End") setWidth(MIN_RESULTS);
    else return;
    event.preventDefault();
  });
  splitter.addEventListener("pointerdown", (event) => {
    event.preventDefault();
    splitter.setPointerCapture(event.pointerId);
    const right = layout.getBoundingClientRect().right;
    const move = (e: PointerEvent): void => setWidth(right - e.clientX);
    const up = (): void => {
      splitter.removeEventListener("pointermove", move);
      splitter.removeEventListener("pointerup", up);
      splitter.removeEventListener("pointercancel", up);
    };
    splitter.addEventListener("pointermove", move);
    splitter.addEventListener("pointerup", up);
    splitter.addEventListener("pointercancel", up);
  });
}
