# Big ints to and from text in several bases and formats.
vals = (2 ** 64, -(2 ** 100), 10 ** 40 + 123, 3 ** 99)
for v in vals:
    print(v, int(str(v)) == v, int(hex(v), 16) == v, int(bin(v), 0) == v)
print(int("9" * 50) + 1, int("-" + "1" * 40), int("1" * 70, 2))
print(format(2 ** 100, ","), f"{2 ** 70:_x}", f"{-(10 ** 21):,}", f"{2 ** 80:e}")
print(f"{3 ** 50:>40}|", f"{2 ** 65:#o}", f"{10 ** 30:.3e}", str(-(2 ** 63)))
print(repr(2 ** 64), [2 ** 64, -(2 ** 64)], (10 ** 20,))
print(len(str(2 ** 10000)), int(str(7 ** 300)[::-1]) % 1000)
