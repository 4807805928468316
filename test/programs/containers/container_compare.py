# Equality and ordering across container types.
print([1, 2] == (1, 2), list((1, 2)) == [1, 2], {1, 2} == frozenset({2, 1}), {} == set())
print({"a": 1, "b": 2} == {"b": 2, "a": 1}, [{"a": 1}] == [{"a": 1.0}], {1: [1]} != {1: [1]})
print([1, 2, 3] < [1, 2, 4], [1, 2] < [1, 2, 3], [3] > [2, 99], ["a", "b"] < ["a", "c"])
print((1, (2, 3)) < (1, (2, 4)), [[1], [2]] < [[1], [3]], ((),) < ((0,),))
print({1, 2} < {1, 2, 3}, {1, 4} < {1, 2, 3}, {1, 4} > {1}, frozenset() <= {1})
print(sorted([(2, "b"), (1, "z"), (2, "a"), (1, "a")]), sorted([[3], [1, 2], [1]]))
print(max(["apple", "fig", "banana"]), max(["apple", "fig", "banana"], key=len), min([(), (0,), (-1, 5)]))
try:
    print([1] < ["a"])
except TypeError as e:
    print("TypeError:", e)
try:
    print({1} < [1])
except TypeError as e:
    print("TypeError:", e)
print(2 in [1.0, 2.0], (1, 2) in [[1, 2]], [1, 2] in [(1, 2)], "a" in {"a": 0}, 0 in {"a": 0})
