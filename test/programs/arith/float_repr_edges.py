# Shortest round-trip repr of floats at the edges of the representable range.
values = (5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, 2.0 ** 53,
          2.0 ** 53 + 1, 9007199254740993.0, 1e16, 9999999999999998.0, 1e-7,
          0.000123, 123456789012345678.0, 1e21, 1e22, 0.1 * 3, 1 / 3 * 3,
          2.675, 1.0000000000000002, 0.9999999999999999, 4.0e15 + 0.5)
for v in values:
    print(repr(v), str(-v))
print(-0.0, repr(-0.0), 0.0 * -1, -0.0 + 0.0, abs(-0.0))
print(float("inf"), -float("inf"), float("nan"), repr(float("-inf")))
print(1e308 * 10, -1e308 * 10)
print(float(10 ** 15), float(10 ** 16), float(2 ** 62))
print(int(2.9999), int(-2.9999), int(-0.5), int(1e15))
print([1.5, 2.25, 1e100, -1e-100])
print((0.5,), {1.0: 2.5}, {"k": -0.0})
print(3.0, 3.0 == 3, 7 / 7, 10 / 4, 2 ** -2, 10 ** -3)
