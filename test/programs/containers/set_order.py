# Sets iterate (and print) in CPython's order: the order of its hash table's slots, after the
# same insertions, resizes and set-operation algorithms, and for displays of three or more
# constants, which CPython's compiler folds into a frozenset constant, after the same folding.
def squares(n):
    return {i * i % 97 for i in range(n)}


xs = [(i * 7919) % 211 for i in range(150)]
a = set(xs)
b = set(range(0, 211, 3))
c = {x * 0.5 for x in range(40)}
pairs = {(i % 5, i % 7) for i in range(40)}
print(a)
print(c)
print(pairs)
print(squares(60), frozenset(squares(30)))
print(a | b)
print(a & b, b & a)
print(a - b, b - a)
print(a ^ b, b ^ a)
print(a | c, c | a)
print(a ^ c)
print(set(range(1000)) - set(range(5, 995)))
print(a.union(b, [500, 3, 1000]), a.intersection(b, range(50)), a.difference(b, [0, 1, 2]))
print(a.symmetric_difference(xs[:20]), b.symmetric_difference(range(0, 100, 7)))
print(a.copy() == a, list(a.copy()) == list(a), {*b, *c})
print(set({5: 1, 13: 2, 21: 3, 1: 4}), set("abc") == {"a", "b", "c"})
print([x for x in set([-1, -2, 2**61, 2**64, 10**20, -(2**63)])])
print(hash(()), hash((1, 2)), hash((1.5, (2, -3))), hash(((),)))
print(sum({0.1 * i for i in range(100)}), min(pairs), sorted(c)[:3])
print(frozenset(a) & b, (frozenset(c) | {7}) == (c | {7}))
print({16, 8, 0, 24, 1, 9}, {(1, 2), (3, 4), (0, 0), (-1, 5)}, {3, 1, 2}, {-1, 7, 15, 23})
print([x for x in {100, 50, 25, 12, 6, 3, 1}], [x * 2 for x in {64, 32, 0, 96}])
print(hash(frozenset()), hash(frozenset([1, 2, 3])), set([frozenset(range(i)) for i in range(6)]))
