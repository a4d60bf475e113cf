// Pointer gestures on the canvas beyond hover and click (app/canvas-events.ts): drag a node to move it (it is pinned
// where dropped and the camera stays still), double-click a node to expand or collapse its neighbours, shift-drag on
// the stage to draw a box that picks the nodes inside it, or, with the lasso on, a drag drawing a freehand outline
// that picks the nodes inside it.
import { h } from "../dom/index.js";
import type { AppContext } from "../app/context.js";
import { toggleExpansion, type SceneSource } from "./expansion.js";
import { enclosesArea, extendStroke, insidePolygon, strokePath, type Point } from "./lasso.js";
import type { Pins } from "./pins.js";
import { pickNodes, pinNode, togglePicked } from "./transitions.js";

/** How a drag picks nodes: the lasso button in the bar over the canvas turns a drag into a freehand outline. */
export interface PickTool {
  lasso: boolean;
}

const SVG = "http://www.w3.org/2000/svg";

export function bindGestures(
  ctx: AppContext,
  container: HTMLElement,
  pins: Pins,
  source: () => SceneSource,
  tool: PickTool,
): void {
  const { renderer, graph, store } = ctx;
  let dragged: string | null = null;
  let moved = false;
  let boxStart: Point | null = null;
  let stroke: Point[] | null = null;
  const box = h("div", { class: "pick-box", attrs: { "aria-hidden": "true" } });
  box.hidden = true;
  // The outline drawn while the pointer moves, over the canvas (sigma's viewport pixels are the SVG's).
  const outline = document.createElementNS(SVG, "svg");
  outline.classList.add("lasso");
  outline.setAttribute("aria-hidden", "true");
  const outlinePath = document.createElementNS(SVG, "path");
  outline.append(outlinePath);
  outline.style.display = "none";
  container.append(box, outline);

  function startStroke(at: Point): void {
    stroke = [at];
    const canvas = renderer.getContainer().getBoundingClientRect();
    const wrap = container.getBoundingClientRect();
    Object.assign(outline.style, {
      display: "",
      left: `${canvas.left - wrap.left}px`,
      top: `${canvas.top - wrap.top}px`,
      width: `${canvas.width}px`,
      height: `${canvas.height}px`,
    });
    outlinePath.setAttribute("d", strokePath(stroke));
  }

  renderer.on("downNode", ({ node, event }) => {
    // With the lasso on, a drag from a node draws the outline as from the stage.
    if (tool.lasso) {
      startStroke({ x: event.x, y: event.y });
      return;
    }
    // With shift held a box starts here as on the stage; a shift-click without a drag picks the node alone.
    if (event.original.shiftKey) {
      boxStart = { x: event.x, y: event.y };
      return;
    }
    dragged = node;
    moved = false;
    pins.remember(node);
    // Without a fixed frame sigma would rescale the whole graph to fit a node dragged past its edge.
    if (!renderer.getCustomBBox()) renderer.setCustomBBox(renderer.getBBox());
  });

  renderer.on("downStage", ({ event }) => {
    if (tool.lasso) {
      startStroke({ x: event.x, y: event.y });
      return;
    }
    if (!event.original.shiftKey) return;
    boxStart = { x: event.x, y: event.y };
    drawBox(boxStart);
  });

  renderer.on("moveBody", ({ event, preventSigmaDefault }) => {
    if (dragged) {
      const at = renderer.viewportToGraph(event);
      graph.mergeNodeAttributes(dragged, { x: at.x, y: at.y });
      moved = true;
    } else if (boxStart) {
      drawBox({ x: event.x, y: event.y });
    } else if (stroke) {
      stroke = extendStroke(stroke, { x: event.x, y: event.y });
      outlinePath.setAttribute("d", strokePath(stroke));
    } else return;
    // The camera stays where it is while a node moves or a box or an outline is drawn.
    preventSigmaDefault();
    event.original.preventDefault();
    event.original.stopPropagation();
  });

  const release = (event: MouseEvent): void => {
    if (dragged) {
      const id = dragged;
      dragged = null;
      if (moved && graph.hasNode(id)) {
        store.dispatch(pinNode(id, { x: graph.getNodeAttribute(id, "x"), y: graph.getNodeAttribute(id, "y") }));
        ctx.announce(`${graph.getNodeAttribute(id, "label")} pinned where it was dropped.`);
      }
    }
    if (boxStart) {
      const rect = container.getBoundingClientRect();
      const end = { x: event.clientX - rect.left, y: event.clientY - rect.top };
      const drawn = Math.abs(end.x - boxStart.x) > 3 || Math.abs(end.y - boxStart.y) > 3;
      const inside = drawn ? nodesInBox(boxStart, end) : [];
      boxStart = null;
      box.hidden = true;
      if (drawn) {
        store.dispatch(pickNodes(inside, true));
        ctx.announce(`${store.get().picked.length} nodes selected.`);
      }
    }
    if (stroke) {
      const polygon = stroke;
      stroke = null;
      outline.style.display = "none";
      if (enclosesArea(polygon)) {
        swallowClick();
        store.dispatch(pickNodes(nodesInPolygon(polygon), true));
        ctx.announce(`${store.get().picked.length} nodes selected.`);
      }
    }
  };
  document.addEventListener("mouseup", release);
  renderer.on("kill", () => document.removeEventListener("mouseup", release));

  renderer.on("doubleClickNode", ({ node, event, preventSigmaDefault }) => {
    // A double-click on a node expands it; sigma's own would zoom.
    preventSigmaDefault();
    // Sigma makes a double-click of two quick clicks anywhere: two quick shift-clicks pick a second node.
    if (event.original.shiftKey) {
      store.dispatch(togglePicked(node));
      return;
    }
    void toggleExpansion(ctx, source(), node)
      .then((message) => message && ctx.announce(message))
      .catch((error: unknown) => ctx.announce(`Could not expand: ${String(error)}`));
  });

  function drawBox(to: Point): void {
    if (!boxStart) return;
    box.hidden = false;
    box.style.left = `${Math.min(boxStart.x, to.x)}px`;
    box.style.top = `${Math.min(boxStart.y, to.y)}px`;
    box.style.width = `${Math.abs(to.x - boxStart.x)}px`;
    box.style.height = `${Math.abs(to.y - boxStart.y)}px`;
  }

  /**
   * The click the browser sends after the mouseup that ends an outline would clear the picked nodes (on the stage) or
   * select one (on a node): it is stopped before sigma sees it. It comes in the same task as the mouseup, so a
   * listener left after it (a mouseup outside the page, with no click) is taken away at the next one.
   */
  function swallowClick(): void {
    const stop = (event: MouseEvent): void => event.stopPropagation();
    window.addEventListener("click", stop, { capture: true, once: true });
    window.setTimeout(() => window.removeEventListener("click", stop, { capture: true }), 0);
  }

  function nodesInPolygon(polygon: Point[]): string[] {
    return [...ctx.visibility().nodes].filter((id) =>
      insidePolygon(renderer.graphToViewport(graph.getNodeAttributes(id)), polygon),
    );
  }

  function nodesInBox(a: Point, b: Point): string[] {
    const [x0, x1] = [Math.min(a.x, b.x), Math.max(a.x, b.x)];
    const [y0, y1] = [Math.min(a.y, b.y), Math.max(a.y, b.y)];
    const shown = ctx.visibility().nodes;
    return [...shown].filter((id) => {
      const p = renderer.graphToViewport(graph.getNodeAttributes(id));
      return p.x >= x0 && p.x <= x1 && p.y >= y0 && p.y <= y1;
    });
  }
}
