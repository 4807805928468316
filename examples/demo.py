# A small analytics script in immutable Python: statistics over generated data.
import math


def lcg(seed, n):
    # A hand-written linear congruential generator: deterministic "random" floats in [0, 1).
    out = ()
    for _ in range(n):
        seed = (1103515245 * seed + 12345) % 2147483648
        out = out + (seed / 2147483648,)
    return out


def mean(xs):
    return sum(xs) / len(xs)


def stdev(xs):
    m = mean(xs)
    return math.sqrt(sum((x - m) ** 2 for x in xs) / (len(xs) - 1))


def histogram(xs, bins):
    counts = tuple(sum(1 for x in xs if b / bins <= x < (b + 1) / bins) for b in range(bins))
    return counts


samples = lcg(42, 2000)
print(f"n={len(samples)} mean={mean(samples):.4f} stdev={stdev(samples):.4f}")
for b, c in enumerate(histogram(samples, 5)):
    print(f"[{b / 5:.1f}, {(b + 1) / 5:.1f}) {'#' * (c // 20)} {c}")
primes = [n for n in range(2, 60) if all(n % d for d in range(2, int(math.sqrt(n)) + 1))]
print("primes:", primes)
print("2**100 =", 2 ** 100)
