import math

# math.fsum is exactly rounded; plain sum accumulates rounding error.
vals = [0.1] * 10
print(sum(vals), math.fsum(vals), sum(vals) == 1.0, math.fsum(vals) == 1.0)
print(sum([1e100, 1.0, -1e100, 1e-100]), math.fsum([1e100, 1.0, -1e100, 1e-100]))
big = [1e16, 1.0, 1.0, 1.0, 1.0, -1e16]
print(sum(big), math.fsum(big), math.fsum([]), math.fsum(range(10)), math.fsum([0.3, 0.6]))
harmonic = [1 / k for k in range(1, 1001)]
print(round(sum(harmonic), 12), round(math.fsum(harmonic), 12), sum(harmonic) == math.fsum(harmonic))
print(math.prod([1.1, 1.1, 1.1]), math.prod(range(1, 11)), math.prod([2] * 70) == 2 ** 70)
print(math.pi, math.e, math.tau, math.tau == 2 * math.pi, f"{math.pi:.20f}", round(math.e, 5))
mean = math.fsum(harmonic) / len(harmonic)
var = math.fsum((h - mean) ** 2 for h in harmonic) / len(harmonic)
print(f"{mean:.12f} {var:.12e} {math.sqrt(var):.12f}")
