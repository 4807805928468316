# A typical 30-line script: time from process start to the printed answer (compile included).
from functools import reduce


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm2(self):
        return self.x * self.x + self.y * self.y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


def word_counts(text):
    words = text.lower().split()
    return {w: words.count(w) for w in sorted(set(words))}


def primes(n):
    return [p for p in range(2, n) if all(p % d for d in range(2, int(p ** 0.5) + 1))]


points = [Point(i, i * i % 7) for i in range(10)]
far = max(points, key=lambda p: p.norm2())
counts = word_counts("the quick brown fox jumps over the lazy dog the end")
product = reduce(lambda a, b: a * b, range(1, 20))
print(far, counts["the"], primes(50)[-3:], product)
print(", ".join(f"{k}={v}" for k, v in counts.items() if v == 1)[:40])
