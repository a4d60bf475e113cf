// A corpus too large to draw whole opens as Neo4j Bloom and Linkurious open one: the overview names its communities
// (labels over the canvas, with their counts) and the first scene holds their largest members; the analyst then
// builds the scene by opening a group, searching, double-clicking and asking for paths, up to the scene's cap,
// and the line over the canvas says what is left out and how to bring it in.
import { MultiDirectedGraph } from "graphology";
import { api, errorMessage } from "../api/index.js";
import type { GraphViewNode, OverviewCommunity, OverviewResponse, SceneRequest, SchemaResponse } from "../api/index.js";
import type { AppContext } from "../app/context.js";
import { h } from "../dom/index.js";
import { mergeIntoGraph } from "../graph/index.js";
import type { DisplayGraph } from "../graph/index.js";
import { curveParallelEdges } from "../renderer/index.js";
import type { Scene } from "./index.js";
import { setMembers, showHidden } from "./transitions.js";

/** Largest drawn node size in a scene: a hub of thousands of claims must not cover the view. */
export const SCENE_NODE_SIZE_MAX = 12;
/** Communities named over the canvas: more would bury the graph under labels. */
const LABELLED_COMMUNITIES = 16;

const count = (n: number): string => n.toLocaleString("en");

type Placed = { x: number; y: number };
type NodeAttributes = GraphViewNode["attributes"];

/**
 * Where a large corpus draws its nodes: each group apart from the others, side by side in rows (largest first), at
 * a size that grows with its count, its members placed as the server's layout places them around its centre. The
 * whole graph's layout mixes the groups of a corpus this size into one blob; apart, they read as groups. Nodes of
 * the small groups the overview does not list share one more cell.
 */
export function groupPlacement(overview: OverviewResponse): {
  anchors: Map<number, Placed & { r: number }>;
  place(a: NodeAttributes): Placed;
} {
  const listed = overview.communities;
  const rest = Math.max(1, overview.nodes - listed.reduce((sum, c) => sum + c.nodes, 0));
  const cells = [...listed.map((c) => ({ id: c.id, r: Math.sqrt(c.nodes) })), { id: -1, r: Math.sqrt(rest) }];
  const gap = 0.4 * Math.max(...cells.map((c) => c.r));
  const width = 1.4 * Math.sqrt(cells.reduce((sum, c) => sum + (2 * c.r + gap) ** 2, 0));
  const anchors = new Map<number, Placed & { r: number }>();
  let [x, y, row] = [0, 0, 0];
  for (const cell of cells) {
    const d = 2 * cell.r;
    if (x > 0 && x + d > width) [x, y, row] = [0, y - row - gap, 0];
    anchors.set(cell.id, { x: x + cell.r, y: y - cell.r, r: cell.r });
    x += d + gap;
    row = Math.max(row, d);
  }
  const byId = new Map(listed.map((c) => [c.id, c]));
  const total = listed.reduce((sum, c) => sum + c.nodes, 0) || 1;
  const centre = {
    x: listed.reduce((sum, c) => sum + c.x * c.nodes, 0) / total,
    y: listed.reduce((sum, c) => sum + c.y * c.nodes, 0) / total,
    radius: Math.max(1e-9, ...listed.map((c) => c.radius + Math.hypot(c.x, c.y))),
  };
  return {
    anchors,
    place(a) {
      const group = a.community === undefined ? undefined : byId.get(a.community);
      const anchor = anchors.get(group ? group.id : -1)!;
      const from = group ?? centre;
      // Most members lie within two spreads of their centre: that much fills the cell.
      const scale = anchor.r / (2 * Math.max(group ? group.radius : centre.radius, 1e-9));
      return { x: anchor.x + (a.x - from.x) * scale, y: anchor.y + (a.y - from.y) * scale };
    },
  };
}

/** The first scene: the largest members of every community the overview lists. */
export async function loadFirstScene(overview: OverviewResponse, schema: SchemaResponse): Promise<DisplayGraph> {
  const add = overview.communities.flatMap((c) => c.top.map((t) => t.id));
  const data = await api.scene({ add, limit: overview.sceneCap });
  const graph: DisplayGraph = new MultiDirectedGraph();
  mergeIntoGraph(graph, data, schema, SCENE_NODE_SIZE_MAX, groupPlacement(overview).place);
  curveParallelEdges(graph);
  return graph;
}

/** The scene cap asked in the page's address (`?cap=300`), for trying a small corpus as a large one. */
export function capFromAddress(): number | undefined {
  const cap = Number(new URLSearchParams(window.location.search).get("cap"));
  return Number.isInteger(cap) && cap > 0 ? cap : undefined;
}

function groupName(community: OverviewCommunity): string {
  return community.top
    .slice(0, 2)
    .map((t) => t.label)
    .join(", ");
}

