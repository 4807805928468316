# Recursive algorithms returning fresh tuples: merge sort, permutations, powerset, flatten.
def merge(a, b):
    if not a:
        return b
    if not b:
        return a
    return (a[0],) + merge(a[1:], b) if a[0] <= b[0] else (b[0],) + merge(a, b[1:])

def msort(t):
    if len(t) <= 1:
        return t
    mid = len(t) // 2
    return merge(msort(t[:mid]), msort(t[mid:]))

def perms(t):
    if len(t) <= 1:
        return (t,)
    return tuple((t[i],) + p for i in range(len(t)) for p in perms(t[:i] + t[i + 1:]))

def powerset(t):
    if not t:
        return ((),)
    rest = powerset(t[1:])
    return rest + tuple((t[0],) + s for s in rest)

def flatten(x):
    if isinstance(x, (list, tuple)):
        return tuple(y for item in x for y in flatten(item))
    return (x,)

print(msort((5, 2, 9, 1, 5, 6, -3, 0)), msort(()), msort(tuple("sorting")))
print(perms((1, 2, 3)), len(perms(tuple(range(6)))))
print(sorted(powerset((1, 2, 3)), key=lambda s: (len(s), s)))
print(flatten([1, (2, [3, (4,)]), [[[]]], "ab"]))
def gcd(a, b):
    return a if b == 0 else gcd(b, a % b)
print(gcd(1071, 462), gcd(0, 5), gcd(2 ** 40, 6 ** 20))
