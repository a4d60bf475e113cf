// A minimal store: one state value, replaced (never mutated) by pure actions, with listeners told of each change.
import type { AppState } from "./types.js";

export type Action = (state: AppState) => AppState;
export type Listener = (state: AppState, previous: AppState) => void;

export interface Store {
  get(): AppState;
  dispatch(action: Action): void;
  subscribe(listener: Listener): () => void;
}

export function createStore(initial: AppState): Store {
  let state = initial;
  const listeners = new Set<Listener>();
  return {
    get: () => state,
    dispatch(action) {
      const previous = state;
      const next = action(state);
      if (next === previous) return;
      state = next;
      for (const listener of listeners) listener(state, previous);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
