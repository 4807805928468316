# Summary statistics for examples/cpp_host: main.cpp hands over its readings (a
# std::span<const double>, a list of floats here) and prints the tuple summary() returns.
import math


def median(ordered):
    mid = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[mid]
    return (ordered[mid - 1] + ordered[mid]) / 2


def summary(xs):
    n = len(xs)
    if n < 2:
        raise ValueError(f"summary needs at least 2 values, got {n}")
    # fsum is exact, so the statistics do not depend on the order the terms are added in.
    mean = math.fsum(xs) / n
    stdev = math.sqrt(math.fsum((x - mean) ** 2 for x in xs) / (n - 1))
    ordered = sorted(xs)
    return (n, mean, stdev, ordered[0], ordered[-1], median(ordered))
