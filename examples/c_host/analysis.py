# Outlier detection for examples/c_host: main.c passes its readings as a float array and
# reads back tuples.
import math


def describe(xs):
    """(count, mean, population standard deviation)"""
    n = len(xs)
    mean = math.fsum(xs) / n  # exact, whatever order the terms come in
    return (n, mean, math.sqrt(math.fsum((x - mean) ** 2 for x in xs) / n))


def outliers(xs, k):
    """Indices of the readings more than k standard deviations away from the mean."""
    if k <= 0:
        raise ValueError(f"k must be positive, got {k}")
    _, mean, sd = describe(xs)
    return tuple(i for i, x in enumerate(xs) if abs(x - mean) > k * sd)
