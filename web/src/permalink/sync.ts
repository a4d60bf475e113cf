// Keeps the URL hash in step with the state, and applies a hash pasted or navigated to. A new selection or path
// question is a new history entry, so the browser's Back and Forward step through them; other changes (filters,
// camera, the reader) rewrite the current entry.
import type { AppState, Store } from "../state/index.js";
import { decodePermalink, encodePermalink } from "./permalink.js";
import type { PermalinkState } from "./permalink.js";

const WRITE_DELAY_MS = 200;

/**
 * How a state change reaches the browser's history: "push" for a step the user may want to go back to (another
 * selection, another path question, another of its paths chosen), "replace" for the rest of what a link holds, null
 * when the link does not change. The first path of an answer is chosen by the answer, not the user: no step.
 */
export function historyStep(state: AppState, previous: AppState): "push" | "replace" | null {
  if (
    state.selection !== previous.selection ||
    state.pathQuery !== previous.pathQuery ||
    (state.activePath !== previous.activePath && previous.activePath !== null)
  ) {
    return "push";
  }
  if (
    state.filters !== previous.filters ||
    state.activePath !== previous.activePath ||
    state.reading !== previous.reading ||
    state.camera !== previous.camera
  ) {
    return "replace";
  }
  return null;
}

/** Start syncing; `apply` receives the state decoded from a hash the user navigated to. */
export function syncPermalink(store: Store, apply: (decoded: PermalinkState) => void): () => void {
  let timer: number | undefined;
  let push = false;
  // While a navigated-to link is applied, its changes are the entry the browser already has: no new step.
  let applying = false;
  const currentHash = (): string => window.location.hash.replace(/^#/, "");
  let written = currentHash();
  const write = (): void => {
    // The address moved since we last wrote or read it: a link was followed and its hashchange is still to come
    // (a busy page can run this timer in between). Writing now would put the old view back over the link.
    if (currentHash() !== written) return;
    const encoded = encodePermalink(store.get());
    const step = push;
    push = false;
    if (encoded === written) return;
    if (step) history.pushState(null, "", `#${encoded}`);
    else history.replaceState(null, "", `#${encoded}`);
    written = currentHash();
  };
  const unsubscribe = store.subscribe((state, previous) => {
    const step = historyStep(state, previous);
    if (step === null) return;
    if (step === "push" && !applying) push = true;
    window.clearTimeout(timer);
    timer = window.setTimeout(write, WRITE_DELAY_MS);
  });
  // Back and Forward between our own entries change only the hash: hashchange fires, the page stays.
  const onHashChange = (): void => {
    const hash = currentHash();
    if (hash === written) return;
    window.clearTimeout(timer);
    push = false;
    written = hash;
    applying = true;
    try {
      apply(decodePermalink(hash));
    } finally {
      applying = false;
    }
  };
  window.addEventListener("hashchange", onHashChange);
  return () => {
    unsubscribe();
    window.clearTimeout(timer);
    window.removeEventListener("hashchange", onHashChange);
  };
}
