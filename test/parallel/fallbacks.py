# SAME AS CPYTHON: nothing here sums more than one leaf of floats.
# What a parallel reduction cannot finish falls back to the sequential code, which answers
# exactly as CPython: big ints, NaN in min/max, exceptions raised by the first failing item.
def big(n):
    return sum(i ** 3 for i in range(n))


def with_nan(xs):
    return min(xs[i] for i in range(len(xs))), max(x for x in xs)


def divide(n, zero_at):
    return sum(1.0 / (i - zero_at) for i in range(n))


print(big(200_000), big(1_000_000))
nan = float("nan")
ys = [float(i % 1000) for i in range(300_000)]
print(with_nan(ys[:100_000] + [nan] + ys), with_nan([nan] + ys))
try:
    print(divide(300_000, 250_000))
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
