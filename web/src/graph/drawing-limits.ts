// How much a scene may show before the canvas draws it more plainly. A software renderer (WebGL without a GPU, as on
// many analysts' virtual desktops) pays for every pixel of every relation, twice (once more, invisibly, to find what
// the pointer is over): thousands of relations take seconds a frame, and a curve is drawn over its whole bounding box.
export const DRAWING_LIMITS = Object.freeze({
  /** Relations shown above which parallel relations are drawn straight, one on the other, rather than fanned. */
  curvedEdges: 1000,
  /** Relations shown above which they are left out of the frames drawn while the camera moves. */
  edgesWhileMoving: 1000,
  /** Nodes shown above which their labels are left out of the frames drawn while the camera moves. */
  labelsWhileMoving: 600,
});
