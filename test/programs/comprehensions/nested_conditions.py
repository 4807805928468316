# Comprehensions with several for-clauses, if-clauses and conditional expressions.
print([(x, y) for x in range(4) for y in range(x) if (x + y) % 2])
print([x if x % 3 else "fizz" for x in range(1, 10) if x != 5])
print([[c * r for c in range(1, 4)] for r in range(1, 4)])
print([w[0] for w in "the quick brown fox".split() if len(w) > 3 if w[0] != "q"])
print([y for x in [[1, 2], [], [3]] for y in x], [c for s in ("ab", "cd") for c in s[::-1]])
triples = [(a, b, c) for c in range(1, 30) for b in range(1, c) for a in range(1, b) if a * a + b * b == c * c]
print(triples)
print([i * j for i in range(1, 4) for j in range(i, 4)], [n for n in range(50) if all(n % d for d in range(2, n)) and n > 1])
print(sum(1 for x in range(100) if x % 7 == 0 or x % 11 == 0), [(i, s) for i, s in enumerate("ab") for _ in range(2)])
