# Parallel reductions of comprehensions inside numeric functions: the same bytes under any
# thread count (UFORA_THREADS) and under UFORA_SPLIT_ALWAYS=1.
def int_sum(n):
    return sum(i * i % 1000 for i in range(n))


def float_sum(n):
    return sum((i % 7) * 0.1 + 1.0 / (i + 1) for i in range(n))


def extremes(xs):
    return min(x * x - 3.0 * x for x in xs), max(abs(x - 50.5) for x in xs)


def counts(xs, t):
    return len([x for x in xs if x > t]), any(x > 99.5 for x in xs), all(x >= 0.0 for x in xs)


def nested(n):
    return sum(sum(j % 3 for j in range(i % 50)) for i in range(n))


def pi(n):
    step = 1.0 / n
    return step * sum(4.0 / (1.0 + ((i + 0.5) * step) ** 2) for i in range(n))


xs = [float((i * 7919) % 101) for i in range(400_000)]
print(int_sum(3_000_000), float_sum(1000), float_sum(500_000))
print(extremes(xs), counts(xs, 50.0), nested(200_000))
print(f"{pi(2_000_000):.15f}", pi(1000))
