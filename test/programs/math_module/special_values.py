import math

# inf and nan: arithmetic, classification, comparisons and conversion errors.
inf, nan = math.inf, math.nan
print(inf + 1, inf - inf, inf * 0, -inf * -1, 1 / inf, inf / inf, inf > 1e308, -inf < -1e308)
print(math.isinf(inf), math.isinf(-inf), math.isinf(nan), math.isnan(nan), math.isnan(inf - inf), math.isfinite(1e308))
print(math.isfinite(inf), math.isfinite(nan), nan == nan, nan is nan, math.isnan(float("nan")), [nan] == [nan])
print(max(1, inf), min(-inf, 0), sorted([3, -inf, inf, 0]), sum([inf, -inf]), abs(-inf), -nan != nan)
print(math.sqrt(inf), math.exp(-inf), math.log(inf), math.atan(inf) * 2 == math.pi, math.copysign(1, -0.0))
print(float("inf") == inf, str(inf), repr(-inf), str(nan), f"{inf:.2f}", f"{-nan}")
for fn, arg in ((math.sqrt, -1.0), (math.log, 0.0), (math.log, -1.0), (math.acos, 2.0)):
    try:
        fn(arg)
    except ValueError as e:
        print("ValueError:", e)
for fn in (lambda: int(inf), lambda: int(nan), lambda: math.exp(1000), lambda: round(inf)):
    try:
        fn()
    except (OverflowError, ValueError) as e:
        print(type(e).__name__ + ":", e)
try:
    print(10.0 ** 400)
except OverflowError as e:
    print("OverflowError raised")
