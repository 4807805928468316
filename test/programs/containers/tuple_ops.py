# Tuple concatenation, repetition, searching and lexicographic comparison.
t = (3, 1, 4, 1, 5, 9, 2, 6)
print(t + (5, 3), t * 2, (0,) * 3, () * 5, (1,) * -1)
print(t.index(1), t.index(1, 2), t.count(1), t.count(7), 9 in t, 7 not in t)
print(len(t), min(t), max(t), sum(t), sorted(t), tuple(sorted(t, reverse=True)))
print((1, 2) < (1, 2, 0), (1, 3) > (1, 2, 99), () < (0,), (1, "b") < (1, "c"), (2,) > (1, 9))
print((1, 2) == (1, 2), (1, 2) == [1, 2], tuple([1, 2]) == (1, 2), tuple("ab"), tuple(range(3)))
nested = ((1, (2, 3)), (4, (5, (6,))))
print(nested[1][1][1][0], nested[0][1][::-1], len(nested), nested > ((1, (2, 4)),))
pairs = tuple((i, i * i) for i in range(5))
print(pairs, dict(pairs), tuple(zip(*pairs)))
single = (42,)
print(single, len(single), (single,), ((),), type(()).__name__)
print(max([(2, "b"), (2, "a"), (1, "z")]), min((5, -1), (5, -2)))
try:
    t.index(8)
except ValueError as e:
    print("ValueError:", e)
