# Generator expressions consumed whole by list/tuple/sorted/set/frozenset: the compiler
# builds them as lists (kernels, in parallel where it can); everything observable stays
# Python's, including evaluation order, what is printed, and what is raised.
def square(x):
    return x * x


xs = [3.5, -1.0, 2.25, 7.0, -4.5, 0.0, 2.25]
print(sorted(square(x) for x in xs))
print(sorted((x * 2 for x in xs), reverse=True))
print(sorted((x for x in xs), key=abs))
print(tuple(i * i for i in range(10) if i % 3))
print(list(x + 1 for x in xs))
print(sorted(set(int(x) % 3 for x in xs)))
print(sorted(frozenset(i % 4 for i in range(20))))
print(list(a * b for a in range(3) for b in range(a)))
print(tuple(c.upper() for c in "abc"))
print(list(i for i in range(0)), tuple(i for i in []))
big = list(i * 1.5 for i in range(100_000))
print(len(big), big[-1], sum(big))
ints = tuple(i ** 4 for i in range(60_000))
print(len(ints), ints[-1])


def noisy(i):
    print("element", i)
    return i


print(list(noisy(i) for i in range(3)))
it = iter([1, 2])
try:
    print(list(next(it) for _ in range(3)))
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    print(sorted(1 / (x - 7.0) for x in xs))
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
