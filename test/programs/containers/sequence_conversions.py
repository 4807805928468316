# Converting between container types, and sequences with repeated elements.
s = "banana"
print(list(s), tuple(s), sorted(set(s)), dict.fromkeys(s), list(dict.fromkeys(s)))
print(list(enumerate(s, 1))[:3], dict(enumerate(s)), list(zip(s, s[1:])))
print(tuple([1, [2, 3]]), list((1, (2,))), set([1, 1, 2]) == {1, 2}, frozenset("aab") == {"a", "b"})
print([0] * 0, [[0] * 2] * 0, ("ab",) * 2, list("ab") * 2)
grid = [[0] * 3] * 2
print(grid, grid[0] is grid[1], [row[:] for row in grid][0] is grid[0])
print(list(map(list, ((1, 2), (3,)))), [tuple(x) for x in ["ab", "c"]], list(reversed((1, 2, 3))))
print(sorted({3: "c", 1: "a"}), list({"b": 0, "a": 1}), tuple({"x": 0}.items()))
print(str(list(range(3))), list(str(123)), int("".join(map(str, [1, 2, 3]))) + 1)
