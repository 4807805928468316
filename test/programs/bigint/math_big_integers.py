import math

# Integer functions of the math module with arbitrary-precision results.
print(math.factorial(30), math.factorial(50) % (10 ** 9 + 7))
print(math.comb(100, 50), math.perm(30, 10))
print(math.gcd(2 ** 100, 6 ** 50), math.gcd(10 ** 30 + 1, 10 ** 20 + 1), math.gcd(0, -(10 ** 20)))
print(math.isqrt(10 ** 40), math.isqrt(2 ** 101), math.isqrt(10 ** 40 - 1))
print(math.lcm(2 ** 70, 3 ** 40) % 10 ** 12, math.prod(range(1, 26)))
f = 1
for i in range(1, 61):
    f = f * i
print(f == math.factorial(60), len(str(f)), str(f).count("0"))
print(math.floor(10 ** 30 / 7), math.ceil(-(10 ** 20) / 3), math.trunc(2.0 ** 70))
print(math.log2(2 ** 200), math.log10(10 ** 50), round(math.log(10 ** 100), 6))
