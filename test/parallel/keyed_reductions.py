# SAME AS CPYTHON
# Filtered reductions asked for several values of the key they test (`sum(... if a[i] == c)`
# for c in range(k)): after the first value, one keyed pass answers every key in 0..63. Each
# answer must be the one its own pass gives: the same counts, float sums bit for bit (the
# second form below, `== c + 0`, is not keyed and is compared with the keyed one), Python's
# int 0 for a float sum of nothing, big ints past 2**63, and the exception of the first
# value whose own pass raises.
def lcg(s):
    return (s * 1103515245 + 12345) % 2147483648


def keys(n, k, seed):
    return [lcg(i * 7919 + seed) // 65536 % k for i in range(n)]


def values(n):
    return [((lcg(i) % 100000) - 50000) * 0.000123 for i in range(n)]


def counts(a, k):
    return [sum(1 for i in range(len(a)) if a[i] == c) for c in range(k)]


def float_sums(a, v, k):
    return [sum(v[i] for i in range(len(a)) if a[i] == c) for c in range(k)]


def float_sums_plain(a, v, k):
    return [sum(v[i] for i in range(len(a)) if a[i] == c + 0) for c in range(k)]


def lens(a, k):
    return [len([i for i in range(len(a)) if a[i] == c]) for c in range(k)]


def mean_of(v, a, c, count):
    if count == 0:
        return -1.0
    return sum(v[i] for i in range(len(v)) if a[i] == c) / count


def means(a, v, k):
    cs = counts(a, k)
    return [mean_of(v, a, c, cs[c]) for c in range(k)]


def least(a, v, k):  # min and max by key; a key with no items raises, as min() of nothing
    return [min(v[i] for i in range(len(a)) if a[i] == c) for c in range(k)]


def last(a, k):
    return [max(i for i in range(len(a)) if a[i] == c) for c in range(k)]


def key_on_the_left(a, k):
    return [sum(i for i in range(len(a)) if c == a[i]) for c in range(k)]


def with_more_filters(a, v, k):
    return [sum(v[i] for i in range(len(a)) if a[i] == c and v[i] > 0) for c in range(k)]


def either(a, k):  # not a filter on the key alone: every c counts the zeros too
    return [sum(1 for i in range(len(a)) if a[i] == c or a[i] == 0) for c in range(k)]


def big_sums(a, k):
    return [sum(2**62 for i in range(len(a)) if a[i] == c) for c in range(k)]


def ratios(a, k):
    return [sum(10 // (a[i] - 5) for i in range(len(a)) if a[i] == c) for c in range(k)]


def not_a_filter(a, k):  # the test picks a value: every item counts for every c
    return [sum((2 if a[i] == c else 1) for i in range(len(a))) for c in range(k)]


def c_used_twice(a, k):
    return [sum(c for i in range(len(a)) if a[i] == c) for c in range(k)]


small = keys(5000, 8, 1)
small_v = values(5000)
print(counts(small, 8))
print(counts(small, 10))  # keys 8 and 9 never occur
print(float_sums(small, small_v, 8))
print(float_sums(small, small_v, 8) == float_sums_plain(small, small_v, 8))
print(lens(small, 8))
print(means(small, small_v, 9))
print(least(small, small_v, 8), last(small, 8))
try:
    print(last(small, 9))
except ValueError as e:
    print("ValueError:", e)
print(key_on_the_left(small, 8))
print(with_more_filters(small, small_v, 8))
print(either(small, 8))
print(big_sums(small, 4))
print(not_a_filter(small, 4))
print(c_used_twice(small, 8))
# Keys beyond 0..63 and below 0: the keyed pass gives up, and every value is computed alone.
wide = keys(3000, 100, 2)
print(counts(wide, 100)[60:70])
print([sum(1 for x in wide if -x == c) for c in range(-3, 1)])
print(float_sums([x - 4 for x in small], small_v, 3))
try:
    print(ratios(small, 8))
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
# More items than a float sum's leaf: each key's sum still combines the same leaves.
big = keys(300000, 16, 3)
big_v = values(300000)
print(float_sums(big, big_v, 16) == float_sums_plain(big, big_v, 16))
print(counts(big, 16))
