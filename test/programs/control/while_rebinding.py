# while loops that rebind several locals: Newton iteration, digit loops, Euclid.
def newton_sqrt(a, tol=1e-12):
    x = a if a > 1 else 1.0
    steps = 0
    while abs(x * x - a) > tol * a:
        x = (x + a / x) / 2
        steps = steps + 1
    return x, steps

for a in (2.0, 10.0, 0.25, 1e6):
    r, s = newton_sqrt(a)
    print(a, round(r, 10), s)
def digits(n):
    out = ()
    while n:
        n, d = divmod(n, 10)
        out = (d,) + out
    return out or (0,)
print(digits(9075), digits(0), sum(digits(2 ** 50)))
def ext_gcd(a, b):
    x0, x1, y0, y1 = 1, 0, 0, 1
    while b:
        q, a, b = a // b, b, a % b
        x0, x1 = x1, x0 - q * x1
        y0, y1 = y1, y0 - q * y1
    return a, x0, y0
g, x, y = ext_gcd(240, 46)
print(g, x, y, 240 * x + 46 * y)
i, j = 0, 10
while i < j:
    i, j = i + 2, j - 1
print(i, j)
