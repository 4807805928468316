# SAME AS CPYTHON
# map() and filter() under sum/max/sorted run as parallel comprehensions inside kernels.
def inv(x):
    return 1.0 / (x + 1.0)


def harmonic(xs):
    return sum(map(inv, xs))


def biggest_odd_square(n):
    return max(map(lambda i: i * i, filter(lambda i: i % 2 == 1, range(n))))


def scaled(xs, k):
    return sorted(map(lambda x: x * k, xs))[:3]


xs = [float(i % 1000) for i in range(60_000)]
print(harmonic(xs), biggest_odd_square(1_000_000), scaled(xs, -0.5))
