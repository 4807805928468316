# min()/max() of lists that kernels built unboxed scan them without boxing: the first of
# equal items wins (0.0 / -0.0), NaN is kept or skipped exactly as CPython's scan does.
def mk(n):
    return [(i * 7919 % 1000) * 0.5 - 3 for i in range(n)]
def ints(n):
    return [(i * 7919 % 1000) - 500 for i in range(n)]
def nans(n):
    return [float("nan") if i % 4 == 1 else i * 1.0 for i in range(n)]
def zs(n):
    return [0.0 if i % 2 else -0.0 for i in range(n)]
xs = mk(10000)
print(min(xs), max(xs), min(ints(1000)), max(ints(1000)), min(nans(9)), max(nans(9)), min([float("nan"), 1.0, 2.0]))
print(min(zs(6)), max(zs(6)), min(xs, default=0), max(xs, key=abs), min(tuple(xs)))
