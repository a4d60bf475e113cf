// A compact read-only adjacency index (CSR typed arrays) built once from the graph, so traversals never touch strings.
import type { Dataset, Schema } from "../schema/types";

/**
 * One adjacency direction in compressed sparse row form. The entries of node `u` are `offsets[u]..offsets[u+1]`,
 * sorted by neighbour (integer id, which follows string id order) then by edge. `edges[p]` is the edge's integer
 * id when the edge points from `u` to the neighbour, and its bitwise complement (`~e`, negative) when it points
 * from the neighbour to `u`; `edgeTypes[p]` repeats the edge's type code so that filters need no second look-up.
 */
export interface AdjacencyView {
  offsets: Int32Array;
  neighbors: Int32Array;
  edges: Int32Array;
  edgeTypes: Uint8Array | Uint16Array;
}

/** Reusable per-query working memory: generation-stamped marks instead of fresh Sets and Maps per query. */
export interface TraversalScratch {
  generation: number;
  stampA: Int32Array;
  distA: Int32Array;
  prevA: Int32Array;
  viaA: Int32Array;
  stampB: Int32Array;
  distB: Int32Array;
  prevB: Int32Array;
  viaB: Int32Array;
  queueA: Int32Array;
  queueB: Int32Array;
  onPath: Int32Array;
  edgeStamp: Int32Array;
}

export interface AdjacencyIndex {
  schema: Schema;
  nodeCount: number;
  edgeCount: number;
  /** String ids by integer id, in ascending (code unit) order. */
  nodeIds: string[];
  nodeIndex: Map<string, number>;
  /** String ids by integer id, in the graph's edge order. */
  edgeIds: string[];
  edgeSource: Int32Array;
  edgeTarget: Int32Array;
  /** Type code per edge; `edgeTypeNames[code]` is its name. Schema types come first, in schema order. */
  edgeType: Uint8Array | Uint16Array;
  edgeTypeNames: string[];
  edgeTypeCode: Map<string, number>;
  /** 1 for edge type codes the schema marks `provenance: true`. */
  provenanceEdgeType: Uint8Array;
  /** Type code per node; `nodeTypeNames[code]` is its name. */
  nodeType: Uint16Array;
  nodeTypeNames: string[];
  nodeTypeCode: Map<string, number>;
  /** `nodeType * 2 + 1` for the document node of a loaded source, `nodeType * 2` otherwise: one mask look-up per node. */
  nodeClass: Uint16Array;
  out: AdjacencyView;
  in: AdjacencyView;
  /** Both directions merged: the undirected view. */
  both: AdjacencyView;
  /** Connected component per node in the unfiltered, undirected graph. */
  component: Int32Array;
  /**
   * Working memory of the searches. A synchronous search leaves nothing here that the next one needs; a sliced
   * search keeps its state here while suspended, so it must run on a copy of the index with a scratch of its own
   * (`withOwnScratch`) for other searches to run between its slices.
   */
  scratch: TraversalScratch;
}

function typeCodes(
  schemaNames: Iterable<string>,
  used: Iterable<string>,
): { names: string[]; codes: Map<string, number> } {
  const names = [...schemaNames];
  const codes = new Map(names.map((name, i) => [name, i]));
  for (const name of used) {
    if (!codes.has(name)) {
      codes.set(name, names.length);
      names.push(name);
    }
  }
  return { names, codes };
}

function typeArray(size: number, codeCount: number): Uint8Array | Uint16Array {
  return codeCount <= 256 ? new Uint8Array(size) : new Uint16Array(size);
}

