# SAME AS CPYTHON
# Recursive kernels of several shapes (one, two and three calls of themselves, calls under a
# condition), whose sequential twins are unrolled: the same answers, the same overflow into
# big ints, and the same RecursionError at the same depth.
def trib(n):
    if n < 3:
        return n
    return trib(n - 1) + trib(n - 2) + trib(n - 3)


def down(n):
    if n == 0:
        return 0
    return 1 + down(n - 1)


def triple(n):
    if n == 0:
        return 1
    return 3 * triple(n - 1)


def collatz_len(n):
    if n == 1:
        return 1
    if n % 2 == 0:
        return 1 + collatz_len(n // 2)
    return 1 + collatz_len(3 * n + 1)


def count_paths(r, c):
    if r == 0 or c == 0:
        return 1
    return count_paths(r - 1, c) + count_paths(r, c - 1)


print(trib(22), down(900), triple(30), triple(45))
print(max(collatz_len(n) for n in range(1, 3000)), count_paths(10, 11))
for n in (990, 2000):
    try:
        print(n, down(n))
    except RecursionError as e:
        print(n, "RecursionError:", e)
