# Exact big-int sequences built with tuples only.
def fib_pair(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a

def catalan(n):
    c = 1
    for k in range(n):
        c = c * 2 * (2 * k + 1) // (k + 2)
    return c

print(fib_pair(100), fib_pair(200) % 10 ** 10, len(str(fib_pair(1000))))
print([catalan(k) for k in range(12)], catalan(60))
rows = ((1,),)
for _ in range(60):
    last = rows[-1]
    rows = rows + ((1,) + tuple(last[i] + last[i + 1] for i in range(len(last) - 1)) + (1,),)
print(rows[60][30], sum(rows[60]) == 2 ** 60, max(rows[60]))
