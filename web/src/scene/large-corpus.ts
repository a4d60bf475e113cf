// A corpus too large to draw whole opens as Neo4j Bloom and Linkurious open one: the overview names its communities
// (labels over the canvas, with their counts) and the first scene holds their largest members; the analyst then
// builds the scene by opening a group, searching, double-clicking and asking for paths, up to the scene's cap,
// and the line over the canvas says what is left out and how to bring it in.
import { MultiDirectedGraph } from "graphology";
import type Sigma from "sigma";
import { api, errorMessage } from "../api/index.js";
import type { OverviewCommunity, OverviewResponse, SceneRequest, SchemaResponse } from "../api/index.js";
import type { AppContext } from "../app/context.js";
import { h } from "../dom/index.js";
import { mergeIntoGraph } from "../graph/index.js";
import type { DisplayGraph } from "../graph/index.js";
import { curveParallelEdges, drawTags, LABELS, RectGrid } from "../renderer/index.js";
import { mountGroupLinks } from "./group-links.js";
import { groupPlacement, regroup, spreadMembers, spreadReach } from "./group-placement.js";
import type { GroupPlacement } from "./group-placement.js";
import type { Scene } from "./index.js";
import { bringIntoScene } from "./transitions.js";

/** Largest drawn node size in a scene: a hub of thousands of claims must not cover the view. */
export const SCENE_NODE_SIZE_MAX = 12;
/** The closest the camera comes to an opened group (a camera ratio): as close as fills the canvas with it. */
const OPENED_GROUP_CLOSEST = 0.1;
/** Pixels between two members' circles in an opened group, at the camera that comes to it. */
const SPREAD_GAP = 2;
/** The smallest share of their sizes an opened group's circles are drawn at, to fit its cell on a narrow canvas. */
const SMALLEST_SHRINK = 0.2;
/** Room left between two rows of groups for the names of the lower row, in pixels: a name and a little air. */
const NAME_BAND = 30;
/** Communities named over the canvas: more would bury the graph under labels. */
const LABELLED_COMMUNITIES = 16;

const count = (n: number): string => n.toLocaleString("en");

/** A large corpus as the explorer opens it: the server's overview, and where its groups are drawn. */
export interface LargeCorpus {
  overview: OverviewResponse;
  placement: GroupPlacement;
}

/**
 * The first scene: the largest members of every group drawn apart, placed for a canvas `aspect` times as wide as it
 * is high.
 */
