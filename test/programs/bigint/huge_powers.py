# Huge powers: digit counts, prefixes, digit sums and modular exponentiation.
p = 3 ** 500
print(len(str(p)), str(p)[:20], str(p)[-20:])
q = 2 ** 4096
print(len(str(q)), str(q)[:15], q % 10 ** 12)
print(sum(int(d) for d in str(2 ** 1000)))
print(pow(2, 10 ** 5, 10 ** 9 + 7), pow(3, 2 ** 80, 1000000007), pow(7, 12345678901234567, 97))
print(pow(12345678901234567890, 3, 2 ** 61 - 1))
print(pow(3, -1, 11), pow(10, -2, 17))
print((-2) ** 127, (-3) ** 81 % 1000, (10 ** 18) ** 3)
print(2 ** 256 - 1 == int("f" * 64, 16), 7 ** 77 % 13)
print(10 ** 100 // 10 ** 99, (10 ** 100 + 1) % 9)
