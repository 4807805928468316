# Loops that only append to a list or tuple they rebind are built as list comprehensions
# (lower/desugar_loop_concat.cpp): numbers in parallel, the same items in the same order.
def collect(n):
    out = []
    for i in range(n):
        if i % 3 != 0:
            out = out + [(i * 2654435761) % 1000003 * 0.5]
    return out


def grid(n):
    cells = ()
    for i in range(n):
        for j in range(i, n):
            cells += ((i * n + j) % 7,)
    return cells


def labels(ws):
    out = ["start"]
    for w in ws:
        if w:
            out = out + [w.upper() + "!"]
    return out


def last_seen(xs):
    # the loop variable is read after the loop, so this one stays a loop
    out = []
    for x in xs:
        out = out + [x + 1]
    return out, x


def two_loops(n):
    out = []
    half = n // 2
    for i in range(half):
        out = out + [i * 0.5]
    for j in range(half, n):
        if j % 7:
            out = out + [j * 0.25]
    return out


def evens_odds(n):
    evens = []
    for i in range(n):
        if i % 2 == 0:
            evens = evens + [i * 1.5]
    odds = ()
    for i in range(n):
        if i % 2:
            odds = odds + (i * 2,)
    return evens, odds


def inverses(xs):
    out = []
    for x in xs:
        out = out + [100 // x]
    return out


xs = collect(20000)
print(len(xs), sum(xs), xs[:3], xs[-1])
g = grid(150)
print(len(g), sum(g), g[:10])
print(labels(["a", "", "bc"]))
print(last_seen([1, 2, 3]))
e, o = evens_odds(20001)
print(len(e), sum(e), e[-1], len(o), sum(o), o[:3])
t = two_loops(30000)
print(len(t), sum(t), t[:3], t[-3:])
print(sum(inverses(list(range(1, 5000)))))
try:
    inverses([5, 4, 0, 2])
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
