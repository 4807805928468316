# Augmented assignment on immutable values just rebinds the name.
n = 10
n += 5
n -= 3
n *= 4
n //= 5
n %= 7
n **= 3
n <<= 2
n >>= 1
n |= 1
n &= 0xFF
n ^= 0x0F
print(n)
f = 1.5
f += 1
f *= -2
f /= 4
f **= 2
print(f)
s = "ab"
s += "cd"
s *= 2
print(s)
t = (1, 2)
alias = t
t += (3,)
t *= 2
print(t, alias)
fs = frozenset({1, 2})
fs |= frozenset({3})
fs &= frozenset({2, 3, 4})
fs -= frozenset({2})
print(sorted(fs))
total = 0
for i in range(1, 11):
    total += i * i
print(total)
