// The scene's actions, pure like the others (actions/transitions.ts): picking nodes for a group action, hiding and
// showing them, expanding and collapsing a node's neighbours, pinning a dropped node, summing up (or not) a large
// corpus's claims between groups. Each returns the same state when nothing changes, so the undo history records real
// changes only.
import type { Action, AppState, Pin, SceneState } from "../state/index.js";

const sortedUnion = (list: readonly string[], more: Iterable<string>): string[] =>
  [...new Set([...list, ...more])].sort();
const without = (list: readonly string[], gone: ReadonlySet<string>): string[] => list.filter((id) => !gone.has(id));
const sameList = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((id, i) => id === b[i]);

function withScene(state: AppState, scene: Partial<SceneState>, picked = state.picked): AppState {
  return { ...state, scene: { ...state.scene, ...scene }, picked };
}

/** Shift-click: add a node to the picked ones, or take it out. */
export const togglePicked =
  (id: string): Action =>
  (state) => ({
    ...state,
    picked: state.picked.includes(id) ? state.picked.filter((p) => p !== id) : [...state.picked, id].sort(),
  });

/** The box: these nodes are picked (added to those picked already when `add`). */
export const pickNodes =
  (ids: Iterable<string>, add = false): Action =>
  (state) => {
    const picked = sortedUnion(add ? state.picked : [], ids);
    return sameList(picked, state.picked) ? state : { ...state, picked };
  };

export const clearPicked = (): Action => (state) => (state.picked.length === 0 ? state : { ...state, picked: [] });

/** Hide these nodes by hand; they leave the picked ones too. */
export const hideNodes =
  (ids: readonly string[]): Action =>
  (state) => {
    const gone = new Set(ids);
    const hidden = sortedUnion(state.scene.hidden, gone);
    if (sameList(hidden, state.scene.hidden)) return state;
    return withScene(state, { hidden }, without(state.picked, gone));
  };

/** "Show only selection": every node of `shown` but these is hidden by hand. */
export const showOnly =
  (ids: readonly string[], shown: Iterable<string>): Action =>
  (state) => {
    const keep = new Set(ids);
    return hideNodes([...shown].filter((id) => !keep.has(id)))(state);
  };

/** Bring hidden nodes back: all of them, or those listed. */
export const showHidden =
  (ids?: readonly string[]): Action =>
  (state) => {
    if (state.scene.hidden.length === 0) return state;
    const hidden = ids ? without(state.scene.hidden, new Set(ids)) : [];
    return sameList(hidden, state.scene.hidden) ? state : withScene(state, { hidden });
  };

/**
 * Double-click: `added` (neighbours not in view) come into the scene, unhidden, and are remembered as this node's
 * expansion so that the next double-click takes them away again. A scene that lists its members takes them in.
 */
export const expandNode =
  (id: string, added: readonly string[]): Action =>
  (state) => {
    const fresh = new Set(added);
    const { scene } = state;
    return withScene(state, {
      hidden: without(scene.hidden, fresh),
      members: scene.members ? sortedUnion(scene.members, fresh) : null,
      expanded: { ...scene.expanded, [id]: [...fresh].sort() },
      // An expanded node's claims to the other groups are drawn: the analyst asked for what surrounds it.
      summarised: without(scene.summarised, new Set([id])),
    });
  };

/** Double-click again: the neighbours the node brought (or its leaves) are hidden, and it is no longer expanded. */
export const collapseNode =
  (id: string, removed: readonly string[]): Action =>
  (state) => {
    const gone = new Set(removed);
    gone.delete(id);
    const { [id]: _dropped, ...expanded } = state.scene.expanded;
    if (gone.size === 0 && !(id in state.scene.expanded)) return state;
    return withScene(state, { hidden: sortedUnion(state.scene.hidden, gone), expanded }, without(state.picked, gone));
  };

/** A dragged node dropped at `pin` stays there. */
export const pinNode =
  (id: string, pin: Pin): Action =>
  (state) => {
    const old = state.scene.pins[id];
    if (old && old.x === pin.x && old.y === pin.y) return state;
    return withScene(state, { pins: { ...state.scene.pins, [id]: { x: pin.x, y: pin.y } } });
  };

/** The scene's members: a large corpus's scene, built from the overview, search, expansion and paths. */
export const setMembers =
  (members: readonly string[] | null): Action =>
  (state) =>
    withScene(state, { members: members ? [...new Set(members)].sort() : null });

/**
 * A large corpus opens on its overview: the first scene's nodes are its members, and their claims to other groups are
 * summed up by the lines between the groups (graph/visibility.ts).
 */
export const openOverview =
  (ids: readonly string[]): Action =>
  (state) => {
    const members = [...new Set(ids)].sort();
    return withScene(state, { members, summarised: members });
  };

/**
 * Nodes brought into a large corpus's scene (and shown, if hidden by hand), and nodes whose claims to the other groups
 * are to be drawn one by one from now on (an opened group's): one change, so one step of Undo.
 */
export const bringIntoScene =
  (added: readonly string[], opened: readonly string[] = []): Action =>
  (state) => {
    const { scene } = state;
    const fresh = new Set(added);
    const members = scene.members ? sortedUnion(scene.members, fresh) : null;
    const hidden = without(scene.hidden, fresh);
    const summarised = without(scene.summarised, new Set(opened));
    const same =
      (members === null || sameList(members, scene.members ?? [])) &&
      sameList(hidden, scene.hidden) &&
      sameList(summarised, scene.summarised);
    return same ? state : withScene(state, { members, hidden, summarised });
  };

/** Undo and redo put back the filters and the scene as they were. */
export const restoreView =
  (view: Pick<AppState, "filters" | "scene">): Action =>
  (state) =>
    state.filters === view.filters && state.scene === view.scene
      ? state
      : { ...state, filters: view.filters, scene: view.scene };
