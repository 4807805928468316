# Lambdas: defaults, conditionals, immediately invoked, returning lambdas.
add = lambda a, b=10: a + b
print(add(1), add(1, 2), (lambda: "iife")(), (lambda *a, **k: (a, k))(1, x=2))
sign = lambda x: "neg" if x < 0 else "zero" if x == 0 else "pos"
print([sign(v) for v in (-2, 0, 3)])
curry = lambda a: lambda b: lambda c: a * 100 + b * 10 + c
print(curry(1)(2)(3), [curry(i)(i)(i) for i in range(3)])
ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b, "/": lambda a, b: a / b}
print({k: f(7, 2) for k, f in ops.items()})
pairs = [(3, "c"), (1, "a"), (2, "b"), (1, "z")]
print(sorted(pairs, key=lambda p: (-p[0], p[1])), max(pairs, key=lambda p: p[1]))
compose = lambda *fns: lambda x: x if not fns else fns[0](compose(*fns[1:])(x))
print(compose(str, abs, lambda v: v - 10)(3), compose()(5))
fact = lambda n: 1 if n < 2 else n * fact(n - 1)
print(fact(20), (lambda f, n: f(f, n))(lambda s, n: 0 if n == 0 else n + s(s, n - 1), 100))
print(type(add).__name__, add.__name__, list(map(lambda x, y=2: x ** y, range(5))))
