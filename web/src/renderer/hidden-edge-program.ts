// The program hidden relations are given instead of their own: it keeps nothing and draws nothing. Sigma keeps a
// hidden relation in its program's buffers as zeros and draws it every frame all the same; a software renderer
// (WebGL without a GPU) pays for each of those empty shapes about what it pays for a drawn one, and a large corpus's
// scene hides thousands (the claims between groups, summed up by the lines between them).
import type { EdgeProgramType } from "sigma/rendering";

/** The edge type of a relation sigma must not draw. */
export const HIDDEN_EDGE_TYPE = "hidden";

class HiddenEdgeProgram {
  drawLabel = undefined;
  kill(): void {}
  reallocate(): void {}
  process(): void {}
  render(): void {}
}

export const hiddenEdgeProgram = HiddenEdgeProgram as unknown as EdgeProgramType;
