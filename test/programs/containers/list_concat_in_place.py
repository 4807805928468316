# `x = x + [...]` and `(a + b) + c` may extend a list in place when nothing
# else holds it. Every alias below must still see the list it had.
def build(n):
    out = []
    i = 0
    while i < n:
        out = out + [i * i]
        i += 1
    return out


def aliases():
    a = [1]
    b = a
    a = a + [2]
    c = [a]
    a = a + [3]
    a = a + [4]
    d = (a + [5]) + [6]
    return a, b, c, d


def default(acc=[]):
    acc = acc + [len(acc)]
    return acc


def iterating():
    x = [1, 2]
    for y in x:
        x = x + [y * 10]
    return x


def nested_rows(n):
    rows = []
    row = []
    for i in range(n):
        row = row + [i]
        rows = rows + [row]
    return rows


def wrong_type():
    x = [1, 2]
    try:
        x = x + 5
    except TypeError as e:
        print("TypeError:", e)
    return x


def arg(xs):
    xs = xs + [0]
    return xs


def closure():
    x = [1]
    get = lambda: x
    before = get()
    x = x + [2]
    return before, get(), x


def walrus_moves_the_name():
    a = [1]
    a = a + [b for b in [0] if (c := a) and (a := [5])]
    return a, c


def packed_then_extended():
    xs = [float(i) for i in range(5)]
    s = sum(xs)
    ys = xs
    xs = xs + [10.0]
    return s, sum(xs), ys, xs


print(build(10), len(build(20000)), sum(build(20000)))
print(aliases())
print(default(), default(), default([7]))
print(iterating())
print(nested_rows(4))
print(wrong_type())
keep = [5, 6]
print(arg(keep), keep, arg([1]))
print(closure())
print(packed_then_extended())
print(walrus_moves_the_name())
w = [1]
w = w + ((v := w) and (w := [2]))
print(w, v, w is v)
g = [1]
h = g
g = g + [2]
g = g + [3]
print(g, h)