export function mountLargeCorpus(ctx: AppContext, scene: Scene, overview: OverviewResponse, layer: HTMLElement): void {
  const { graph, store, renderer } = ctx;
  const cap = overview.sceneCap;
  const placement = groupPlacement(overview);
  const members = (): string[] => store.get().scene.members ?? graph.nodes();
  const room = (): number => Math.max(0, cap - members().length);

  async function load(request: Omit<SceneRequest, "keep">): Promise<string[]> {
    const answer = await api.scene({ keep: graph.nodes(), ...request });
    mergeIntoGraph(graph, answer, ctx.schema, SCENE_NODE_SIZE_MAX, placement.place);
    curveParallelEdges(graph);
    return answer.added;
  }

  /** Put these ids (loaded or not) into the scene, as far as it has room; answers those that came in. */
  async function bringIn(ids: string[], note = ""): Promise<string[]> {
    const drawn = new Set(members());
    const wanted = [...new Set(ids)].filter((id) => !drawn.has(id));
    const fresh = wanted.slice(0, room());
    const missing = fresh.filter((id) => !graph.hasNode(id));
    if (missing.length > 0) await load({ add: missing, limit: missing.length });
    const added = fresh.filter((id) => graph.hasNode(id));
    if (added.length > 0) store.dispatch(setMembers([...drawn, ...added]));
    store.dispatch(showHidden(added));
    describe(wanted.length - added.length, note);
    return added;
  }
  ctx.bringIn = (ids) => bringIn(ids);

  scene.setSource({
    cap,
    async neighbours(id) {
      const details = await ctx.data.node(id);
      const around = [...new Set(details.edges.map((e) => (e.source === id ? e.target : e.source)))];
      const drawn = new Set(members());
      const missing = around.filter((n) => !drawn.has(n) && !graph.hasNode(n)).slice(0, room());
      if (missing.length > 0) await load({ add: missing, limit: missing.length });
      return around;
    },
  });

  /** The line over the canvas: what is drawn, what is left out and how to bring it in. */
  function describe(left = 0, note = ""): void {
    const shown = ctx.visibility().nodes.size;
    const full = room() === 0;
    const parts = [
      `Showing ${count(shown)} of ${count(overview.nodes)} nodes and ${count(ctx.visibility().edges.size)} of ${count(overview.edges)} claims, in ${count(overview.communityCount)} groups found by their links.`,
      note,
      left > 0 ? `${count(left)} more nodes asked for are not shown: the scene holds at most ${count(cap)} nodes.` : "",
      full
        ? `The scene is full (${count(cap)} nodes): select nodes and "Hide selection", or Undo, to make room.`
        : `To bring more in: open a group by its label, search for a name, double-click a node for its neighbours, or ask for paths (at most ${count(cap)} nodes at a time).`,
    ];
    scene.message.textContent = parts.filter(Boolean).join(" ");
  }

  // The community labels, kept over their groups' centres as the camera moves.
  const labels = h("div", { class: "community-layer" });
  const listed = overview.communities.slice(0, LABELLED_COMMUNITIES);
  const buttons = listed.map((community) =>
    h(
      "button",
      {
        class: "community-label",
        attrs: {
          type: "button",
          "data-community": community.id,
          "aria-label": `Open group ${groupName(community)}: ${count(community.nodes)} nodes`,
          title: `Group of ${count(community.nodes)} nodes and ${count(community.edges)} claims, led by ${community.top
            .map((t) => t.label)
            .join(", ")}. Click to bring its largest members into the scene.`,
        },
        on: { click: () => void openGroup(community) },
      },
      // A long name is cut, never the count: how big a group is is what the overview is for.
      h("span", { class: "community-name", text: community.top[0]?.label ?? "Group" }),
      h("span", { class: "community-count", text: `\u00a0· ${count(community.nodes)}` }),
    ),
  );
  labels.append(...buttons);
  layer.append(labels);
  const place = (): void => {
    // Largest groups first; a label that would cover one already placed waits for the camera to come closer.
    const taken: DOMRect[] = [];
    listed.forEach((community, i) => {
      // Above its group's cell, so that the label names the group without covering its members.
      const anchor = placement.anchors.get(community.id)!;
      const at = renderer.graphToViewport({ x: anchor.x, y: anchor.y + anchor.r });
      const button = buttons[i]!;
      const [width, height] = [button.offsetWidth, button.offsetHeight];
      const box = new DOMRect(at.x - width / 2, at.y - height / 2, width, height);
      const covers = taken.some(
        (t) => box.left < t.right + 4 && t.left < box.right + 4 && box.top < t.bottom + 2 && t.top < box.bottom + 2,
      );
      button.classList.toggle("covered", covers);
      if (!covers) taken.push(box);
      button.style.transform = `translate(${Math.round(box.left)}px, ${Math.round(box.top)}px)`;
    });
  };
  renderer.on("afterRender", place);

  async function openGroup(community: OverviewCommunity): Promise<void> {
    try {
      const before = members().length;
      const added = await load({ community: community.id, limit: room() });
      await bringIn(added, `Opened the group of ${groupName(community)}.`);
      ctx.announce(`Group ${groupName(community)}: ${count(members().length - before)} nodes brought in.`);
    } catch (error) {
      ctx.announce(`Could not open the group: ${errorMessage(error)}`);
    }
  }

  // A path answer or a node selected elsewhere (a relation in the details) joins the scene.
  store.subscribe((state, previous) => {
    if (state.pathResult !== previous.pathResult && state.pathResult.status === "found") {
      const ids = state.pathResult.response.paths.flatMap((p) => p.nodes.map((n) => n.id));
      void bringIn(ids, "The paths found were brought in.").catch(() => undefined);
    }
    if (state.scene !== previous.scene || state.filters !== previous.filters) describe();
  });
  describe();
}
