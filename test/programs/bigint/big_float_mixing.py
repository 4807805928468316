# Big ints mixed with floats: conversion, true division, comparison.
a = 2 ** 100
print(float(a), a + 0.5, a * 1.0, a / 3, a / 2 ** 90)
print(10 ** 30 / 10 ** 10, 10 ** 30 // 10 ** 10, (10 ** 30 + 1) / 10 ** 30)
print(int(1e30), int(1.5e300) % 1000, int(-2.0 ** 80))
print(2 ** 1000 > 1e300, 2 ** 1023 < float("inf"), float(2 ** 1023))
print(3 ** 200 / 3 ** 199, (3 ** 200) ** 0.5 > 1e47)
print(float(10 ** 22), float(10 ** 23), float(2 ** 64 - 1), float(-(2 ** 64) + 1))
print(2 ** 64 == 2.0 ** 64, 2 ** 64 + 1 == 2.0 ** 64, 2 ** 64 + 1 > 2.0 ** 64)
print(round(2 ** 70 / 7), round(1e25), int(float(2 ** 70 + 1)) - 2 ** 70)
print(10 ** 50 * 0.0, -(10 ** 50) * 0.5, (10 ** 20) % 7.5)
