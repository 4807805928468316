# k-means (Lloyd's algorithm), k = 8, on a million generated 2-D points, 20 iterations. Each
# iteration assigns every point to its nearest centre (a list comprehension calling a kernel,
# built in parallel), then counts each cluster and moves each centre to the mean of its points
# (3k parallel sums over the points, filtered by cluster; float sums combine 65536-item
# leaves along a tree fixed by N, so the C++ reference does the same to print the same digits).
def next_state(s):
    return (s * 1103515245 + 12345) % 2147483648


def uniform(s):
    return s / 2147483648


# Point i draws its cluster and its noise from its own LCG stream, so points are independent.
def coord(i, axis, centres):
    s = next_state(i * 7919 + 1)
    c = (s // 65536) % len(centres)
    s = next_state(s)
    if axis == 1:
        s = next_state(next_state(s))
    return centres[c] + 15.0 * (uniform(s) + uniform(next_state(s)) - 1.0)


def points(n, axis, centres):
    return [coord(i, axis, centres) for i in range(n)]


def nearest(x, y, cxs, cys):
    best = 0
    best_d = (x - cxs[0]) * (x - cxs[0]) + (y - cys[0]) * (y - cys[0])
    for c in range(1, len(cxs)):
        d = (x - cxs[c]) * (x - cxs[c]) + (y - cys[c]) * (y - cys[c])
        if d < best_d:
            best = c
            best_d = d
    return best


def mean_of(vs, assign, c, count, old):
    if count == 0:
        return old  # an empty cluster keeps its centre
    return sum(vs[i] for i in range(len(vs)) if assign[i] == c) / count


def step(xs, ys, cxs, cys):
    n = len(xs)
    k = len(cxs)
    assign = [nearest(xs[i], ys[i], cxs, cys) for i in range(n)]
    counts = [sum(1 for i in range(n) if assign[i] == c) for c in range(k)]
    return ([mean_of(xs, assign, c, counts[c], cxs[c]) for c in range(k)],
            [mean_of(ys, assign, c, counts[c], cys[c]) for c in range(k)])


def kmeans(xs, ys, k, iterations):
    cxs = xs[:k]
    cys = ys[:k]
    for _ in range(iterations):
        cxs, cys = step(xs, ys, cxs, cys)
    return cxs, cys


n = 1_000_000
xs = points(n, 0, [20.0, 50.0, 80.0, 30.0, 70.0, 15.0, 55.0, 85.0])
ys = points(n, 1, [20.0, 15.0, 25.0, 50.0, 55.0, 80.0, 85.0, 75.0])
cxs, cys = kmeans(xs, ys, 8, 20)
for c in range(8):
    print(f"{cxs[c]:.6f} {cys[c]:.6f}")
