# Dict and set comprehensions: inversion, filtering, grouping, key collisions.
words = ["apple", "bob", "kayak", "level", "python", "noon", "a"]
print({w: len(w) for w in words if len(w) > 3})
print(sorted({w for w in words if w == w[::-1]}), sorted({len(w) for w in words}))
lengths = {w: len(w) for w in words}
by_len = {n: sorted(w for w in words if len(w) == n) for n in sorted(set(lengths.values()))}
print(by_len)
print({v: k for k, v in lengths.items()}, {k % 3: k for k in range(10)})
print({(i, j): i * j for i in range(3) for j in range(3) if i <= j})
print(sorted({frozenset((a, b)) for a in range(3) for b in range(3) if a != b}, key=sorted))
print({c: i for i, c in enumerate("hello")}, sorted({c.upper() for c in "Mississippi"}))
squares = {n: n * n for n in range(6)}
print({k: v for k, v in squares.items() if v % 2 == 0}, sum(squares.values()), dict(sorted(squares.items(), reverse=True)))
