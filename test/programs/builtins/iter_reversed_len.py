# iter/next on various iterables, len() of containers, truthiness of builtins.
for obj in ("ab", (1, 2), [3], {"k": 0}, {5}, range(2), frozenset([6])):
    it = iter(obj)
    print(type(obj).__name__, len(obj), next(it), next(it, "stop"), bool(obj))
print(len(""), len(()), len({}), len(range(10, 0, -3)), len("日本"), len([[], []]), len({1: 2, 1.0: 3}))
print(list(reversed([1, 2, 3])), tuple(reversed((1, 2))), list(reversed("xy")), list(reversed({"a": 1, "b": 2})))
print(list(iter([1, 2])), list(iter(iter(range(3)))), next(iter({"only": 1})), sorted(iter({3, 1, 2})))
print(callable(len), callable("s"), callable(lambda: 0), callable(int), callable(None))
print(str(), int(), float(), bool(), tuple(), list(), dict(), repr(set()), repr(frozenset()))
print(hash(1) == hash(1.0) == hash(True), hash((1, 2)) == hash((1, 2)))