/** Two stable counting sorts (by neighbour, then by owner) give CSR lists sorted by neighbour then entry order. */
function buildView(
  nodeCount: number,
  owners: Int32Array,
  neighbors: Int32Array,
  signedEdges: Int32Array,
  edgeType: Uint8Array | Uint16Array,
  typeCount: number,
): AdjacencyView {
  const size = owners.length;
  const byNeighbor = new Int32Array(size);
  const counts = new Int32Array(nodeCount + 1);
  for (let i = 0; i < size; i++) counts[neighbors[i]! + 1]!++;
  for (let v = 0; v < nodeCount; v++) counts[v + 1]! += counts[v]!;
  for (let i = 0; i < size; i++) byNeighbor[counts[neighbors[i]!]!++] = i;

  const offsets = new Int32Array(nodeCount + 1);
  for (let i = 0; i < size; i++) offsets[owners[i]! + 1]!++;
  for (let v = 0; v < nodeCount; v++) offsets[v + 1]! += offsets[v]!;
  const cursor = offsets.slice(0, nodeCount);
  const outNeighbors = new Int32Array(size);
  const outEdges = new Int32Array(size);
  const outTypes = typeArray(size, typeCount);
  for (let k = 0; k < size; k++) {
    const i = byNeighbor[k]!;
    const p = cursor[owners[i]!]!++;
    outNeighbors[p] = neighbors[i]!;
    const signed = signedEdges[i]!;
    outEdges[p] = signed;
    outTypes[p] = edgeType[signed < 0 ? ~signed : signed]!;
  }
  return { offsets, neighbors: outNeighbors, edges: outEdges, edgeTypes: outTypes };
}

/**
 * The undirected view: each node's out- and in-lists merged by neighbour, out-entries first on a tie. Sequential
 * reads and writes, much cheaper than sorting 2m entries again.
 */
function mergeViews(nodeCount: number, out: AdjacencyView, inView: AdjacencyView): AdjacencyView {
  const size = out.neighbors.length + inView.neighbors.length;
  const offsets = new Int32Array(nodeCount + 1);
  const neighbors = new Int32Array(size);
  const edges = new Int32Array(size);
  const edgeTypes = out.edgeTypes instanceof Uint8Array ? new Uint8Array(size) : new Uint16Array(size);
  let q = 0;
  for (let u = 0; u < nodeCount; u++) {
    offsets[u] = q;
    let a = out.offsets[u]!;
    const aEnd = out.offsets[u + 1]!;
    let b = inView.offsets[u]!;
    const bEnd = inView.offsets[u + 1]!;
    while (a < aEnd || b < bEnd) {
      const fromOut = b >= bEnd || (a < aEnd && out.neighbors[a]! <= inView.neighbors[b]!);
      const view = fromOut ? out : inView;
      const p = fromOut ? a++ : b++;
      neighbors[q] = view.neighbors[p]!;
      edges[q] = view.edges[p]!;
      edgeTypes[q] = view.edgeTypes[p]!;
      q++;
    }
  }
  offsets[nodeCount] = q;
  return { offsets, neighbors, edges, edgeTypes };
}

function components(nodeCount: number, edgeSource: Int32Array, edgeTarget: Int32Array): Int32Array {
  const parent = new Int32Array(nodeCount);
  for (let v = 0; v < nodeCount; v++) parent[v] = v;
  const find = (v: number): number => {
    while (parent[v] !== v) {
      parent[v] = parent[parent[v]!]!;
      v = parent[v]!;
    }
    return v;
  };
  for (let e = 0; e < edgeSource.length; e++) {
    const a = find(edgeSource[e]!);
    const b = find(edgeTarget[e]!);
    if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
  }
  const component = new Int32Array(nodeCount);
  for (let v = 0; v < nodeCount; v++) component[v] = find(v);
  return component;
}

function createScratch(nodeCount: number, edgeCount: number): TraversalScratch {
  return {
    generation: 0,
    stampA: new Int32Array(nodeCount),
    distA: new Int32Array(nodeCount),
    prevA: new Int32Array(nodeCount),
    viaA: new Int32Array(nodeCount),
    stampB: new Int32Array(nodeCount),
    distB: new Int32Array(nodeCount),
    prevB: new Int32Array(nodeCount),
    viaB: new Int32Array(nodeCount),
    queueA: new Int32Array(nodeCount),
    queueB: new Int32Array(nodeCount),
    onPath: new Int32Array(nodeCount),
    edgeStamp: new Int32Array(edgeCount),
  };
}

