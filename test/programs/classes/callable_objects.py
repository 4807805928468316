# __call__ makes instances usable wherever a function is expected.
class Poly:
    def __init__(self, *coeffs):
        self.coeffs = coeffs

    def __call__(self, x):
        acc = 0
        for c in reversed(self.coeffs):
            acc = acc * x + c
        return acc

    def derivative(self):
        return Poly(*(i * c for i, c in enumerate(self.coeffs) if i > 0))

    def __repr__(self):
        return " + ".join(f"{c}x^{i}" for i, c in enumerate(self.coeffs) if c) or "0"

p = Poly(1, -3, 0, 2)
print(p, p(2), p.derivative(), p.derivative()(2), list(map(p, range(4))))
print(sorted([-2, 1, 0, 2], key=p), max(range(-3, 4), key=Poly(0, 0, -1)), callable(p), callable(3))
class Counter:
    def __init__(self, n=0):
        self.n = n

    def __call__(self, k=1):
        return Counter(self.n + k)

c = Counter()(5)(2)()
print(c.n, Counter(10)(-3).n)
class Compose:
    def __init__(self, *fns):
        self.fns = fns

    def __call__(self, x):
        for f in reversed(self.fns):
            x = f(x)
        return x

print(Compose(str, abs, Poly(-5, 1))(2), Compose(len, str)(10 ** 20), Compose()(8))
