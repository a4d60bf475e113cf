// Sigma clears each of its WebGL canvases (relations, nodes, highlighted nodes) at every frame, drawn on or not. A
// clear is a change to the canvas, and a changed WebGL canvas costs the page a copy of all its pixels per frame where
// the browser composites in software (no GPU: its frame waits for the WebGL commands to finish, then reads them back),
// and a new texture where it does not. Most frames leave two of the three blank: the highlighted nodes' canvas when
// nothing is hovered, the relations' while a large scene moves (hideEdgesOnMove). Here a clear of a canvas that is
// already blank is skipped, so the browser sees no change there and shows it as it was: blank.

/** Draw calls, and the position of the vertex count (and of the instance count) in their arguments. */
const DRAWS = {
  drawArrays: [2],
  drawElements: [1],
  drawArraysInstanced: [2, 3],
  drawElementsInstanced: [1, 4],
} as const;

/** Counters for the browser tests: clears sent to the canvas, and clears left out because it was blank. */
export interface BlankLayerCounts {
  cleared: number;
  skipped: number;
}

/**
 * Keep `gl`'s canvas unchanged while it stays blank: track whether anything was drawn into the canvas (the default
 * framebuffer, not sigma's picking framebuffers) since its last clear, and skip the clears that would find it blank.
 */
export function idleWhenBlank(gl: WebGLRenderingContext | WebGL2RenderingContext): BlankLayerCounts {
  const counts = { cleared: 0, skipped: 0 };
  // The canvas is drawn into while no framebuffer of sigma's own is bound.
  let toCanvas = true;
  // Unknown at first: the first clear goes through.
  let blank = false;
  const bindFramebuffer = gl.bindFramebuffer.bind(gl);
  gl.bindFramebuffer = (target: number, framebuffer: WebGLFramebuffer | null): void => {
    if (target !== (gl as WebGL2RenderingContext).READ_FRAMEBUFFER) toCanvas = framebuffer === null;
    bindFramebuffer(target, framebuffer);
  };
  const clear = gl.clear.bind(gl);
  gl.clear = (mask: number): void => {
    if (toCanvas) {
      if (blank && mask === gl.COLOR_BUFFER_BIT) {
        counts.skipped += 1;
        return;
      }
      if (mask & gl.COLOR_BUFFER_BIT) blank = true;
      counts.cleared += 1;
    }
    clear(mask);
  };
  const target = gl as unknown as Record<string, (...args: number[]) => void>;
  for (const [name, positions] of Object.entries(DRAWS)) {
    const draw = target[name];
    if (typeof draw !== "function") continue;
    const call = draw.bind(gl);
    target[name] = (...args: number[]): void => {
      if (toCanvas && positions.every((at) => args[at]! > 0)) blank = false;
      call(...args);
    };
  }
  return counts;
}
