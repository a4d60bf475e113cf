// Frames drawn while the camera moves, made lighter: sigma draws every program twice a frame (the second time into
// a framebuffer it reads back to find what the pointer is over) and reads a pixel of that framebuffer at each pointer
// move and wheel step. While the camera moves the pointer is panning or zooming, not pointing at anything: the
// second drawing is left out, and so is the pixel read, which makes the page wait for the GPU (or, without one, for
// the software renderer) to finish every frame queued. Sigma draws the frame after the camera stops whole, picking
// included; a click that comes before it (during an animation) draws it first.
import type Sigma from "sigma";
import type { MouseCoords } from "sigma/types";

/** The parts of sigma 3.0's renderer this relies on (not in its typings). */
interface ProgramLike {
  programs?: ProgramLike[];
  pickProgram?: unknown;
}
interface SigmaInternals {
  mouseCaptor: {
    isMoving: boolean;
    draggedEvents: number;
    currentWheelDirection: number;
    on(event: string, listener: (coords: MouseCoords) => void): void;
    removeListener(event: string, listener: (coords: MouseCoords) => void): void;
  };
  nodePrograms: Record<string, ProgramLike>;
  edgePrograms: Record<string, ProgramLike>;
  activeListeners: Record<string, (coords: MouseCoords) => void>;
  getNodeAtPosition(position: { x: number; y: number }): string | null;
  getEdgeAtPoint(x: number, y: number): string | null;
  render(): void;
}

/** Whether the camera is moving, as sigma's own render decides it (for `hideEdgesOnMove`). */
export function cameraMoving(renderer: Sigma): boolean {
  const { mouseCaptor } = renderer as unknown as SigmaInternals;
  return (
    renderer.getCamera().isAnimated() ||
    mouseCaptor.isMoving ||
    mouseCaptor.draggedEvents > 0 ||
    mouseCaptor.currentWheelDirection !== 0
  );
}

/** Leave the picking pass and the pointer's pixel reads out of the frames drawn while the camera moves. */
export function lightenMovingFrames(renderer: Sigma): void {
  const inner = renderer as unknown as SigmaInternals;
  // The frame being drawn skips picking; the last frame drawn did (what the framebuffer holds is stale).
  let skipping: { program: ProgramLike; pick: unknown }[] = [];
  let stale = false;
  let forceFull = false;
  const leaves = (programs: Record<string, ProgramLike>): ProgramLike[] =>
    Object.values(programs).flatMap((p) => (p.programs ? p.programs : [p]));

  renderer.on("beforeRender", () => {
    if (forceFull || !cameraMoving(renderer)) return;
    skipping = leaves(inner.nodePrograms)
      .concat(leaves(inner.edgePrograms))
      .filter((program) => program.pickProgram)
      .map((program) => ({ program, pick: program.pickProgram }));
    for (const { program } of skipping) program.pickProgram = null;
  });
  renderer.on("afterRender", () => {
    stale = skipping.length > 0;
    for (const { program, pick } of skipping) program.pickProgram = pick;
    skipping = [];
  });

  // Anything picked while the framebuffer is stale (a click during an animation) draws the whole frame first.
  const fresh = (): void => {
    if (!stale) return;
    forceFull = true;
    try {
      inner.render();
    } finally {
      forceFull = false;
    }
  };
  const nodeAt = inner.getNodeAtPosition.bind(renderer);
  const edgeAt = inner.getEdgeAtPoint.bind(renderer);
  inner.getNodeAtPosition = (position) => (fresh(), nodeAt(position));
  inner.getEdgeAtPoint = (x, y) => (fresh(), edgeAt(x, y));

  // Hovering is not looked for while the camera moves: what was hovered stays so until it stops.
  for (const [event, key] of [
    ["mousemove", "handleMove"],
    ["wheel", "handleWheel"],
  ] as const) {
    const listener = inner.activeListeners[key];
    if (!listener) continue;
    const lighter = (coords: MouseCoords): void => {
      if (!cameraMoving(renderer)) listener(coords);
    };
    inner.mouseCaptor.removeListener(event, listener);
    inner.mouseCaptor.on(event, lighter);
    inner.activeListeners[key] = lighter;
  }
}
