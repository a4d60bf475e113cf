// The timeline: a histogram of dated claims by month under the canvas. Click a month to keep only it, shift-click
// or drag across months to keep a range, "All dates" to open it again; "Hide undated" drops the claims without a
// date, so a month shows only what happened in it.
import { setDateRange, setHideUndated } from "../../actions/index.js";
import type { AppContext } from "../../app/context.js";
import { h, replaceChildren } from "../../dom/index.js";
import { formatMonth, monthHistogram } from "../../graph/index.js";
import type { AppState } from "../../state/index.js";

export function mountTimeline(root: HTMLElement, ctx: AppContext): void {
  const { graph, store } = ctx;
  const initial = monthHistogram(graph, ctx.visibility().edges);
  if (initial.length === 0) {
    root.hidden = true;
    return;
  }
  const months = initial.map((bar) => bar.month);
  const most = Math.max(1, ...initial.map((bar) => bar.total));

  const chart = h("div", {
    class: "timeline-bars",
    id: "timeline-bars",
    attrs: { role: "group", "aria-label": "Dated claims by month" },
  });
  const toggle = h("button", {
    class: "timeline-toggle",
    text: "Timeline",
    attrs: { type: "button", "aria-expanded": "true", "aria-controls": "timeline-bars" },
    on: {
      click: () => {
        chart.hidden = !chart.hidden;
        toggle.setAttribute("aria-expanded", String(!chart.hidden));
      },
    },
  });
  const range = h("output", { class: "timeline-range", attrs: { "aria-live": "polite" } });
  const hideUndated = h("button", {
    class: "small-button",
    text: "Hide undated",
    attrs: { type: "button", "aria-pressed": "false", title: "Keep only claims with a date" },
    on: { click: () => store.dispatch(setHideUndated(!store.get().filters.hideUndated)) },
  });
  const allDates = h("button", {
    class: "small-button",
    text: "All dates",
    attrs: { type: "button" },
    on: { click: () => store.dispatch(setDateRange(null, null)) },
  });
  root.append(h("div", { class: "timeline-head" }, toggle, range, hideUndated, allDates), chart);

  // The brush: the month pressed first is the anchor; the range runs from it to the month under the pointer.
  let anchor: number | null = null;
  let dragging = false;
  const keep = (a: number, b: number): void => {
    const [first, last] = a <= b ? [a, b] : [b, a];
    store.dispatch(setDateRange(months[first]!, months[last]!));
  };
  const bars = initial.map((bar, index) => {
    const fill = h("span", { class: "bar-shown" });
    const total = h("span", { class: "bar-total" }, fill);
    total.style.height = `${Math.max(2, (bar.total / most) * 100)}%`;
    const button = h(
      "button",
      { class: "timeline-bar", attrs: { type: "button", "data-month": bar.month, "aria-pressed": "false" } },
      total,
    );
    button.addEventListener("pointerdown", (event) => {
      if (event.button !== 0) return;
      event.preventDefault();
      if (event.shiftKey && anchor !== null) return keep(anchor, index);
      const { dateFrom, dateTo } = store.get().filters;
      // Pressing the one month already kept opens the range again.
      if (dateFrom === bar.month && dateTo === bar.month) {
        anchor = null;
        return store.dispatch(setDateRange(null, null));
      }
      anchor = index;
      dragging = true;
      keep(index, index);
    });
    button.addEventListener("pointerenter", () => {
      if (dragging && anchor !== null) keep(anchor, index);
    });
    // The keyboard's way: Enter or Space on a month keeps it; with Shift, the range from the last month kept.
    button.addEventListener("keydown", (event) => {
      if (event.key !== "Enter" && event.key !== " ") return;
      event.preventDefault();
      if (event.shiftKey && anchor !== null) return keep(anchor, index);
      anchor = index;
      keep(index, index);
    });
    chart.append(button);
    return { button, fill, month: bar.month };
  });
  window.addEventListener("pointerup", () => {
    dragging = false;
  });

  const label = (month: string, shown: number, total: number): string =>
    `${formatMonth(month)}: ${shown === total ? total : `${shown} of ${total}`} dated claim${total === 1 ? "" : "s"}`;

  function render(state: AppState): void {
    const histogram = monthHistogram(graph, ctx.visibility().edges);
    const { dateFrom, dateTo, hideUndated: hiding } = state.filters;
    histogram.forEach((bar, i) => {
      const view = bars[i]!;
      const inRange = (dateFrom === null || bar.month >= dateFrom) && (dateTo === null || bar.month <= dateTo);
      const ranged = dateFrom !== null || dateTo !== null;
      view.button.setAttribute("aria-pressed", String(ranged && inRange));
      view.button.classList.toggle("outside", !inRange);
      view.fill.style.height = bar.total ? `${(bar.shown / bar.total) * 100}%` : "0";
      const text = label(bar.month, bar.shown, bar.total);
      view.button.setAttribute("aria-label", text);
      view.button.title = text;
    });
    const first = dateFrom ?? months[0]!;
    const last = dateTo ?? months[months.length - 1]!;
    replaceChildren(
      range,
      first === last ? formatMonth(first) : `${formatMonth(first)} – ${formatMonth(last)}`,
      hiding ? "" : " (undated claims stay in view)",
    );
    hideUndated.setAttribute("aria-pressed", String(hiding));
    allDates.disabled = dateFrom === null && dateTo === null;
  }

  render(store.get());
  store.subscribe((state, previous) => {
    if (state.filters !== previous.filters) render(state);
  });
}
