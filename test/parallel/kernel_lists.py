# SAME AS CPYTHON
# Lists that kernels make and return (runtime/kernel_lists.h): merge sort and quicksort whose
# halves fork, slices of every shape, `out = out + [x]` grown in place while other names
# still see the old list, identity of returned arguments, tuple results holding lists.

def merge(a, b):
    out = []
    i = j = 0
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

def counted_sort(xs):
    if len(xs) <= 1:
        return list(xs), 0
    mid = len(xs) // 2
    left, c1 = counted_sort(xs[:mid])
    right, c2 = counted_sort(xs[mid:])
    return merge(left, right), c1 + c2 + len(xs)

def quicksort(xs):
    if len(xs) <= 1:
        return xs
    pivot = xs[len(xs) // 2]
    less = [x for x in xs if x < pivot]
    same = [x for x in xs if x == pivot]
    more = [x for x in xs if x > pivot]
    return quicksort(less) + same + quicksort(more)

def lcg(n, seed):
    return [((seed + i) * 1103515245 + 12345) % 2147483648 / 2147483648.0 for i in range(n)]

floats = lcg(50000, 11)
ints = [int(x * 1000) - 500 for x in floats]
s = msort(floats)
print(len(s), s[:3], s[-3:], s == sorted(floats))
t, comparisons = counted_sort(ints)
print(t[:5], t[-5:], comparisons, t == sorted(ints))
q = quicksort(ints)
print(q == sorted(ints), q[:4], len(q))
print(floats[:2], ints[:4])  # the inputs are untouched

# A one-item list comes back as the very object passed in; list() makes a new one.
one = [2.5]
print(msort(one) is one, counted_sort(one)[0] is one, counted_sort(one)[0] == one)

def slices(xs):
    return xs[-3:] + xs[::-2] + xs[5:2] + xs[1:100:3] + xs[-100:2] + xs[:-4:4] + xs[7:-7:-3]

print(slices(list(range(20))), slices([1.5, -2.5, 3.25]))

def zero_step(xs):
    return xs[::0]

try:
    zero_step([1, 2, 3])
except ValueError as e:
    print("ValueError:", e)

def snapshots(n):
    # `keep` holds the list `out` had: appending must not change it.
    out = []
    total = 0
    for i in range(n):
        keep = out
        out = out + [i * i]
        total += len(keep) + sum(keep)
    return out, total

print(snapshots(10))

def branches(base):
    # Two lists grown from one: each sees its own last item.
    a = base + [1]
    b = base + [2]
    c = a + [3]
    return a, b, c, base

print(branches([7, 8]), branches([]))

def tails(xs):
    out = []
    for k in range(len(xs)):
        out = out + [sum(xs[k:])]
    return out

print(tails([1.0, 2.0, 4.0, 8.0]))

def emptied(xs):
    out = []
    for x in xs:
        if x > 100:
            out = out + [x]
    return out, not out, len(out)

print(emptied([1, 2, 3]), emptied([1, 200, 300]))

def rest(t):
    return t[1:]

print(rest((1.0, 2.0, 3.0)), rest((5,)), rest([4, 5, 6]))

def index_past(xs):
    return xs[len(xs)]

try:
    index_past([1.0, 2.0])
except IndexError as e:
    print("IndexError:", e)

def none_above(xs, limit):
    # A comprehension kept as a value that ends up empty.
    kept = [x for x in xs if x > limit]
    return kept, len(kept), kept + [limit]

print(none_above([1.0, 2.0], 5.0), none_above(list(range(10)), 7))

def qsort(xs):
    # Comprehensions passed straight to the recursive calls; the `+` on the first call's
    # result waits for the second call (fork-join across a comprehension and a builtin call).
    if len(xs) <= 1:
        return xs
    p = xs[len(xs) // 2]
    return qsort([x for x in xs if x < p]) + [x for x in xs if x == p] + qsort([x for x in xs if x > p])

print(qsort([(i * 7919) % 1009 for i in range(3000)])[::250], qsort([2.5, -1.0, 2.5]), qsort([]))

def widths(xs, depth):
    # A builtin call and a comparison of the first result between two forked calls.
    if depth == 0:
        return len(xs)
    mid = len(xs) // 2
    return (widths(xs[:mid], depth - 1) > abs(mid - 3)) + len(xs) + widths(xs[mid:], depth - 1)

print(widths(list(range(100)), 4), widths([1.0], 2))

def counted(xs):
    # len() of a comprehension runs it inline; list() of one builds it.
    return len([x for x in xs if x % 2]), list([x * 2 for x in xs])[-1:]

print(counted([1, 2, 3, 5]))

def sparse(xs, k):
    # Filtered comprehensions give back the room they reserved (big and small ones, and one
    # whose filter makes lists, so its buffer is not the latest allocation); then grown.
    few = [x for x in xs if x % k == 0]
    cut = [x for x in xs if len(xs[x:x + 2]) == 2 and x % k == 1]
    grown = few + [-1]
    for x in cut[:3]:
        grown = grown + [x]
    return len(few), sum(few), grown[-5:], len(cut), few[:3]

print(sparse(list(range(100000)), 997), sparse(list(range(50)), 7))
