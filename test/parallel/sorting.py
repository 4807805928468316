# SAME AS CPYTHON
# Long unboxed lists sort in parallel pieces merged stably: the same list on any thread count.
def keys(n):
    return [((i * 104729) % 1000003) * 0.001 - ((i % 5) * 0.0) for i in range(n)]


def signed_zeros(n):
    return [0.0 if (i * 7) % 11 < 5 else -0.0 for i in range(n)]


s = sorted(keys(400_000))
print(s[0], s[199_999], s[-1], sum(s[::997]))
r = sorted(signed_zeros(300_000), reverse=True)
print([str(x) for x in r[:4]], [str(x) for x in r[150_000:150_004]])
