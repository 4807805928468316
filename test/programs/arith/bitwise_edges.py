# Bitwise operators on negative ints, shifts and bit counting.
for a, b in ((12, 10), (-12, 10), (12, -10), (-12, -10), (0, -1)):
    print(a & b, a | b, a ^ b, ~a, ~b)
print(-1 >> 10, -1024 >> 3, -1025 >> 3, 1 >> 5, -7 << 3)
print((255).bit_length(), (256).bit_length(), (-256).bit_length(), (0).bit_length())
print((255).bit_count(), (-7).bit_count(), (2 ** 40 - 1).bit_count())
print(0b1010 | 0o17, 0xF0 ^ 0xFF, 0x7FFF_FFFF & -0x1000)
print(1 << 62, (1 << 62) - 1 | 1 << 62, ~(1 << 62))
masks = [(1 << i) - 1 for i in range(0, 64, 9)]
print(masks)
print([n & -n for n in range(1, 17)])
print(True & False, True | False, True ^ True, type(True & True).__name__, type(True & 1).__name__)
