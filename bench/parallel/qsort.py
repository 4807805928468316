# The one-line quicksort in the immutable style: three comprehensions partition the list, the
# two recursive calls on them fork (the `+` waits for both). Compare with CPython:
#   python3 bench/parallel/qsort.py
#   UFORA_THREADS=1|2 build/tools/ufora-run bench/parallel/qsort.py
def quicksort(xs):
    if len(xs) <= 1:
        return xs
    p = xs[len(xs) // 2]
    return quicksort([x for x in xs if x < p]) + [x for x in xs if x == p] + quicksort([x for x in xs if x > p])


def checksum(ys):
    return sum(i * y for i, y in enumerate(ys)) % 1000000007


xs = [(i * 1103515245 + 12345) % 1000003 for i in range(2000000)]
ys = quicksort(xs)
print(len(ys), ys[0], ys[-1], checksum(ys))
