# dict views: keys/values/items, set operations on views, reversed dicts.
d = {"apple": 3, "banana": 1, "cherry": 2}
print(list(d.keys()), list(d.values()), list(d.items()))
print(len(d.keys()), "apple" in d.keys(), ("banana", 1) in d.items(), 2 in d.values())
print(sorted(d.keys() - {"apple"}), sorted(d.keys() & {"cherry", "date"}), sorted(d.keys() | {"z"}))
print(sorted(d.items() - {("apple", 3)}), list(reversed(d)), list(reversed(d.items()))[0])
print(sorted(d, key=d.get), min(d.items(), key=lambda kv: kv[1]), sum(d.values()))
grid = {(r, c): r * 3 + c for r in range(2) for c in range(3)}
print(grid[(1, 2)], grid[0, 1], sorted(k for k in grid if k[0] == k[1]), max(grid.values()))
print({k: v for k, v in sorted(d.items(), key=lambda kv: kv[1])})
print(dict(enumerate("xyz", 1)), list(zip(d, d.values())), d.keys() == {"banana", "cherry", "apple"})
empty = {}
print(list(empty.items()), len(empty), bool(empty), empty.get(1, "none"))
