// The results area: one wide column (a bottom sheet on a narrow window) whose tabs hold the answers (details, paths,
// the table, query results), with the source reader docked below them. A panel that answers something adds a tab
// here and shows it when its answer arrives.
import { h } from "../dom/index.js";

export interface ResultsTabOptions {
  /** Only on a narrow window, where the left column folds into the results area (the filters). */
  narrowOnly?: boolean;
}

export interface ResultsArea {
  /** Add a tab; the panel returned is where its content goes. Tabs keep the order they were added in. */
  addTab(id: string, label: string, options?: ResultsTabOptions): HTMLElement;
  /** Bring a tab forward; `focus` moves the keyboard focus to its button. */
  show(id: string, options?: { focus?: boolean }): void;
  /** Bring a tab forward and move the keyboard focus into its panel (where its answer is about to appear). */
  focusPanel(id: string): void;
  /** The tab in front. */
  current(): string;
  /** Called with the tab's id whenever another tab comes forward. */
  onShow(listener: (id: string) => void): void;
  /** Where the source reader docks, below the tabs. */
  dock: HTMLElement;
  /** Scroll the tabs' area (never the page) so that `element` stands at its top. */
  reveal(element: Element): void;
  /** Let the dock fill the whole area (the source reader enlarged), or give the tabs their room back. */
  enlargeDock(on: boolean): void;
}

interface Tab {
  id: string;
  button: HTMLButtonElement;
  panel: HTMLElement;
  narrowOnly: boolean;
}

export function createResultsArea(root: HTMLElement): ResultsArea {
  const tablist = h("div", { class: "results-tabs", attrs: { role: "tablist", "aria-label": "Results" } });
  const panels = h("div", { class: "results-panels" });
  const dock = h("div", { class: "results-dock" });
  root.append(tablist, panels, dock);

  const tabs: Tab[] = [];
  const listeners: ((id: string) => void)[] = [];
  let current = "";

  const visibleTabs = (): Tab[] => tabs.filter((t) => t.button.offsetParent !== null || !t.narrowOnly);

  // The tabs share one scrolling area: each keeps where it was scrolled to, and a tab never opens scrolled by another.
  const scrolled = new Map<string, number>();

  function select(tab: Tab, focus: boolean): void {
    const changed = current !== tab.id;
    if (changed && current) scrolled.set(current, panels.scrollTop);
    current = tab.id;
    for (const t of tabs) {
      const on = t === tab;
      t.button.setAttribute("aria-selected", String(on));
      t.button.tabIndex = on ? 0 : -1;
      t.panel.hidden = !on;
    }
    root.dataset.tab = tab.id;
    if (changed) panels.scrollTop = scrolled.get(tab.id) ?? 0;
    if (focus) tab.button.focus();
    if (changed) for (const listener of listeners) listener(tab.id);
  }

  // Arrow keys move between tabs, as the WAI-ARIA tabs pattern has it; Home and End go to the ends.
  tablist.addEventListener("keydown", (event) => {
    const list = visibleTabs();
    const at = list.findIndex((t) => t.button === document.activeElement);
    if (at < 0) return;
    const next =
      event.key === "ArrowRight"
        ? (at + 1) % list.length
        : event.key === "ArrowLeft"
          ? (at - 1 + list.length) % list.length
          : event.key === "Home"
            ? 0
            : event.key === "End"
              ? list.length - 1
              : -1;
    if (next < 0) return;
    event.preventDefault();
    select(list[next]!, true);
  });

  return {
    addTab(id, label, options = {}) {
      const buttonId = `tab-${id}`;
      const panelId = `tabpanel-${id}`;
      const button = h("button", {
        id: buttonId,
        class: options.narrowOnly ? "results-tab narrow-only" : "results-tab",
        text: label,
        attrs: { type: "button", role: "tab", "aria-selected": "false", "aria-controls": panelId, tabindex: -1 },
      });
      const panel = h("div", {
        id: panelId,
        class: "results-panel",
        attrs: { role: "tabpanel", "aria-labelledby": buttonId, tabindex: -1 },
      });
      panel.hidden = true;
      const tab: Tab = { id, button, panel, narrowOnly: Boolean(options.narrowOnly) };
      button.addEventListener("click", () => select(tab, false));
      tabs.push(tab);
      tablist.append(button);
      panels.append(panel);
      if (!current && !tab.narrowOnly) select(tab, false);
      return panel;
    },
    show(id, options = {}) {
      const tab = tabs.find((t) => t.id === id);
      if (tab) select(tab, Boolean(options.focus));
    },
    focusPanel(id) {
      const tab = tabs.find((t) => t.id === id);
      if (!tab) return;
      select(tab, false);
      tab.panel.focus();
    },
    current: () => current,
    reveal(element) {
      panels.scrollTop += element.getBoundingClientRect().top - panels.getBoundingClientRect().top - 6;
    },
    enlargeDock(on) {
      root.classList.toggle("dock-enlarged", on);
    },
    onShow(listener) {
      listeners.push(listener);
    },
    dock,
  };
}
