# min/max with several arguments, key=, default=, and ties.
print(min(3, 1, 2), max(3, 1, 2), min([4, 5]), max("hello"), min("b", "a", "c"))
print(max([], default=None), min((), default="empty"), max([7], default=0), min([], key=len, default=-1))
print(max(["aa", "b", "cc", "d"], key=len), min(["aa", "b", "cc", "d"], key=len))
print(max([(1, "x"), (1, "a")]), max([-3, 2, -5], key=abs), min([-3, 2, -5], key=lambda v: v * v))
pts = [(1, 5), (3, 2), (-4, 1), (3, 9)]
print(max(pts, key=lambda p: p[0]), min(pts, key=lambda p: p[1]), max(pts), min(*pts))
print(max(range(10), key=lambda x: (x % 4, -x)), min(1.5, 2, -0.5), max(True, 0), max(2, 2.0), max(2.0, 2))
d = {"a": 3, "b": 7, "c": 7}
print(max(d, key=d.get), min(d.values()), max(d.items(), key=lambda kv: kv[1]))
try:
    min([])
except ValueError as e:
    print("ValueError:", e)
try:
    max(1)
except TypeError as e:
    print("TypeError:", e)
