# `for` loops whose locals only accumulate run as parallel reductions inside numeric
# functions: the same bytes under any thread count and under UFORA_SPLIT_ALWAYS=1.
def dot(xs, ys):
    s = 0.0
    for i in range(len(xs)):
        s += xs[i] * ys[i]
    return s


def stats(xs):
    total = 0.0
    hi = xs[0]
    lo = xs[0]
    count = 0
    for x in xs:
        if x > 0.5:
            count += 1
        total = total + x
        hi = max(hi, x)
        lo = min(lo, x - 0.25)
    return total, hi, lo, count


def int_sum(n):
    s = 0
    for i in range(n):
        s += i * i % 1000
    return s


def big_sum(n):  # passes 2**63 on the way: the boxed code finishes with an exact big int
    s = 0
    for i in range(n):
        s += i * i * i * i
    return s


def flags(xs):
    every = True
    some = False
    parity = 0
    for x in xs:
        every &= x >= 0.0
        some = some | (x > 0.999)
        parity ^= int(x * 1000.0)
    return every, some, parity


def grid(n):
    s = 0
    for i in range(n):
        for j in range(i % 100):
            s += (i ^ j) % 7
    return s


def strided(n):
    s = 0.0
    for i in range(n, 0, -3):
        t = 1.0 / i
        s -= t
    return s


def carried(xs):  # stays sequential: `prev` carries from one iteration to the next
    prev = 0.0
    d = 0.0
    for x in xs:
        d += abs(x - prev)
        prev = x
    return d


def until(xs, limit):  # stays sequential: break
    s = 0.0
    for x in xs:
        if s > limit:
            break
        s += x
    return s


def row_sum(i, n):
    s = 0.0
    for j in range(n):
        s += (i * j % 13) * 0.5
    return s


def rows(n, m):  # a comprehension's parallel reduction calling a function with a parallel loop
    return sum(row_sum(i, m) for i in range(n)), max([row_sum(i, m // 20) for i in range(n)])


xs = [((i * 7919) % 1001) / 1000.0 for i in range(300_000)]
ys = [((i * 104729) % 997) / 997.0 for i in range(300_000)]
print(dot(xs, ys), dot(xs[:65536], ys[:65536]), dot(xs[:1000], ys[:1000]))
print(stats(xs), stats(xs[:70_000]))
print(int_sum(3_000_000), big_sum(60_000), big_sum(1000))
print(flags(xs), flags(xs[:500]))
print(grid(20_000), strided(1_000_000))
print(carried(xs), until(xs, 1000.0))
print(rows(20, 70_000), rows(300, 2000))
