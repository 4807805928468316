# divmod, pow (2 and 3 args, negative exponents), abs on several types.
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(17.5, 5), divmod(-17.5, 5), divmod(0, 3))
print(pow(2, 10), pow(2, -2), pow(-2, 3), pow(2.0, 0.5), pow(4, 0.5), pow(0, 0), pow(0.0, 0))
print(pow(3, 4, 5), pow(-3, 3, 7), pow(3, -1, 7), pow(2, 100, 1000), pow(5, 0, 1), pow(7, 2, -10))
print(abs(-5), abs(5.5), abs(-0.0), abs(True), abs(-2 ** 70), abs(float("-inf")))
print(2 ** 0.5, 10 ** -1, (-8) ** 2, 2 ** 3 ** 2, (2 ** 3) ** 2, -3 ** 2, 0.5 ** -2)
print(round(pow(10, 0.3), 10), pow(1, 10 ** 6), pow(-1, 10 ** 6 + 1), 1.0 ** float("inf"))
try:
    pow(0, -1)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    pow(2, 3.0, 5)
except TypeError as e:
    print("TypeError:", e)
