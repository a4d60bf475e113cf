"""NetworkX side of the RightsGraph benchmark: the same graph, the same queries, timed in one process.

Reads a JSON request on stdin naming an edge list (JSON Lines: {"node": {...}} and {"edge": {...}} records with the
same attributes the RightsGraph graph holds), builds a networkx.MultiDiGraph from it, measures the memory the graph
holds, answers the shortest-path pairs (unfiltered, and on the edge-type-filtered view), writes GraphML, and prints
one JSON object of figures on stdout. Progress goes to stderr.
"""
import gc
import json
import os
import sys
import time


def rss_bytes():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def timed_lengths(nx, view, pairs):
    times = []
    lengths = []
    for a, b in pairs:
        start = time.perf_counter()
        try:
            length = nx.shortest_path_length(view, a, b)
        except nx.NetworkXNoPath:
            length = None
        times.append((time.perf_counter() - start) * 1000)
        lengths.append(length)
    return times, lengths


def cypher_figures(graph, query, out):
    """The Cypher figures' query as a NetworkX user writes it: out-edges of a state, filtered on the edge's type
    and the target's type and kind; from each given state, then over every state (listed once, untimed)."""
    edge_type, target_type, kind = query["edgeType"], query["targetType"], query["kind"]
    nodes = graph.nodes

    def anchored(state):
        return [
            (v, d.get("date"))
            for _u, v, d in graph.out_edges(state, data=True)
            if d.get("type") == edge_type and nodes[v].get("type") == target_type and nodes[v].get("kind") == kind
        ]

    states = [n for n, a in graph.nodes(data=True) if a.get("type") == "state"]

    def scan():
        return sum(len(anchored(state)) for state in states)

    if query["states"]:
        anchored(query["states"][0])
    times, answers = [], []
    for state in query["states"]:
        start = time.perf_counter()
        answer = anchored(state)
        times.append((time.perf_counter() - start) * 1000)
        answers.append(answer)
    out["cypherMs"] = times
    out["cypherRows"] = [len(answer) for answer in answers]
    # Every row, so that the benchmark can say which rows one side has and the other lacks.
    out["cypherAnswers"] = answers
    scan()
    scan_times = []
    for _ in range(query["repeats"]):
        start = time.perf_counter()
        out["cypherScanCount"] = scan()
        scan_times.append((time.perf_counter() - start) * 1000)
    out["cypherScanMs"] = scan_times


def main():
    request = json.load(sys.stdin)
    try:
        import networkx as nx
    except ImportError:
        print(json.dumps({"skipped": "networkx is not installed for python3"}))
        return
    out = {"version": nx.__version__}

    gc.collect()
    rss_before = rss_bytes()
    start = time.perf_counter()
    graph = nx.MultiDiGraph()
    with open(request["edgeList"], encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            node = record.get("node")
            if node is not None:
                key = node.pop("id")
                graph.add_node(key, **node)
            else:
                edge = record["edge"]
                graph.add_edge(edge.pop("source"), edge.pop("target"), key=edge.pop("id"), **edge)
    out["buildMs"] = (time.perf_counter() - start) * 1000
    gc.collect()
    out["graphBytes"] = rss_bytes() - rss_before
    out["nodes"] = graph.number_of_nodes()
    out["edges"] = graph.number_of_edges()
    print(f"networkx: built {out['nodes']} nodes, {out['edges']} edges in {out['buildMs'] / 1000:.1f} s", file=sys.stderr)

    pairs = request["pairs"]
    undirected = graph.to_undirected(as_view=True)
    times, lengths = timed_lengths(nx, undirected, pairs)
    out["pathMs"] = times
    out["pathLengths"] = lengths
    print(f"networkx: {len(pairs)} shortest paths done", file=sys.stderr)

    allowed = set(request["filterEdgeTypes"])
    filtered = nx.subgraph_view(graph, filter_edge=lambda u, v, k: graph[u][v][k]["type"] in allowed)
    filtered_undirected = filtered.to_undirected(as_view=True)
    pairs_filtered = request["filteredPairs"]
    times, lengths = timed_lengths(nx, filtered_undirected, pairs_filtered)
    out["filteredPathMs"] = times
    out["filteredPathLengths"] = lengths
    print(f"networkx: {len(pairs_filtered)} filtered shortest paths done", file=sys.stderr)

    cypher = request.get("cypher")
    if cypher:
        cypher_figures(graph, cypher, out)
        print(f"networkx: {len(cypher['states'])} one-hop typed queries done", file=sys.stderr)

    if request.get("graphmlOut"):
        # GraphML holds scalars only: lists and objects become JSON strings, as in RightsGraph's writer. Done in
        # place (the path queries are over), since a copy would double the memory of a 10^6-edge graph.
        for _key, data in graph.nodes(data=True):
            for name, value in data.items():
                if isinstance(value, (list, dict)):
                    data[name] = json.dumps(value)
        for _u, _v, _k, data in graph.edges(keys=True, data=True):
            for name, value in data.items():
                if isinstance(value, (list, dict)):
                    data[name] = json.dumps(value)
        start = time.perf_counter()
        nx.write_graphml(graph, request["graphmlOut"])
        out["graphmlMs"] = (time.perf_counter() - start) * 1000
        out["graphmlBytes"] = os.path.getsize(request["graphmlOut"])
        os.remove(request["graphmlOut"])
        print(f"networkx: GraphML written in {out['graphmlMs'] / 1000:.1f} s", file=sys.stderr)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
