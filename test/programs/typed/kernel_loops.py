# Loops over range() with every kind of step, and bool/int mixing inside kernels.
def count(a, b, c):
    n = 0
    total = 0
    for i in range(a, b, c):
        n = n + 1
        total = total + i * (i % 3 == 0)
    return n * 1000000 + total


def bits(n):
    ones = 0
    while n > 0:
        ones = ones + (n & 1)
        n = n >> 1
    return ones


def gcd(a, b):
    while b:
        a, b = b, a % b
    return a


print(count(0, 10, 1), count(10, 0, -1), count(-5, 5, 3), count(5, -5, -3), count(0, 0, 1), count(3, 1, 1))
print([bits(n) for n in (0, 1, 255, 256, 2 ** 40 - 1)], bits(True))
print(gcd(1071, 462), gcd(0, 5), gcd(-12, 18), gcd(2 ** 40, 6 ** 12))
print(1 << 62, (1 << 62) << 1, 5 >> 70, -5 >> 70, True + True, True * 3.5)
