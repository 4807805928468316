# try/except/finally inside generators: cleanup runs when the generator finishes.
def guarded(n):
    try:
        for i in range(n):
            yield i
    finally:
        print("  cleanup", n)

print(list(guarded(3)))
for v in guarded(2):
    print("loop", v)
def safe_div(pairs):
    for a, b in pairs:
        try:
            yield a / b
        except ZeroDivisionError:
            yield float("inf")
        else:
            yield "ok"

print(list(safe_div([(1, 2), (1, 0), (3, 4)])))
def stops(limit):
    n = 0
    while True:
        if n >= limit:
            return
        yield n
        n = n + 1
print(list(stops(3)), list(stops(0)))
def failing():
    yield 1
    raise ValueError("inside generator")

try:
    for x in failing():
        print("value", x)
except ValueError as e:
    print("caught", e)
