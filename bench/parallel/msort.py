# Merge sort written in the immutable style: slices, `out = out + [x]` and concatenation make
# new lists. The two halves of every level run in parallel (fork-join of kernels that return
# the lists they make).
def merge(a, b):
    out = []
    i = 0
    j = 0
    while i < len(a) and j < len(b):
        if a[i] <= b[j]:
            out = out + [a[i]]
            i += 1
        else:
            out = out + [b[j]]
            j += 1
    return out + a[i:] + b[j:]


def msort(xs):
    if len(xs) <= 1:
        return xs
    mid = len(xs) // 2
    return merge(msort(xs[:mid]), msort(xs[mid:]))


def checksum(ys):
    return sum(i * y for i, y in enumerate(ys)) % 1000000007


xs = [(i * 1103515245 + 12345) % 1000003 for i in range(1000000)]
ys = msort(xs)
print(len(ys), ys[0], ys[-1], checksum(ys))
