# Thousands separators for ints and floats in several bases.
for v in (0, 999, 1000, -1234567, 1234567890123, 10 ** 20):
    print(f"{v:,} {v:_} {v:>18,} {v:020,}")
print(f"{1234567.891:,.2f} {-1234.5:,.1f} {0.5:,.3f} {1e10:,.0f} {123456789.0:_.1f}")
print(f"{0xDEADBEEF:_x} {255:_b} {2 ** 20:_o} {-65535:_X} {1234:,d}")
print(format(1234567, ","), format(-9876543.21, ",.1f"), "{:,}".format(2 ** 40))
print(f"{1234.5:,g} {1234567.0:,g} {12345678901:,e}")
