// Double-click on a node: bring its neighbours that are not in view into the scene, or, when there are none (or it
// was expanded), take away what it brought (or its leaves: neighbours linked to nothing else in view). Where the
// neighbours come from depends on the scene: the graph loaded (a small corpus, shown whole) or the server (a large
// corpus's scene, see scene-source.ts).
import type { AppContext } from "../app/context.js";
import { collapseNode, expandNode } from "./transitions.js";

export interface SceneSource {
  /** Every neighbour of a node in the whole graph; those the scene has room for are loaded before it answers. */
  neighbours(id: string): Promise<string[]>;
  /** Most nodes a scene that lists its members may hold; null when the whole graph is loaded. */
  cap: number | null;
}

/** The whole graph is loaded: its neighbours are the graph's. */
export function loadedSource(ctx: Pick<AppContext, "graph">): SceneSource {
  return { neighbours: async (id) => ctx.graph.neighbors(id), cap: null };
}

const plural = (n: number, one: string, many = `${one}s`): string =>
  `${n.toLocaleString("en")} ${n === 1 ? one : many}`;

/** Expand or collapse `id`; answers what it did in a sentence for the status line. */
export async function toggleExpansion(ctx: AppContext, source: SceneSource, id: string): Promise<string> {
  const { graph, store } = ctx;
  if (!graph.hasNode(id)) return "";
  const name = graph.getNodeAttribute(id, "label");
  const brought = store.get().scene.expanded[id];
  if (brought) {
    store.dispatch(collapseNode(id, brought));
    return `Collapsed ${name}: ${plural(brought.length, "neighbour")} it brought in hidden.`;
  }
  const all = await source.neighbours(id);
  const { scene } = store.get();
  const hidden = new Set(scene.hidden);
  const members = scene.members ? new Set(scene.members) : null;
  const outside = all.filter((n) => n !== id && (hidden.has(n) || (members !== null && !members.has(n))));
  if (outside.length > 0) {
    const room = source.cap === null || members === null ? outside.length : Math.max(0, source.cap - members.size);
    // A large corpus's source loads only what the scene has room for.
    const added = outside.filter((n) => graph.hasNode(n)).slice(0, room);
    const left = outside.length - added.length;
    if (added.length > 0) store.dispatch(expandNode(id, added));
    const rest =
      left > 0
        ? ` ${plural(left, "more neighbour")} not shown: the scene holds at most ${source.cap!.toLocaleString("en")} nodes; hide some (select, then "Hide selection") to make room.`
        : "";
    return `Expanded ${name}: ${plural(added.length, "neighbour")} brought in.${rest}`;
  }
  const shown = ctx.visibility().nodes;
  const leaves = graph
    .neighbors(id)
    .filter((n) => shown.has(n) && graph.neighbors(n).every((m) => m === id || m === n || !shown.has(m)));
  if (leaves.length === 0) return `${name} has no neighbour out of view to bring in, and none linked to it alone.`;
  store.dispatch(collapseNode(id, leaves));
  return `Collapsed ${name}: ${plural(leaves.length, "neighbour")} linked to it alone hidden; double-click again to bring them back.`;
}
