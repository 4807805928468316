# Slicing with negative steps and out-of-range bounds on str, tuple, list and range.
s = "0123456789"
t = tuple(range(10))
l = list("abcdefghij")
r = range(10, 30, 2)
for a, b, c in ((None, None, -1), (-2, 1, -1), (5, 0, -2), (None, None, -3), (8, None, -3),
                (None, 3, -1), (100, -100, -1), (-100, 100, -1), (2, 8, -1), (-1, -4, -1), (3, 3, -1)):
    print(a, b, c, s[a:b:c], t[a:b:c], "".join(l[a:b:c]), list(r[a:b:c]))
print(s[::4], s[1::4], s[-3:], s[:-3], s[20:], s[-20:2], s[3:1])
print(r[::-1], r[1:-1:3], r[-1], len(r[::-3]))
print(t[::-1][::-1] == t, l[::-2][::-1], s[len(s)::-1][:3])
