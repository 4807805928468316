# sum()/min()/max() of a generator expression in general (boxed) code: when a typed kernel
# can compute its items they are built at once, in parallel, and reduced in Python's order;
# the generator is then exhausted, as after iterating it. Python's answers either way.
xs = [i * 0.5 - 1000.0 for i in range(300_000)]
print(sum(x * x for x in xs), max(x - 2 for x in xs), min(abs(x - 7.3) for x in xs))
g = (i * 2 for i in range(10))
print(sum(g), sum(g), list(g))
h = (i for i in range(5))
print(next(h), sum(h))
print(sum(i ** 5 for i in range(20000)), min((i % 7 for i in range(100)), default=9))
print(max((x for x in xs if x > 1e9), default="none"), sum(x for x in [1.5, -0.0]), sum((-0.0 for _ in range(3)), -0.0))
print(min(float("nan") if i == 2 else float(i) for i in range(5)), max(i % 3 for i in range(7)))
print(sum((x for x in xs), 10))
try:
    print(sum(1 / (i - 5) for i in range(10)))
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)


def in_function(values, label):
    return label + ": " + str(sum(v * 3 for v in values)) + " " + str(max(v for v in values))


print(in_function(list(range(100_000)), "ints"))
