# Graph algorithms on an immutable adjacency dict: Dijkstra, BFS, topological sort, components.

GRAPH = {
    "A": (("B", 7), ("C", 9), ("F", 14)),
    "B": (("A", 7), ("C", 10), ("D", 15)),
    "C": (("A", 9), ("B", 10), ("D", 11), ("F", 2)),
    "D": (("B", 15), ("C", 11), ("E", 6)),
    "E": (("D", 6), ("F", 9)),
    "F": (("A", 14), ("C", 2), ("E", 9)),
    "G": (("H", 1),),
    "H": (("G", 1),),
}

def insert_sorted(queue, item):
    i = 0
    while i < len(queue) and queue[i] <= item:
        i = i + 1
    return queue[:i] + (item,) + queue[i:]

def dijkstra(graph, source):
    dist = {source: 0}
    prev = {}
    queue = ((0, source),)
    done = frozenset()
    while queue:
        d, u = queue[0]
        queue = queue[1:]
        if u in done:
            continue
        done = done | {u}
        for v, w in graph[u]:
            nd = d + w
            if v not in dist or nd < dist[v]:
                dist = dist | {v: nd}
                prev = prev | {v: u}
                queue = insert_sorted(queue, (nd, v))
    return dist, prev

def path_to(prev, target):
    path = (target,)
    while path[0] in prev:
        path = (prev[path[0]],) + path
    return path

def bfs_levels(graph, source):
    levels = {source: 0}
    frontier = (source,)
    while frontier:
        nxt = ()
        for u in frontier:
            for v, _ in graph[u]:
                if v not in levels and v not in nxt:
                    nxt = nxt + (v,)
        levels = levels | {v: levels[frontier[0]] + 1 for v in nxt}
        frontier = nxt
    return levels

def components(graph):
    seen = frozenset()
    comps = ()
    for start in sorted(graph):
        if start in seen:
            continue
        comp = frozenset(bfs_levels(graph, start))
        seen = seen | comp
        comps = comps + (tuple(sorted(comp)),)
    return comps

def toposort(deps):
    order = ()
    remaining = dict(deps)
    while remaining:
        ready = sorted(k for k, ds in remaining.items() if all(d in order for d in ds))
        if not ready:
            raise ValueError("cycle among " + ", ".join(sorted(remaining)))
        order = order + tuple(ready)
        remaining = {k: v for k, v in remaining.items() if k not in ready}
    return order

dist, prev = dijkstra(GRAPH, "A")
for node in sorted(dist):
    print(node, dist[node], "->".join(path_to(prev, node)))
print("unreachable:", sorted(set(GRAPH) - set(dist)))
print("bfs levels from E:", dict(sorted(bfs_levels(GRAPH, "E").items())))
print("components:", components(GRAPH))
deps = {"app": ("lib", "utils"), "lib": ("core",), "utils": ("core",), "core": (), "tests": ("app",)}
print("build order:", toposort(deps))
try:
    toposort({"a": ("b",), "b": ("a",), "c": ()})
except ValueError as e:
    print("ValueError:", e)
