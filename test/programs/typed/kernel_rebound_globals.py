# Kernels read module globals (numeric constants, the functions they call) as they were when
# compiled; rebinding one at module level between calls must be seen by the next call.
SCALE = 3


def helper(x):
    return x * 2


def work(n):
    return sum(helper(i) * SCALE for i in range(n))


def squares(n):
    return [helper(i) + SCALE for i in range(n)]


print(work(1000), squares(5))
SCALE = 2.5
print(work(1000), squares(5))


def helper(x):
    return x - 1


print(work(1000), squares(5))
SCALE = 10**30
print(work(10), squares(3))
