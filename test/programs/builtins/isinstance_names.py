# isinstance against tuples of types and type(x).__name__ for builtins.
values = [0, 2 ** 70, -1.5, True, None, "s", "", (1,), [2], {3: 4}, {5}, frozenset(), range(0), iter([]), zip(), map(abs, [])]
print([type(v).__name__ for v in values])
print([isinstance(v, (int, float)) for v in values[:5]], [isinstance(v, (list, tuple)) for v in values[5:10]])
print(isinstance(True, (str, int)), isinstance(None, type(None)), isinstance(2 ** 70, int), isinstance(1, float))
print(isinstance("x", str) and not isinstance("x", (list, tuple)), isinstance(frozenset(), (set, frozenset)))
print(type(1 + 1.0).__name__, type(True + True).__name__, type(7 // 2).__name__, type(7 / 7).__name__, type(2 ** -1).__name__)
print(type(divmod(7.0, 2)[0]).__name__, type(round(2.5)).__name__, type(abs(-2)).__name__, type("a" * 0).__name__)
print(int.__name__, str.__name__, type(type(0)).__name__, type(print).__name__, type(isinstance).__name__)
