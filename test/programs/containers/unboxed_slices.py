# Slices of lists and tuples of numbers that kernels built unboxed: every kind of bound and
# step, empty results, and the slices used as numbers again.
def floats(n):
    return [i * 0.5 - 3.0 for i in range(n)]


def ints(n):
    return [i * i - 50 for i in range(n)]


xs = floats(100_000)
ys = ints(1000)
print(xs[:5], xs[-3:], xs[10:20:3], xs[::-25000], xs[5:5], xs[7:2])
print(ys[:4], ys[-2:], ys[100:90:-4], ys[::333], len(ys[1::2]))
head = xs[:8]
print(sum(head), max(ys[:10]), type(head).__name__, head == xs[:8])
print(tuple(ys)[2:6], tuple(xs[:0]))
