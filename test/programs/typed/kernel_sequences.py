# Kernels over lists and tuples of floats or ints: indexing, len, loops over a sequence,
# enumerate and zip, sum/min/max; and everything a kernel gives up on (empty sequences,
# out-of-range indices, int overflow, mixed element types) still behaves as Python.
def mean(xs):
    return sum(xs) / len(xs)


def dot(xs, ys):
    s = 0.0
    for x, y in zip(xs, ys):
        s = s + x * y
    return s


def argmax(xs):
    best = 0
    for i, x in enumerate(xs):
        if x > xs[best]:
            best = i
    return best


def weighted(ns):
    t = 0
    for i in range(len(ns)):
        t = t + ns[-1 - i] * i
    return t


def spread(xs):
    return max(xs) - min(xs)


def at(xs, i):
    return xs[i]


def count_above(xs, limit):
    n = 0
    for x in xs:
        if x > limit:
            n = n + 1
    return n


def triple_zip(a, b, c):
    t = 0.0
    for x, y, z in zip(a, b, c):
        t = t + x * y - z
    return t


xs = [float(i % 17) * 0.5 for i in range(1000)]
ys = [float(i % 5) - 2.0 for i in range(1000)]
ns = [i * 3 - 700 for i in range(500)]
print(mean(xs), dot(xs, ys), argmax(xs), weighted(ns), spread(xs), spread(ns))
print(count_above(xs, 4.0), count_above(ns, 0), triple_zip(xs, ys, xs[:10]))
print(mean((1.0, 2.5)), dot([1.0], [2.0, 3.0]), weighted([7]), mean([1, 2, 3, 4]))
# more than one 65536-element chunk
big = [float(i) for i in range(70000)]
print(sum(big), at(big, 65535), at(big, 65536), at(big, -1), count_above(big, 65535.5))
# the edges: the boxed code takes over and answers as Python
print(sum([-0.0]), sum([]), sum([1.5, -0.0]), mean([2 ** 62, 2 ** 62]), spread([3]))
print(at([1, 2, 3], -3), at((4.5,), 0), at([True, False], 1), count_above([1, 2.5, 3], 2))
for bad in ([], [1.0, 2.0]):
    try:
        print(at(bad, 2))
    except IndexError as e:
        print("IndexError:", e)
try:
    print(mean([]))
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    print(spread([]))
except ValueError as e:
    print("ValueError:", e)
print(dot([1e308, 1e308], [10.0, -10.0]), weighted([2 ** 40] * 3), mean([float("nan"), 1.0]))


# kernels that return a tuple of numbers
def describe(xs):
    n = len(xs)
    m = sum(xs) / n
    return n, m, sum((x - m) ** 2 for x in xs) / n, min(xs) < 0


def bounds(ns):
    if len(ns) == 1:
        return ns[0], ns[0]
    return min(ns), max(ns)


def uses_bounds(ns):
    lo, hi = bounds(ns)
    return hi - lo


print(describe(xs), describe([2.5]), bounds([4]), bounds(ns), uses_bounds(ns))
