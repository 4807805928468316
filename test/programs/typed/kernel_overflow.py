# Kernels that leave the int64 range must give Python's exact big-int answers.
def fact(n):
    if n <= 1:
        return 1
    return n * fact(n - 1)


def power_sum(n, k):
    total = 0
    for i in range(1, n + 1):
        total = total + i ** k
    return total


def collatz_steps(n):
    steps = 0
    while n != 1:
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
        steps = steps + 1
    return steps


print(fact(10), fact(20), fact(21), fact(30))
print(power_sum(100, 3), power_sum(1000, 7), power_sum(50, 20))
print([collatz_steps(n) for n in (1, 7, 27, 97, 871)])
print(-(2 ** 63), abs(-9223372036854775807 - 1), (2 ** 62) * 2, (2 ** 62) * -2)
