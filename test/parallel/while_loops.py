# Counting while loops (`while i < n: ...; i += 1`) run as for loops over a range, so their
# accumulators make parallel reductions; other types keep the loop's own < and +.
def total(n):
    s = 0
    i = 0
    while i < n:
        s += i * i % 7
        i += 1
    return s


def weighted(xs):
    s = 0.0
    best = xs[0]
    k = 0
    while k < len(xs):
        s = s + xs[k] * 2.0
        best = max(best, xs[k])
        k = k + 1
    return s, best


def steps(lo, hi):
    out = []
    x = lo
    while x < hi:
        out = out + [x * 2]
        x += 1
    return out


def last(n):
    # i is read after the loop: it stays a while loop (its final value is n, not n - 1)
    i = 0
    while i < n:
        i += 1
    return i


def checked(xs):
    ok = True
    j = 0
    while j < len(xs):
        ok = ok and 10 / xs[j] > 0
        j += 1
    return ok


xs = [((i * 7919) % 1000) * 0.001 + 0.5 for i in range(60000)]
print(total(300000), weighted(xs), steps(0.5, 4), steps(3, 6), last(5))
print(checked(xs), checked([1.0, -1.0, 0.0]))
try:
    checked([1.0, 0.0])
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    steps(0, "x")
except TypeError as e:
    print("TypeError:", e)
