# Unbounded recursion in a numeric kernel is a RecursionError, not a crash.
def depth(n):
    return 1 + depth(n + 1)


print(depth(0))
