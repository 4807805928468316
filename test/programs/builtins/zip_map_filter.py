# zip/enumerate/map/filter/reversed variants.
a, b, c = [1, 2, 3, 4], "xyz", (10.0, 20.0)
print(list(zip(a, b)), list(zip(a, b, c)), list(zip()), list(zip(a)), list(zip(*[(1, "a"), (2, "b")])))
print(list(enumerate(b)), list(enumerate(b, start=1)), list(enumerate(b, -2)), dict(enumerate(c, 100)))
print(list(map(lambda x, y: x * y, a, [3, 2])), list(map(max, a, [2, 5, 1, 9], [0, 0, 7, 0])), list(map(str.upper, b)))
print(list(filter(None, [0, 1, "", "s", (), (0,), None, False, 2.5])), list(filter(lambda x: x % 2, a)))
print(list(reversed(a)), list(reversed(b)), list(reversed(range(3))), list(reversed(c)), "".join(reversed("abc")))
try:
    list(zip(a, b, strict=True))
except ValueError as e:
    print("ValueError:", e)
print(list(zip(b, b, strict=True)), list(map(len, ["", "ab", [1]])), list(map(int, "123")))
for i, (x, y) in enumerate(zip(a, reversed(a)), 1):
    print(i, x, y, x * y)
