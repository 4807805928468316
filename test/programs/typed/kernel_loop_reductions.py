# `for` loops in numeric functions whose locals only accumulate (run as parallel reductions,
# with Python's order for small sizes), and loops that must stay sequential.
def dot(xs, ys):
    s = 0.0
    for i in range(len(xs)):
        s += xs[i] * ys[i]
    return s


def stats(xs):
    total = 0.0
    hi = xs[0]
    count = 0
    for x in xs:
        if x > 0.5:
            count += 1
        total = total + x
        hi = max(hi, x)
    return total, hi, count


def poly(n):
    s = 0
    p = 1
    bits = 0
    ok = True
    for i in range(1, n):
        t = i * i - 3 * i
        if t % 4 == 0:
            continue
        s -= t
        p *= t % 3 + 1
        bits |= t & 255
        ok &= t != 77
    return s, p, bits, ok


def overflow(n):
    s = 0
    for i in range(n):
        s += 2 ** 62 + i
    return s


def unbound(n):
    for i in range(n):
        s += i
    return s


def running(xs):
    s = 0.0
    peak = 0.0
    for x in xs:
        s += x
        peak = max(peak, s)
    return s, peak


def search(xs, t):
    k = 0
    for x in xs:
        if x >= t:
            return k
        k += 1
    return -1


def last(n):
    s = 0
    for i in range(n):
        s += i
    return s, i


xs = [((i * 37) % 101) / 100.0 for i in range(3000)]
ys = [((i * 53) % 97) / 96.0 for i in range(3000)]
print(dot(xs, ys), dot([], []), dot([0.1], [-0.0]))
print(stats(xs), stats([-1.0]))
print(poly(2000), poly(1))
print(overflow(10), overflow(0))
print(running(xs[:200]), search(xs, 0.99), search(xs, 2.0), last(10))
try:
    print(unbound(0))
except UnboundLocalError as e:
    print("UnboundLocalError")
try:
    print(unbound(3))
except UnboundLocalError as e:
    print("UnboundLocalError")
