# SAME AS CPYTHON
# zip and enumerate split like ranges and lists: item k of zip(a, b) is item k of each input,
# the count is the shortest input's, and enumerate counts from the part's first item.
def dot(xs, ys):
    return sum(x * y for x, y in zip(xs, ys))


def weighted_index(xs):
    return sum(i * x for i, x in enumerate(xs))


def triple(xs, ys, zs):
    return max(x + y - z for x, y, z in zip(xs, ys, zs))


def loop_stats(xs, ys):
    total = 0.0
    hits = 0
    for i, (x, y) in enumerate(zip(xs, ys)):
        if x > y:
            hits += 1
        total += (x - y) * i
    return total, hits


def pairs_over_range(xs):
    return sum(x * k for k, x in zip(range(3, 10**9, 2), xs))


xs = [((i * 7919) % 1000) * 0.001 for i in range(60_000)]
ys = [((i * 104729) % 997) * 0.002 for i in range(50_000)]
zs = [float(i % 13) for i in range(70_000)]
print(dot(xs, ys), weighted_index(xs), triple(xs, ys, zs))
print(loop_stats(xs, ys), pairs_over_range(ys))
print(dot([], ys), weighted_index([]), loop_stats([1.0], []))
