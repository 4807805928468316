# Generator expressions and list comprehensions consumed by sum/min/max/any/all/len inside
# numeric functions run inline in the typed kernel; the edges (empty inputs, NameError of a
# free variable bound too late, int overflow, NaN) still answer exactly as Python.
def weighted(n, k):
    return sum(i * k for i in range(n) if i % 3)


def squares(xs):
    return sum([x * x for x in xs])


def triangle(n):
    return sum(i * j for i in range(n) for j in range(i))


def count_above(xs, t):
    return len([x for x in xs if x > t])


def smallest_double(xs):
    return min(x * 2 for x in xs)


def largest_abs(xs):
    return max(abs(x) for x in xs)


def has_above(xs, t):
    return any(x > t for x in xs)


def all_above(xs, t):
    return all(x > t for x in xs)


def mean_of_halves(n):
    return sum(i * 0.5 for i in range(n))


def nested_sums(n):
    return sum(sum(i * k for i in range(k)) for k in range(n))


def too_late(n):
    s = sum(i * m for i in range(n))
    m = 2
    return s


def dot(xs, ys):
    return sum(x * y for x, y in zip(xs, ys))


def first_index_sum(xs):
    return sum(i for i, x in enumerate(xs) if x < 0)


def calls_inside(n):
    return sum(weighted(i, 2) for i in range(n))


def pi_estimate(n):
    step = 1.0 / n
    return step * sum(4.0 / (1.0 + ((i + 0.5) * step) ** 2) for i in range(n))


xs = [float(i % 11) - 5.0 for i in range(300)]
print(weighted(100, 3), squares(xs), triangle(60), count_above(xs, 2.0))
print(smallest_double(xs), largest_abs(xs), has_above(xs, 4.5), all_above(xs, -6.0), all_above(xs, 0.0))
print(mean_of_halves(0), mean_of_halves(7), nested_sums(30), dot(xs, xs[::-1]), first_index_sum(xs))
print(calls_inside(40), f"{pi_estimate(100000):.12f}")
print(has_above([], 1), all_above([], 1), sum(x for x in [True, True, False]), min(b for b in [True, False]))
print(weighted(10, 2 ** 62), max(x for x in [1.0, float("nan"), 3.0]), min([float("nan"), 2.0]))
try:
    print(too_late(3))
except NameError as e:
    print("NameError:", e)
for f in (smallest_double, largest_abs):
    try:
        print(f([]))
    except ValueError as e:
        print("ValueError:", e)
