# Laziness: any/all/next stop early, so later elements are never computed.
def risky(values):
    for v in values:
        yield 10 // v

print(any(x > 5 for x in risky([1, 0])), all(x > 50 for x in risky([1, 0])))
print(next(risky([5, 0])), list(zip(risky([1, 2]), risky([0]))) if False else "skipped")
def noisy(tag, n):
    for i in range(n):
        print(f"  {tag} yields {i}")
        yield i

print("zip:", list(zip(noisy("a", 3), noisy("b", 2))))
print("map:", next(map(lambda x: x * 10, noisy("m", 5))))
print("filter:", next(filter(lambda x: x > 1, noisy("f", 5))))
pipeline = (x * 2 for x in noisy("p", 3))
print("created")
print("first", next(pipeline))
print("rest", list(pipeline))
print(min(x for x in range(5, 0, -1)), sorted((c for c in "lazy"), reverse=True))
