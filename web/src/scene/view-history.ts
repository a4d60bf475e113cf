// Undo and redo of view changes: the filters and the scene (hidden, expanded, pinned nodes, the scene's members).
// Every change to them is recorded as it happens, whoever made it (a filter, a gesture, a button), so there is one
// place to look; the camera, the selection and path questions are the browser history's (Back and Forward).
import type { AppState, Store } from "../state/index.js";
import { restoreView } from "./transitions.js";

type ViewSnapshot = Pick<AppState, "filters" | "scene">;

/** Steps kept: an analyst undoes a few gestures, not a whole afternoon. */
const DEPTH = 200;

export interface ViewHistory {
  undo(): boolean;
  redo(): boolean;
  canUndo(): boolean;
  canRedo(): boolean;
  /** Called after each change of what can be undone or redone. */
  onChange(listener: () => void): void;
}

const snapshot = (state: AppState): ViewSnapshot => ({ filters: state.filters, scene: state.scene });
// The live graph hands out a copy of the same filters to make the canvas derive its view again: not a user's change.
const same = (a: ViewSnapshot, b: ViewSnapshot): boolean => JSON.stringify(a) === JSON.stringify(b);

export function createViewHistory(store: Store): ViewHistory {
  const past: ViewSnapshot[] = [];
  const future: ViewSnapshot[] = [];
  const listeners: (() => void)[] = [];
  let moving = false;
  const changed = (): void => listeners.forEach((listener) => listener());

  store.subscribe((state, previous) => {
    if (moving) return;
    if (state.filters === previous.filters && state.scene === previous.scene) return;
    const before = snapshot(previous);
    if (same(before, snapshot(state))) return;
    past.push(before);
    if (past.length > DEPTH) past.shift();
    future.length = 0;
    changed();
  });

  function step(from: ViewSnapshot[], to: ViewSnapshot[]): boolean {
    const target = from.pop();
    if (!target) return false;
    to.push(snapshot(store.get()));
    moving = true;
    try {
      store.dispatch(restoreView(target));
    } finally {
      moving = false;
    }
    changed();
    return true;
  }

  return {
    undo: () => step(past, future),
    redo: () => step(future, past),
    canUndo: () => past.length > 0,
    canRedo: () => future.length > 0,
    onChange: (listener) => void listeners.push(listener),
  };
}
