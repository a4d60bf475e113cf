// Keeps the URL hash in step with the state, and applies a hash pasted or navigated to.
import type { Store } from "../state/index.js";
import { decodePermalink, encodePermalink } from "./permalink.js";
import type { PermalinkState } from "./permalink.js";

const WRITE_DELAY_MS = 200;

/** Start syncing; `apply` receives the state decoded from a hash the user navigated to. */
export function syncPermalink(store: Store, apply: (decoded: PermalinkState) => void): () => void {
  let timer: number | undefined;
  let written = window.location.hash.replace(/^#/, "");
  const write = (): void => {
    const encoded = encodePermalink(store.get());
    if (encoded === written) return;
    written = encoded;
    history.replaceState(null, "", `#${encoded}`);
  };
  const unsubscribe = store.subscribe((state, previous) => {
    if (
      state.selection === previous.selection &&
      state.filters === previous.filters &&
      state.pathQuery === previous.pathQuery &&
      state.activePath === previous.activePath &&
      state.reading === previous.reading &&
      state.camera === previous.camera
    ) {
      return;
    }
    window.clearTimeout(timer);
    timer = window.setTimeout(write, WRITE_DELAY_MS);
  });
  const onHashChange = (): void => {
    const hash = window.location.hash.replace(/^#/, "");
    if (hash === written) return;
    written = hash;
    apply(decodePermalink(hash));
  };
  window.addEventListener("hashchange", onHashChange);
  return () => {
    unsubscribe();
    window.clearTimeout(timer);
    window.removeEventListener("hashchange", onHashChange);
  };
}
