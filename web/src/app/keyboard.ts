// Keyboard shortcuts: Esc steps back (selection, then path), "/" jumps to the search box unless the user is typing.
import { escape } from "../actions/index.js";
import type { Store } from "../state/index.js";

export function bindKeys(store: Store, searchInput: HTMLInputElement, hoverHint: HTMLElement): void {
  document.addEventListener("keydown", (event) => {
    const target = event.target as HTMLElement | null;
    const typing =
      target && (target.tagName === "INPUT" || target.tagName === "SELECT" || target.tagName === "TEXTAREA");
    if (event.key === "Escape" && !event.defaultPrevented) {
      store.dispatch(escape());
      hoverHint.classList.remove("visible");
    } else if (event.key === "/" && !typing) {
      event.preventDefault();
      searchInput.focus();
    }
  });
}
