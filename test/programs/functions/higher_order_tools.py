import functools

# functools.reduce with and without an initializer, partial, and function pipelines.
print(functools.reduce(lambda a, b: a * b, range(1, 11)), functools.reduce(max, [3, 9, 2]))
print(functools.reduce(lambda acc, x: acc + (x * x,), range(5), ()), functools.reduce(lambda a, b: a + b, [], 0))
print(functools.reduce(lambda a, b: b + a, "abcd"), functools.reduce(lambda d, kv: d | {kv[0]: kv[1]}, [("a", 1), ("b", 2)], {}))
power = functools.partial(pow, 2)
base10 = functools.partial(int, base=10)
print(power(10), base10("0042"), functools.partial(max, key=len)("aa", "b", "ccc"))
def pipeline(*fns):
    return lambda x: functools.reduce(lambda v, f: f(v), fns, x)
clean = pipeline(str.strip, str.lower, lambda s: s.replace(" ", "_"))
print(clean("  Hello World "), pipeline()(5), pipeline(abs, str, len)(-12345))
print(list(map(pow, [2, 3, 4], [5, 2])), list(map(lambda a, b, c: a + b * c, (1, 2), (3, 4), (5, 6))))
print(list(filter(None, [0, 1, "", "a", None, [], [0], 0.0])), list(filter(str.isdigit, "a1b2c3")))
try:
    functools.reduce(lambda a, b: a + b, [])
except TypeError as e:
    print("TypeError:", e)
