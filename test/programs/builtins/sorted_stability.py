# sorted(): stability, key functions, reverse=True keeps ties in original order.
people = [("ann", 31), ("bob", 25), ("cyd", 31), ("dee", 25), ("eve", 40), ("fay", 31)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: p[1], reverse=True))
print(sorted(people, key=lambda p: (-p[1], p[0])), sorted(people, reverse=True)[:2])
words = ["banana", "Apple", "cherry", "apple", "Banana", "date"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len), sorted(words, key=lambda w: (len(w), w.lower()), reverse=True))
print(sorted("hello"), sorted((3, 1, 2)), sorted({3: 0, 1: 0}), sorted(range(5), key=lambda x: x % 2))
print(sorted([-3, 2, -1, 0], key=abs), sorted([0.5, -0.0, 0.0, -1e-9]), sorted([], reverse=True))
by_second = sorted(sorted(people), key=lambda p: p[1])
print(by_second == sorted(people, key=lambda p: p[1]), [p[0] for p in by_second])
print(sorted([[2, "b"], [1, "z"], [2, "a"]]), sorted([(1, 2), (1,), ()]))
