# Arithmetic crossing the 64-bit boundary must silently become exact big ints.
big = 2 ** 63 - 1
small = -2 ** 63
print(big, small, big + 1, small - 1)
print(big * 2, small * small, -small, abs(small))
print(small // -1, small % -1, divmod(small, -1))
print((2 ** 62) * 4, (2 ** 32) * (2 ** 32), 3037000500 * 3037000500)
print(big + big, big - small, small + small)
x = 1
for i in range(70):
    x = x * 2
print(x, x - 1, x // 3, x % 1000007)
print(sum(range(10 ** 6)) * 10 ** 7)
print(9223372036854775807 + 1 == 2 ** 63, type(2 ** 63).__name__)
print(-(-9223372036854775808), 9223372036854775808 - 1)
print(1 << 63, 1 << 64, (1 << 64) >> 1, -1 << 63)
print(int("9223372036854775808"), int("-9223372036854775809"))
