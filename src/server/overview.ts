// The explorer's way into a corpus too large to draw whole (as Neo4j Bloom and Linkurious open one): the overview
// names the communities found at start (src/layout/communities.ts) with their counts, largest members and the
// claims between them; the scene route brings nodes into the explorer's scene, a community or a node's
// neighbours at a time, with the claims that link them to what is already drawn.
import type { OverviewCommunity, OverviewResponse, SceneRequest, SceneResponse } from "../api/contract";
import { SCENE_BODY_KEYS, SCENE_RULES } from "../api/parameters";
import { NotFoundError, ParameterError } from "../errors";
import { checkInteger } from "../query";
import type { ServerContext } from "./server-context";
import { edgeView, nodeView } from "./server-context";

type OverviewSource = Pick<ServerContext, "dataset" | "display" | "nodesByDegree">;

/** The overview without the cap: computed once with the context. */
export function computeOverview(
  context: OverviewSource,
  communities: ReadonlyMap<string, number>,
): Omit<OverviewResponse, "sceneCap" | "large"> {
  const { graph } = context.dataset;
  const count = new Set(communities.values()).size;
  const listed = Math.min(count, SCENE_RULES.communities);
  const found: OverviewCommunity[] = Array.from({ length: listed }, (_, id) => ({
    id,
    nodes: 0,
    edges: 0,
    top: [],
    x: 0,
    y: 0,
    radius: 0,
  }));
  // Largest degree first, so the first members met are the ones that name the group.
  for (const node of context.nodesByDegree) {
    const community = found[communities.get(node)!];
    if (!community) continue;
    community.nodes += 1;
    const at = context.display.get(node)!;
    community.x += at.x;
    community.y += at.y;
    if (community.top.length < SCENE_RULES.topMembers) {
      const a = graph.getNodeAttributes(node);
      community.top.push({ id: node, label: a.shortLabel ?? a.label, type: a.type });
    }
  }
  for (const community of found) {
    community.x /= Math.max(1, community.nodes);
    community.y /= Math.max(1, community.nodes);
  }
  const spread = new Array<number>(found.length).fill(0);
  for (const [node, id] of communities) {
    const community = found[id];
    if (!community) continue;
    const at = context.display.get(node)!;
    spread[id]! += (at.x - community.x) ** 2 + (at.y - community.y) ** 2;
  }
  found.forEach((community, id) => (community.radius = Math.sqrt(spread[id]! / Math.max(1, community.nodes))));
  const between = new Map<string, { source: number; target: number; edges: number }>();
  graph.forEachEdge((_edge, _a, source, target) => {
    const [a, b] = [communities.get(source)!, communities.get(target)!];
    if (a === b) {
      if (found[a]) found[a].edges += 1;
      return;
    }
    if (a >= listed || b >= listed) return;
    const [low, high] = a < b ? [a, b] : [b, a];
    const key = `${low}-${high}`;
    const link = between.get(key) ?? { source: low, target: high, edges: 0 };
    link.edges += 1;
    between.set(key, link);
  });
  const links = [...between.values()]
    .sort((x, y) => y.edges - x.edges || x.source - y.source || x.target - y.target)
    .slice(0, SCENE_RULES.links);
  return { nodes: graph.order, edges: graph.size, communityCount: count, communities: found, links };
}

/** `GET /api/overview?cap=`: the overview, and whether a graph this size opens on it. */
export function overviewView(context: ServerContext, cap: unknown): OverviewResponse {
  const sceneCap = checkInteger("overview", "cap", cap ?? SCENE_RULES.cap.default, SCENE_RULES.cap);
  return { ...context.overview, sceneCap, large: context.dataset.graph.order > sceneCap };
}

function idList(body: Record<string, unknown>, key: "keep" | "add"): string[] {
  const value = body[key];
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((id) => typeof id === "string"))
    throw new ParameterError(key, `"${key}" must be a list of node ids`);
  if (value.length > SCENE_RULES.cap.max)
    throw new ParameterError(key, `"${key}" lists ${value.length} ids; at most ${SCENE_RULES.cap.max} are accepted`);
  return value as string[];
}

/** Checks a `POST /api/scene` body: an object of the contract's keys, known ids, a community that exists. */
function readSceneBody(
  context: ServerContext,
  body: unknown,
): Required<Omit<SceneRequest, "community">> & {
  community?: number;
} {
  if (body === null || typeof body !== "object" || Array.isArray(body))
    throw new ParameterError("add", 'the body must be a JSON object: {"keep": [...], "add": [...]}');
  const given = body as Record<string, unknown>;
  const allowed: readonly string[] = SCENE_BODY_KEYS;
  for (const key of Object.keys(given)) {
    if (!allowed.includes(key))
      throw new ParameterError(
        key.slice(0, 100),
        `unknown key ${JSON.stringify(key.slice(0, 100))} in the body; it accepts: ${SCENE_BODY_KEYS.join(", ")}`,
      );
  }
  const keep = idList(given, "keep");
  const add = idList(given, "add");
  const { graph } = context.dataset;
  const unknown = [...keep, ...add].find((id) => !graph.hasNode(id));
  if (unknown !== undefined) throw new NotFoundError(`node "${unknown.slice(0, 200)}" not found`, []);
  const communityCount = context.overview.communityCount;
  const community =
    given.community === undefined
      ? undefined
      : checkInteger("scene", "community", given.community, { min: 0, max: Math.max(0, communityCount - 1) });
  const room = Math.max(0, SCENE_RULES.cap.max - keep.length);
  const limit = checkInteger("scene", "limit", given.limit ?? room, { min: 0, max: SCENE_RULES.cap.max });
  return { keep, add, limit: Math.min(limit, room), ...(community === undefined ? {} : { community }) };
}

/** `POST /api/scene`: the nodes brought in and every claim between one of them and the scene. */
export function sceneView(context: ServerContext, body: unknown): SceneResponse {
  const { keep, add, limit, community } = readSceneBody(context, body);
  const { graph } = context.dataset;
  const drawn = new Set(keep);
  const wanted: string[] = [];
  const seen = new Set<string>();
  const want = (id: string): void => {
    if (drawn.has(id) || seen.has(id)) return;
    seen.add(id);
    wanted.push(id);
  };
  add.forEach(want);
  if (community !== undefined) {
    for (const id of context.nodesByDegree) if (context.communities.get(id) === community) want(id);
  }
  const added = wanted.slice(0, limit);
  const brought = new Set(added);
  const edgeKeys = new Set<string>();
  for (const id of added) {
    graph.forEachEdge(id, (key, _a, source, target) => {
      const other = source === id ? target : source;
      if (brought.has(other) || drawn.has(other)) edgeKeys.add(key);
    });
  }
  const nodes = added.map((id) => nodeView(context, id));
  const edges = [...edgeKeys].map((key) => edgeView(graph, key));
  return {
    options: { type: "directed", multi: true, allowSelfLoops: true },
    attributes: { name: graph.getAttribute("name") },
    nodes,
    edges,
    truncated: wanted.length > added.length,
    counts: { nodes: graph.order, edges: graph.size, shownNodes: nodes.length, shownEdges: edges.length },
    added,
    left: wanted.length - added.length,
  };
}
