# map() and filter() consumed whole by sum/min/max/any/all/list/tuple/sorted/set/frozenset
# (the compiler runs them as generator expressions, in kernels where it can): Python's
# results, evaluation order and exceptions.
def square(x):
    return x * x


def odd(x):
    return x % 2 == 1


def total_squares(n):
    return sum(map(square, range(n)))


def weighted(xs, ws):
    return sum(map(lambda x, w: x * w, xs, ws))


def count_big(xs, t):
    return sum(map(lambda x: 1 if x > t else 0, xs))


xs = [float((i * 37) % 101) for i in range(50_000)]
ws = [1.0 / (1 + i % 7) for i in range(40_000)]
print(total_squares(100_000), weighted(xs, ws), count_big(xs, 50.0))
print(max(map(abs, [-3, 7, -11, 2])), min(map(square, [4, -2, 3])), any(map(odd, [2, 4, 5])), all(map(odd, [1, 3, 4])))
print(sorted(filter(odd, range(20)), reverse=True), list(filter(None, [0, 1, "", "a", None, 2.5])))
print(tuple(map(str, range(4))), sorted(set(map(lambda c: c.lower(), "AbBa"))), sorted(frozenset(filter(odd, [1, 1, 3]))))
print(sum(map(square, [1, 2, 3]), 10), max(map(len, ["a", "abc", "ab"]), default=0), min(map(square, []), default=-1))
print(list(map(lambda a, b, c: a + b + c, [1, 2, 3], [10, 20], [100, 200, 300])))


def noisy(x):
    print("visit", x)
    return x


print(sum(map(noisy, [1, 2, 3])), list(filter(noisy, [0, 4])))
it = iter([5, 6])
print(list(map(next, [it, it, iter([])])) if False else sorted(map(next, [it, it])))
print(type(map(square, [])).__name__, type(filter(odd, [])).__name__)
try:
    print(sum(map(lambda x: 1 / x, [2, 1, 0, 3])))
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
