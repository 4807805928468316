# Float kernels: Python's floor division, modulo, powers and mixed int/float arithmetic.
def mixed(a, b):
    return a / b + a // b + a % b


def poly(x):
    return 3.0 * x ** 3 - 2 * x ** 2 + x / 7 - 1


def mandel(cx, cy, limit):
    x = 0.0
    y = 0.0
    n = 0
    while n < limit and x * x + y * y <= 4.0:
        x, y = x * x - y * y + cx, 2.0 * x * y + cy
        n = n + 1
    return n


def clamp(v, lo, hi):
    return max(lo, min(v, hi))


for a, b in ((7.5, 2.0), (-7.5, 2.0), (7.5, -2.0), (-7.5, -2.0), (1e308, 1e-308), (-0.0, 3.0)):
    print(a, b, mixed(a, b))
print([poly(x) for x in (0.0, 0.5, -1.25, 3.0, 1e5)])
print(sum(mandel(-2.0 + 0.1 * i, -1.0 + 0.2 * j, 50) for i in range(30) for j in range(11)))
print(clamp(5.5, 0.0, 3.0), clamp(-1.0, 0.0, 3.0), clamp(2.0, 0.0, 3.0), clamp(7, 0, 3))
print(mixed(7, 2), mixed(-7, 2), mixed(2 ** 60, 3), mixed(3, 2 ** 60))
print(float(2 ** 53 + 1) == 2 ** 53 + 1, 2 ** 53 + 1 > float(2 ** 53), int(3.99), int(-3.99))
