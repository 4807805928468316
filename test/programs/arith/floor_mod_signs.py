# Floor division and modulo with every combination of signs, int and float.
pairs = ((7, 2), (-7, 2), (7, -2), (-7, -2), (6, 3), (-6, 3), (0, -5), (1, 7), (-1, 7))
for a, b in pairs:
    print(a, b, a // b, a % b, divmod(a, b), a / b)
for a, b in ((7.5, 2), (-7.5, 2), (7.5, -2.0), (-7.5, -2.0), (-0.0, 5.0), (0.0, -5.0), (5.0, 0.1)):
    print(a, b, a // b, a % b, divmod(a, b))
print(-1 % 1e100, 1 % -1e100)
print(-7 // 2.0, 7 % -3.0, -3 % 5.0, 3 % -5)
print((-13) // 4 * 4 + (-13) % 4)
print(-2 ** 2, (-2) ** 2, 2 ** -1, (-2) ** -1, (-8) ** 3)
print(divmod(-1, 3), divmod(1, -3), divmod(-0.5, 0.25))
