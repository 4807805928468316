# Set and frozenset algebra with operators and methods; printed through sorted().
a = {1, 2, 3, 4}
b = {3, 4, 5}
fa = frozenset(a)
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(b - a), sorted(a ^ b))
print(a <= a, a < a, {3} < b, b >= {5}, b > b, a.issubset(a | b), a.isdisjoint({9}), a.issuperset({1}))
print(sorted(a.union(b, [9], "")), sorted(a.intersection(b, {4})), sorted(a.difference(b, {1})))
print(sorted(a.symmetric_difference([4, 5, 6])), fa == a, fa | b == a | b, type(fa | b).__name__, type(b | fa).__name__)
print(len(a | b), 5 in a, 5 in b, set() == frozenset(), bool(set()), len(set("mississippi")))
print(sorted({(1, 2), (2, 1), (1, 2)}), sorted({x % 4 for x in range(20)}), sorted(set(range(3)) | {-1}))
s = set()
for i in range(10):
    if i % 3:
        s = s | {i * i}
print(sorted(s), min(s), max(s), sum(s))
print(sorted(frozenset("hello") & frozenset("world")), {frozenset({1}): "a"}[frozenset([1])])
print(sorted(map(sorted, {frozenset({1, 2}), frozenset({2, 1}), frozenset({3})})))
