# Building dicts by merging: |, {**a, **b}, dict(a, **kw), dict(zip()), fromkeys.
a = {"x": 1, "y": 2}
b = {"y": 20, "z": 30}
print(a | b, b | a, {**a, **b}, {**b, "w": 0, **a}, dict(a, y=5, q=6))
print(dict(zip("abc", range(3))), dict([("k", 1), ("k", 2)]), dict.fromkeys("ab", 0), dict())
merged = {}
for d in (a, b, {"x": -1}):
    merged = merged | d
print(merged, list(merged), list(merged.values()), len(merged))
print(a.get("x"), a.get("q"), a.get("q", "dflt"), "y" in a, 2 in a, a == {"y": 2, "x": 1})
inv = {v: k for k, v in b.items()}
print(inv, sorted(b.items(), key=lambda kv: -kv[1]), sorted(b, reverse=True))
counts = {}
for w in "the cat the hat the end".split():
    counts = counts | {w: counts.get(w, 0) + 1}
print(counts, max(counts, key=counts.get), sum(counts.values()))
nested = {"p": {"q": {"r": 1}}}
print(nested["p"]["q"]["r"], {**nested["p"], "s": 2}, {k: len(v) for k, v in nested.items()})
print(dict(sorted({"b": 1, "a": 2}.items())), {1: "a", 1.0: "b", True: "c"})
