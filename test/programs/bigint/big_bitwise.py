# Bitwise operations on ints wider than 64 bits, including negative ones.
a = (1 << 200) | 1
b = ~(2 ** 100)
print(a, b)
print(a & b, a | b, a ^ b)
print(-(2 ** 100) >> 3, (2 ** 100) >> 99, -(2 ** 100 + 1) >> 100, 1 << 130)
print((2 ** 100).bit_length(), (-(2 ** 100)).bit_length(), (2 ** 100 - 1).bit_count())
print(hex(2 ** 100), bin(2 ** 70), oct(-(2 ** 65)))
print((2 ** 128 - 1) & -(2 ** 64), -(2 ** 90) & 0xFFFF, -(2 ** 90) | 0xFF)
x = 0
for i in range(0, 300, 7):
    x = x | (1 << i)
print(x.bit_count(), x.bit_length(), x % 1000003)
print((x >> 150) ^ (x >> 151), x & (x - 1) == x - 1)
