import math

# exp/log family and trigonometry, printed with fixed precision.
for x in (0.0, 0.5, 1.0, 2.0, 10.0):
    print(x, f"{math.exp(x):.10f}", f"{math.expm1(x):.10f}", f"{math.log1p(x):.10f}", f"{math.sqrt(x):.10f}")
print(math.log(math.e), math.log(1), math.log(8, 2), math.log(100, 10), math.log2(1024), math.log10(0.001))
print(f"{math.log(10):.12f} {math.log(2, 3):.12f} {math.log10(2):.12f} {math.log2(10):.12f}")
angles = (0, math.pi / 6, math.pi / 4, math.pi / 3, math.pi / 2, math.pi)
for a in angles:
    print(f"{a:.6f} sin={math.sin(a):+.6f} cos={math.cos(a):+.6f} tan={math.tan(a) if abs(math.cos(a)) > 1e-9 else float('inf'):+.4g}")
print(f"{math.atan2(1, 1):.10f} {math.atan2(-1, -1):.10f} {math.atan(1) * 4:.10f} {math.asin(1):.10f} {math.acos(0):.10f}")
print(math.degrees(math.pi), math.radians(180) == math.pi, f"{math.degrees(1):.8f}", round(math.radians(45), 12))
print(f"{math.sinh(1):.10f} {math.cosh(1):.10f} {math.tanh(0.5):.10f} {math.erf(1):.10f} {math.gamma(5.5):.8f}")
print(math.gamma(6), math.lgamma(1), math.exp(0), math.cos(0), math.sin(0), math.sqrt(2) ** 2)
