import math

# gcd/lcm/factorial/comb/perm/isqrt/prod on small ints.
print(math.gcd(12, 18), math.gcd(-12, 18), math.gcd(0, 0), math.gcd(7), math.gcd(12, 18, 27), math.gcd())
print(math.lcm(4, 6), math.lcm(4, 6, 10), math.lcm(0, 5), math.lcm())
print([math.factorial(n) for n in range(8)], math.comb(10, 3), math.comb(5, 7), math.perm(5, 2), math.perm(5))
print([math.isqrt(n) for n in (0, 1, 3, 4, 15, 16, 17, 99, 100)], math.prod([1, 2, 3, 4]), math.prod([]), math.prod([0.5, 4], start=3))
row = [math.comb(8, k) for k in range(9)]
print(row, sum(row) == 2 ** 8)
for bad in (lambda: math.factorial(-1), lambda: math.isqrt(-4), lambda: math.comb(-1, 2)):
    try:
        bad()
    except ValueError as e:
        print("ValueError:", e)
try:
    math.factorial(2.5)
except (TypeError, ValueError) as e:
    print(type(e).__name__ + ":", e)
