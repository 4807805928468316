# Floor division and modulo on big ints with negative operands.
n = 10 ** 25
for a, b in ((n, 7), (-n, 7), (n, -7), (-n, -7), (-n, 10 ** 15 + 7), (n + 3, -(n + 1))):
    q, r = divmod(a, b)
    print(a // b, a % b, q * b + r == a, abs(r) < abs(b))
print(-(10 ** 30) // 3, -(10 ** 30) % 3, (10 ** 30) % -13)
print(-1 // 10 ** 40, -1 % 10 ** 40, 1 // -(10 ** 40))
print((2 ** 200) // (2 ** 100), (-(2 ** 200)) // (2 ** 100 + 1))
x = 12345678901234567890123456789
print(x // 1000, x % 1000, -x // 1000, -x % 1000, x // -1, -x // -x)
print(abs(-x), -(-x), x - x, x * -1 + x)