export async function loadFirstScene(
  overview: OverviewResponse,
  schema: SchemaResponse,
  aspect: number,
): Promise<{ graph: DisplayGraph; corpus: LargeCorpus }> {
  const placement = groupPlacement(overview, aspect);
  const add = placement.groups.flatMap((c) => c.top.map((t) => t.id));
  const data = await api.scene({ add, limit: overview.sceneCap });
  const graph: DisplayGraph = new MultiDirectedGraph();
  mergeIntoGraph(graph, data, schema, SCENE_NODE_SIZE_MAX, placement.place);
  curveParallelEdges(graph);
  return { graph, corpus: { overview, placement } };
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

export function mountLargeCorpus(ctx: AppContext, scene: Scene, corpus: LargeCorpus, layer: HTMLElement): void {
  const { graph, store, renderer } = ctx;
  const { overview } = corpus;
  let { placement } = corpus;
  const cap = overview.sceneCap;
  const members = (): string[] => store.get().scene.members ?? graph.nodes();
  const room = (): number => Math.max(0, cap - members().length);

  async function load(request: Omit<SceneRequest, "keep">): Promise<string[]> {
    const answer = await api.scene({ keep: graph.nodes(), ...request });
    mergeIntoGraph(graph, answer, ctx.schema, SCENE_NODE_SIZE_MAX, placement.place);
    curveParallelEdges(graph);
    return answer.added;
  }

  /**
   * Put these ids (loaded or not) into the scene, as far as it has room, and draw the claims of `opened` to the
   * other groups; answers the ids that came in.
   */
  async function bringIn(ids: string[], note = "", opened: string[] = []): Promise<string[]> {
    const drawn = new Set(members());
    const wanted = [...new Set(ids)].filter((id) => !drawn.has(id));
    const fresh = wanted.slice(0, room());
    const missing = fresh.filter((id) => !graph.hasNode(id));
    if (missing.length > 0) await load({ add: missing, limit: missing.length });
    const added = fresh.filter((id) => graph.hasNode(id));
    store.dispatch(bringIntoScene(added, opened));
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
    const { nodes, edges, summed } = ctx.visibility();
    const full = room() === 0;
    const parts = [
      `Showing ${count(nodes.size)} of ${count(overview.nodes)} nodes and ${count(edges.size)} of ${count(overview.edges)} claims, in ${count(overview.communityCount)} groups found by their links${summed.size > 0 ? "; grey lines stand for the claims between groups (hover a node to draw its own)" : ""}.`,
      note,
      left > 0 ? `${count(left)} more nodes asked for are not shown: the scene holds at most ${count(cap)} nodes.` : "",
      full
        ? `The scene is full (${count(cap)} nodes): select nodes and "Hide selection", or Undo, to make room.`
        : `To bring more in: open a group by its label, search for a name, double-click a node for its neighbours, or ask for paths (at most ${count(cap)} nodes at a time).`,
    ];
    scene.message.textContent = parts.filter(Boolean).join(" ");
  }

  // The community labels, kept over their groups as the camera moves, and the lines between the groups.
  const labels = h("div", { class: "community-layer" });
  const listed = placement.groups.slice(0, LABELLED_COMMUNITIES);
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
  const byId = new Map(overview.communities.map((c) => [c.id, c]));
  const links = mountGroupLinks(
    overview,
    new Set(placement.groups.map((c) => c.id)),
    renderer.getContainer(),
    labels,
    (id) => (byId.has(id) ? groupName(byId.get(id)!) : "the smaller groups"),
  );

  const origin = (): DOMRect => renderer.getContainer().getBoundingClientRect();
  // The PNG of the view draws the lines and their counts, and the groups' names over them, as the screen shows them.
  ctx.overlays.push(links.overlay(origin), { over: (context) => drawTags(context, buttons, origin()) });

  // Where each group's shown members are (graph coordinates): its name goes over them, its lines from their middle.
  let extents = new Map<number, Extent>();
  const measureGroups = (): void => {
    extents = groupExtents(graph, ctx.visibility().nodes);
  };
  measureGroups();
  // Measured once they are laid out: reading sizes every frame would lay the page out every frame.
  let sizes: { width: number; height: number }[] | null = null;
  // Where each name was put in the last frame: the node labels keep off the names (they are controls over the canvas,
  // renderer/create-renderer.ts), placed before the names move in this frame, so a name that moved asks for one more.
  let placedAt: string[] = [];
  const place = (): void => {
    if (!sizes && buttons.some((b) => b.offsetWidth > 0))
      sizes = buttons.map((b) => ({ width: b.offsetWidth, height: b.offsetHeight }));
    const extent = (id: number): Extent => {
      const anchor = placement.anchors.get(id)!;
      return (
        extents.get(id) ?? { x: anchor.x, y: anchor.y, top: anchor.y + anchor.r, bottom: anchor.y - anchor.r, size: 0 }
      );
    };
    const { width: canvasWidth, height: canvasHeight } = renderer.getDimensions();
    // No name covers a node: every disc drawn is in the way (its box), and the names placed so far.
    const taken = new RectGrid();
    renderer.getGraph().forEachNode((id) => {
      const data = renderer.getNodeDisplayData(id);
      if (!data || data.hidden) return;
      const { x, y } = renderer.framedGraphToViewport(data);
      const r = renderer.scaleSize(data.size);
      if (x + r < 0 || y + r < 0 || x - r > canvasWidth || y - r > canvasHeight) return;
      taken.add({ x: x - r, y: y - r, width: 2 * r, height: 2 * r });
    });
    // Largest groups first; a name with no free spot waits for the camera to come closer.
    const moved: string[] = [];
    listed.forEach((community, i) => {
      const { x, y, top, bottom, size } = extent(community.id);
      const button = buttons[i]!;
      const { width, height } = sizes?.[i] ?? { width: 0, height: 0 };
      const [over, under, middle] = [
        renderer.graphToViewport({ x, y: top }),
        renderer.graphToViewport({ x, y: bottom }),
        renderer.graphToViewport({ x, y }),
      ];
      const radius = renderer.scaleSize(size);
      const inside = (x: number): number => Math.max(2, Math.min(x, canvasWidth - width - 2));
      // Over the group (centred, else shifted aside), else under it, else beside it: a group at the canvas's edge is
      // narrower than its name.
      const spots = [
        ...[over.y - radius - 4 - height, under.y + radius + 4].flatMap((y) =>
          [0, width / 3, -width / 3, (2 * width) / 3, (-2 * width) / 3].map((shift) => ({
            x: inside(over.x - width / 2 + shift),
            y,
          })),
        ),
        { x: inside(middle.x - width - radius - 8), y: middle.y - height / 2 },
        { x: inside(middle.x + radius + 8), y: middle.y - height / 2 },
      ].map((at) => ({ ...at, width, height }));
      const inView = (b: { y: number; height: number }): boolean => b.y >= 0 && b.y + b.height <= canvasHeight;
      const box = spots.find(
        (b) => inView(b) && !taken.hits({ x: b.x - 4, y: b.y - 2, width: width + 8, height: height + 4 }),
      );
      button.classList.toggle("covered", !box);
      if (box) taken.add(box);
      // A name with no room is out of sight, and out of the node labels' way, but where a keyboard user finds it.
      const { x: bx, y: by } =
        box ?? (button === document.activeElement ? spots[0]! : { x: -4 * width, y: -4 * height });
      moved.push(`translate(${Math.round(bx)}px, ${Math.round(by)}px)`);
      button.style.transform = moved[i]!;
    });
    if (moved.some((at, i) => at !== placedAt[i])) renderer.scheduleRender();
    placedAt = moved;
    // The counts on the lines give way to the nodes, the groups' names and the nodes' labels.
    for (const box of LABELS.placed(renderer as unknown as Sigma)) taken.add(box);
    const ends = new Map(placement.groups.map((c) => [c.id, renderer.graphToViewport(extent(c.id))]));
    links.place(ends, taken);
  };
  renderer.on("afterRender", place);

  /**
   * Spread a group's members (but those pinned by hand) over its cell, with room for each circle as drawn once the
   * camera has come to the cell. A cell too small on the canvas for its members' circles (a narrow window: the
   * camera cannot draw back from a cell without showing less of it) draws them smaller, all in the same proportion.
   */
  function spreadGroup(id: number, ids: string[]): void {
    const anchor = placement.anchors.get(id);
    if (!anchor) return;
    const pins = store.get().scene.pins;
    const loose = ids.filter((node) => !pins[node]).map((node) => ({ id: node, ...graph.getNodeAttributes(node) }));
    const room = ctx.canvas.fitRoom();
    // Pixels per graph unit with the camera at ratio 1 (at ratio k, 1/k of that), and the camera that fits the cell.
    const still = { ...renderer.getCamera().getState(), ratio: 1 };
    const [a, b] = [
      renderer.graphToViewport({ x: 0, y: 0 }, { cameraState: still }),
      renderer.graphToViewport({ x: 1, y: 0 }, { cameraState: still }),
    ];
    const perUnit = Math.hypot(b.x - a.x, b.y - a.y) || 1;
    const ratio = Math.max(OPENED_GROUP_CLOSEST, (2 * anchor.r * perUnit) / Math.min(room.width, room.height));
    const across = (2 * anchor.r * perUnit) / ratio;
    // A circle's room in pixels, its size times `shrink`: its radius as drawn there and half the gap.
    const pixels = (size: number, shrink: number): number => renderer.scaleSize(size * shrink, ratio) + SPREAD_GAP / 2;
    const fits = (shrink: number): boolean => 2 * spreadReach(loose.map((m) => pixels(m.size, shrink))) <= across;
    // The largest share of their sizes at which the circles fit, by halving.
    let [small, shrink] = [SMALLEST_SHRINK, 1];
    if (!fits(shrink)) {
      while (shrink - small > 0.005) {
        const middle = (small + shrink) / 2;
        if (fits(middle)) small = middle;
        else shrink = middle;
      }
      shrink = small;
    }
    const sized = loose.map((m) => ({ ...m, size: m.size * shrink }));
    const places = spreadMembers(sized, anchor, (size) => (pixels(size, 1) * ratio) / perUnit);
    for (const m of sized) graph.mergeNodeAttributes(m.id, { ...places.get(m.id), size: m.size });
  }

  async function openGroup(community: OverviewCommunity): Promise<void> {
    try {
      const before = members().length;
      const added = await load({ community: community.id, limit: room() });
      // Its members' claims to the other groups are drawn, the first scene's included.
      const opened = graph.filterNodes((_id, a) => a.community === community.id);
      spreadGroup(community.id, opened);
      await bringIn(added, `Opened the group of ${groupName(community)}.`, opened);
      // The camera comes to the group: spread over its cell, its members are apart enough to read there.
      // Drawn once now, so that the camera is fitted to the members as sigma shows them.
      renderer.refresh();
      ctx.canvas.fitNodes(opened, OPENED_GROUP_CLOSEST);
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
    if (state.scene !== previous.scene || state.filters !== previous.filters) {
      measureGroups();
      describe();
    }
  });
  describe();
  // Once the panels around the canvas are mounted (after this task's synchronous start), its shape is known: the
  // groups are packed to it, and the first view fits them below the line over the canvas.
  queueMicrotask(() => {
    renderer.resize();
    const room = ctx.canvas.fitRoom();
    const next = groupPlacement(overview, room.width / room.height, NAME_BAND / room.height);
    regroup(graph, placement, next);
    placement = next;
    measureGroups();
    // Sigma frames the graph's new extent when it draws: the fit is measured in that frame.
    renderer.refresh();
    ctx.canvas.refitShown(false);
  });
}

type Extent = { x: number; y: number; top: number; bottom: number; size: number };

/** The middle of each group's shown nodes, the highest and lowest, and the largest size, in graph coordinates. */
function groupExtents(graph: DisplayGraph, shown: ReadonlySet<string>): Map<number, Extent> {
  const boxes = new Map<number, { minX: number; maxX: number; minY: number; maxY: number; size: number }>();
  for (const id of shown) {
    const { community, x, y, size } = graph.getNodeAttributes(id);
    if (community === undefined) continue;
    const box = boxes.get(community);
    if (!box) boxes.set(community, { minX: x, maxX: x, minY: y, maxY: y, size });
    else {
      [box.minX, box.maxX] = [Math.min(box.minX, x), Math.max(box.maxX, x)];
      [box.minY, box.maxY] = [Math.min(box.minY, y), Math.max(box.maxY, y)];
      box.size = Math.max(box.size, size);
    }
  }
  return new Map(
    [...boxes].map(([id, b]) => [
      id,
      { x: (b.minX + b.maxX) / 2, y: (b.minY + b.maxY) / 2, top: b.maxY, bottom: b.minY, size: b.size },
    ]),
  );
}
