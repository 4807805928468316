# SAME AS CPYTHON
# Pieces of parallel work over a range that read xs[i] run without index checks when every
# i of the piece indexes xs: the answers must stay Python's when some piece's i do not (past
# the end: IndexError; negative: counted from the end), when the range runs downwards, when
# the loop variable is rebound, and when the sequence is not bound at all.
def total(xs, n):
    return sum(xs[i] for i in range(n))


def from_the_end(xs):
    return sum(xs[i] for i in range(-len(xs), 0))


def downwards(xs):
    s = 0
    for i in range(len(xs) - 1, -1, -1):
        s += xs[i] * (i % 3)
    return s


def pairs(xs, ys):
    s = 0
    for i in range(len(xs)):
        s += xs[i] * ys[i]
    return s


def rebound(xs, n):
    s = 0
    for i in range(n):
        i = i // 2
        s += xs[i]
    return s


def maybe_bound(n, have):
    if have:
        xs = list(range(n))
    s = 0
    for i in range(n):
        s += xs[i]
    return s


def sliced_list(xs, lo, hi):
    return [xs[i] * 2 for i in range(lo, hi)]


n = 300_000
xs = [(i * 7919) % 1000 for i in range(n)]
ys = [(i * 104729) % 997 for i in range(n)]
print(total(xs, n), total(xs, 0), from_the_end(xs), downwards(xs), pairs(xs, ys), rebound(xs, n))
for bad in (n + 1, 2 * n):
    try:
        print(total(xs, bad))
    except IndexError as e:
        print("IndexError:", e)
try:
    print(pairs(xs, ys[: n - 5]))
except IndexError as e:
    print("IndexError:", e)
print(maybe_bound(n, True))
try:
    print(maybe_bound(n, False))
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
s = sliced_list(xs, 1000, 250_000)
print(len(s), sum(s))
try:
    print(len(sliced_list(xs, -5, n + 3)))
except IndexError as e:
    print("IndexError:", e)
