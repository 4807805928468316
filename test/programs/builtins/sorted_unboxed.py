# sorted() of lists and tuples that kernels built unboxed (sorted without boxing, in
# parallel when long): CPython's order, including equal floats (0.0 and -0.0 keep their
# order, also with reverse=True), ints beyond 2**53, and NaN (left to the general sort).
def floats(n):
    return [((i * 7919) % 1009) * 0.25 - 100.0 for i in range(n)]


def ints(n):
    return [(i * 2654435761) % 4294967311 * 2**21 - 2**52 for i in range(n)]


def zeros(n):
    return [0.0 if i % 3 else -0.0 for i in range(n)]


def with_nan(n):
    return [float("nan") if i == 3 else float(n - i) for i in range(n)]


a = sorted(floats(200_000))
print(a[:3], a[-3:], a[100_000])
b = sorted(ints(100_000), reverse=True)
print(b[:2], b[-2:])
z = zeros(10)
print(sorted(z), sorted(z, reverse=True))
print(sorted(with_nan(8)), sorted(tuple(floats(5))), sorted([i * 1.5 for i in range(0)]))
print(sorted(floats(6), key=abs), sorted([3, 1, 2]))