/** The same index with working memory of its own: for a sliced search, which keeps its state there between slices. */
export function withOwnScratch(index: AdjacencyIndex): AdjacencyIndex {
  return { ...index, scratch: createScratch(index.nodeCount, index.edgeCount) };
}

/** A fresh stamp for the scratch marks; all marks are cleared on the rare wrap-around. */
export function nextGeneration(scratch: TraversalScratch): number {
  if (scratch.generation >= 0x7ffffff0) {
    scratch.stampA.fill(0);
    scratch.stampB.fill(0);
    scratch.onPath.fill(0);
    scratch.edgeStamp.fill(0);
    scratch.generation = 0;
  }
  return ++scratch.generation;
}

/**
 * Builds the adjacency index of a dataset's graph: integer ids, CSR out/in/undirected views, type codes,
 * source-document flags and connected components. O(n log n + m); the graph must not change afterwards.
 */
export function buildAdjacencyIndex(dataset: Dataset): AdjacencyIndex {
  const { graph, schema } = dataset;
  const nodeIds = graph.nodes().sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const nodeCount = nodeIds.length;
  const nodeIndex = new Map(nodeIds.map((id, i) => [id, i]));

  const nodeTypes = typeCodes(
    schema.nodeTypes.keys(),
    nodeIds.map((id) => graph.getNodeAttribute(id, "type")),
  );
  const nodeType = new Uint16Array(nodeCount);
  const nodeClass = new Uint16Array(nodeCount);
  const sourceDocuments = new Set([...dataset.sources.values()].map((source) => source.document));
  for (let v = 0; v < nodeCount; v++) {
    const code = nodeTypes.codes.get(graph.getNodeAttribute(nodeIds[v]!, "type"))!;
    nodeType[v] = code;
    nodeClass[v] = code * 2 + (sourceDocuments.has(nodeIds[v]!) ? 1 : 0);
  }

  const edgeCount = graph.size;
  const edgeIds: string[] = new Array<string>(edgeCount);
  const edgeSource = new Int32Array(edgeCount);
  const edgeTarget = new Int32Array(edgeCount);
  const edgeTypeNamesUsed = new Set<string>();
  graph.forEachEdge((_edge, attributes) => edgeTypeNamesUsed.add(attributes.type));
  const edgeTypes = typeCodes(schema.edgeTypes.keys(), edgeTypeNamesUsed);
  const edgeType = typeArray(edgeCount, edgeTypes.names.length);
  let e = 0;
  graph.forEachEdge((edge, attributes, source, target) => {
    edgeIds[e] = edge;
    edgeSource[e] = nodeIndex.get(source)!;
    edgeTarget[e] = nodeIndex.get(target)!;
    edgeType[e] = edgeTypes.codes.get(attributes.type)!;
    e++;
  });
  const provenanceEdgeType = new Uint8Array(edgeTypes.names.length);
  edgeTypes.names.forEach((name, code) => {
    if (schema.edgeTypes.get(name)?.provenance) provenanceEdgeType[code] = 1;
  });

  const forward = new Int32Array(edgeCount);
  const backward = new Int32Array(edgeCount);
  for (let i = 0; i < edgeCount; i++) {
    forward[i] = i;
    backward[i] = ~i;
  }
  const typeCount = edgeTypes.names.length;
  const out = buildView(nodeCount, edgeSource, edgeTarget, forward, edgeType, typeCount);
  const inView = buildView(nodeCount, edgeTarget, edgeSource, backward, edgeType, typeCount);
  const both = mergeViews(nodeCount, out, inView);

  return {
    schema,
    nodeCount,
    edgeCount,
    nodeIds,
    nodeIndex,
    edgeIds,
    edgeSource,
    edgeTarget,
    edgeType,
    edgeTypeNames: edgeTypes.names,
    edgeTypeCode: edgeTypes.codes,
    provenanceEdgeType,
    nodeType,
    nodeTypeNames: nodeTypes.names,
    nodeTypeCode: nodeTypes.codes,
    nodeClass,
    out,
    in: inView,
    both,
    component: components(nodeCount, edgeSource, edgeTarget),
    scratch: createScratch(nodeCount, edgeCount),
  };
}
