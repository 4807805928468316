# How float values render through str(), repr(), format() and f-strings.
vals = (0.1, 1 / 3, 1e-5, 1e16, 12345678.9, 1e-300 * 1e-300, 2.5, 100.0, -1.5e-9, 3e20)
for v in vals:
    print(str(v), repr(v), format(v), f"{v}", f"{v:.6}", f"{v:.17g}", f"{v:10.4f}")
print(str([0.1, 1e22]), str((1e-5,)), "%s %r" % (0.3, 0.3), "{}".format(1e-4))
print(0.1 + 0.7, 4.35 * 100, 1.1 + 2.2, 3 * 1.1, 0.3 - 0.1, 1e15 + 0.3)
