# e, E, g, G and % presentation types.
vals = (0.0, 1.0, -1234.5678, 0.000123456, 1e100, 123456789.0, 1.5e-10, 100.0)
for v in vals:
    print(f"{v:+.3e} | {v:e} | {v:E} | {v:g} | {v:.3g} | {v:G} | {v:.0e}")
for v in (0.5, 0.12345, 1.0, -0.003, 2.0 / 3):
    print(f"{v:%} | {v:.2%} | {v:.0%} | {v:>10.1%}")
print(f"{1e16:g} {1e15:g} {123456.0:g} {1234567.0:g} {0.0001:g} {0.00001:g}")
print(f"{3.0:.0f} {2.5:.0f} {0.125:.2f} {1.005:.2f} {-0.5:.0f} {99.95:.1f}")
print(f"{float('inf'):e} {float('-inf'):.2f} {float('nan'):g} {float('inf'):%} {float('nan'):>6}")
print(f"{12:e} {12:%} {5:.2f} {5:g} {10 ** 20:g}")
