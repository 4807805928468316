# SAME AS CPYTHON: divide-and-conquer recursion forks its independent calls; the answers,
# and the exception a failing branch raises, are those of the sequential program.
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def tree_sum(lo, hi):
    if hi - lo < 64:
        return sum((i % 13) * 0.25 for i in range(lo, hi))
    mid = (lo + hi) // 2
    return tree_sum(lo, mid) + tree_sum(mid, hi)


def count_paths(n, k):
    if n == 0 or k == 0:
        return 1
    return count_paths(n - 1, k) + count_paths(n, k - 1)


def fragile(n, bad):
    if n == bad:
        return 1 // 0
    if n < 2:
        return n
    return fragile(n - 1, bad) + fragile(n - 2, bad)


print(fib(27), tree_sum(0, 200_000), count_paths(12, 11))
try:
    print(fragile(25, 3))
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
