# SAME AS CPYTHON: `for` loop reductions over at most one leaf of floats (65536 items) run
# Python's order exactly; what they cannot finish (overflow, NaN in max) the boxed code does.
def total(xs):
    s = 0.0
    for x in xs:
        s += x
    return s


def signed_zero(xs):
    s = -0.0
    for x in xs:
        s += x
    return s


def fact(n):
    p = 1
    for i in range(1, n + 1):
        p *= i
    return p


def extremes(xs):
    hi = xs[0]
    lo = xs[0]
    n = 0
    for x in xs:
        hi = max(hi, x)
        lo = min(lo, x)
        if x != x:
            n += 1
    return hi, lo, n


def counts(n):
    evens = 0
    odds = 0
    sq = 0
    for i in range(n):
        if i % 2 == 0:
            evens += 1
        else:
            odds = odds + 1
            sq = i * i + sq
    return evens, odds, sq


def running(xs):  # stays sequential: the accumulator is read in the body
    s = 0.0
    best = 0.0
    for x in xs:
        s += x
        best = max(best, s)
    return s, best


xs = [((i * 7919) % 1001) / 1000.0 - 0.5 for i in range(65536)]
print(total(xs), total(xs[:10]), total([]), signed_zero([-0.0, -0.0]), signed_zero([]))
print(fact(20), fact(25), fact(0))
print(extremes(xs), extremes([1.0, float("nan"), 3.0]), extremes([-0.0, 0.0, 0.0]))
print(counts(100_000), counts(0))
print(running(xs[:5000]))
