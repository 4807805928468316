# round() with positive, zero and negative ndigits, on ints and floats.
print(round(1234.5678, 2), round(1234.5678, -2), round(1234.5678, 0), round(1234.5678))
print(round(0.5), round(1.5), round(2.5), round(-0.5), round(-1.5), round(-2.5))
print(round(2.675, 2), round(0.125, 2), round(0.375, 2), round(1.005, 2))
print(round(7, -1), round(15, -1), round(25, -1), round(-25, -1), round(35, -1))
print(round(123456, -3), round(-123456, -2), round(5, 2), round(5, 0))
print(round(1e20, -5), round(0.1 + 0.2, 15), round(-0.4), round(-0.0, 1))
print(type(round(2.5)).__name__, type(round(2.5, 0)).__name__, type(round(25, -1)).__name__)
vals = [x / 8 for x in range(-12, 13)]
print([round(v) for v in vals])
print([round(v, 1) for v in vals])
