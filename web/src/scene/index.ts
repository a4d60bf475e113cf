// The scene: what the analyst does to the view by hand (drag to pin, double-click to expand or collapse, pick nodes
// with shift-click, a shift-drag box or the lasso and act on them) and the undo history of view changes.
import type { AppContext } from "../app/context.js";
import { loadedSource, type SceneSource } from "./expansion.js";
import { bindGestures, type PickTool } from "./gestures.js";
import { followPins } from "./pins.js";
import { mountSceneBar } from "./scene-bar.js";
import { createViewHistory, type ViewHistory } from "./view-history.js";

export { toggleExpansion } from "./expansion.js";
export type { SceneSource } from "./expansion.js";
export { createViewHistory } from "./view-history.js";
export type { ViewHistory } from "./view-history.js";
export * from "./transitions.js";

export interface Scene {
  history: ViewHistory;
  /** The line over the canvas that says what the scene leaves out. */
  message: HTMLElement;
  /** Where double-click finds neighbours: the loaded graph unless a large corpus's scene says otherwise. */
  setSource(source: SceneSource): void;
}

/** Ctrl+Z (Cmd+Z) undoes, Ctrl+Shift+Z or Ctrl+Y redoes; in a text field they stay the field's own. */
function bindUndoKeys(history: ViewHistory): void {
  document.addEventListener("keydown", (event) => {
    if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
    const target = event.target as HTMLElement | null;
    if (target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.isContentEditable)) return;
    const key = event.key.toLowerCase();
    const redo = (key === "z" && event.shiftKey) || key === "y";
    if (key !== "z" && !redo) return;
    event.preventDefault();
    if (redo) history.redo();
    else history.undo();
  });
}

export function mountScene(ctx: AppContext, canvasWrap: HTMLElement): Scene {
  const history = createViewHistory(ctx.store);
  const pins = followPins(ctx.graph, ctx.store);
  let source: SceneSource = loadedSource(ctx);
  const tool: PickTool = { lasso: false };
  bindGestures(ctx, canvasWrap, pins, () => source, tool);
  const message = mountSceneBar(canvasWrap, ctx, history, tool);
  // The line saying what the scene leaves out covers the canvas's top: the first view and "Reset view" fit below it.
  ctx.canvas.keepClear(() =>
    message.textContent
      ? message.getBoundingClientRect().bottom - ctx.renderer.getContainer().getBoundingClientRect().top
      : 0,
  );
  bindUndoKeys(history);
  return {
    history,
    message,
    setSource(next) {
      source = next;
    },
  };
}
