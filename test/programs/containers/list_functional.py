# Lists built without mutation: +, *, slicing, list(), comprehensions.
a = [1, 2, 3]
b = a + [4]
c = b[:1] + [10] + b[1:]
print(a, b, c, a * 2, [[0] * 2] * 2, [] * 3)
print(c.index(10), c.count(2), 10 in c, [1, 2] in [[1, 2], [3]], len([[], []]))
print([1, 2] < [1, 2, 3], [2] > [1, 100], [] == [], [1, [2, [3]]] == [1, [2, [3]]])
print(list(reversed(c)), list("abc"), list(range(5, 0, -2)), list((1, 2)), list({"k": 1}))
without = [x for x in c if x != 2]
inserted = c[:2] + [99] + c[2:]
replaced = [0 if i == 1 else v for i, v in enumerate(c)]
print(without, inserted, replaced, c)
m = [[1, 2, 3], [4, 5, 6]]
print([list(r) for r in zip(*m)], [x for row in m for x in row], [row[::-1] for row in m[::-1]])
print(sum([[1], [2, 3], []], []), sorted([[3, 1], [2], [2, 0]]), max([[1, 2], [1, 3]]))
print(str([1, "a", 2.0, None, True, (1,)]), repr([[]]))
