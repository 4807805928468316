# Starred assignment targets, nested unpacking and starred expressions.
a, *b, c = range(6)
print(a, b, c)
*init, last = "hello"
first, *rest = (1,)
print(init, last, first, rest)
(x, y), z = (1, 2), 3
p, (q, *r), s = 1, (2, 3, 4), 5
print(x, y, z, p, q, r, s)
for head, *tail in ((1, 2, 3), (4,), "ab"):
    print(head, tail)
u, v = v2, u2 = 10, 20
print(u, v, v2, u2)
m, n = 1, 2
m, n = n, m
print(m, n)
print([*range(3), *"ab"], (*[1, 2],), {*"aba"} == {"a", "b"}, {**{"k": 1}, "j": 2})
print(*[1, 2, 3], sep="-")
print(*(), "end")
for i, (k, val) in enumerate({"a": 1, "b": 2}.items()):
    print(i, k, val)
[g, h] = "gh"
print(g, h)
def f(*args):
    return args
print(f(*"xy", *[1], 2), f(*range(0)))
