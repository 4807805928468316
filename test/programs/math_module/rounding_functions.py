import math

# floor/ceil/trunc/fabs/copysign/fmod/modf/frexp/ldexp/hypot.
for v in (2.5, -2.5, 3.0, -0.0, 1e-300, -7.9999):
    print(v, math.floor(v), math.ceil(v), math.trunc(v), math.fabs(v), math.modf(v))
print(type(math.floor(2.5)).__name__, math.floor(7), math.ceil(-7), math.floor(-1e20))
print(math.copysign(3, -0.0), math.copysign(-2.5, 1), math.copysign(0.0, -1))
print(math.fmod(7, 3), math.fmod(-7, 3), -7 % 3, math.fmod(7.5, -2), 7.5 % -2, math.remainder(7, 4))
print(math.frexp(8.0), math.frexp(0.1), math.frexp(-3), math.ldexp(0.5, 4), math.ldexp(1, -1074))
print(math.hypot(3, 4), math.hypot(1, 1), math.hypot(5, 12, 84), math.dist((0, 0), (3, 4)))
print(math.isclose(0.1 + 0.2, 0.3), math.isclose(1e-10, 0), math.isclose(1e-10, 0, abs_tol=1e-9), math.isclose(100, 101, rel_tol=0.01))
