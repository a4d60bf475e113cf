// Public face of the state domain.
export type * from "./types.js";
export {
  DEFAULT_FILTERS,
  EMPTY_SCENE,
  DEFAULT_PATH_QUERY,
  MAX_HOPS_RANGE,
  PATH_LIMIT_RANGE,
  initialState,
} from "./defaults.js";
export { createStore } from "./store.js";
export type { Action, Listener, Store } from "./store.js";
