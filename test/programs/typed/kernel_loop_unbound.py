# A parallel for-loop reduction whose accumulator may be unbound when the loop starts must
# raise UnboundLocalError where Python does, even when the first update comes late.
def late(n):
    if n < 0:
        s = 0
    for x in range(n):
        if x > n - 5:
            s += x
    return 1


def never(n):
    if n < 0:
        m = 0
    for i in range(n):
        if i == n + 1:
            m = max(m, i)
    return 2


print(never(100_000), late(0))
print(late(100_000))
