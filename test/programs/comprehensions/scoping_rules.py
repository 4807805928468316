# Comprehension variables do not leak; the first iterable is evaluated in the enclosing scope.
x = "outer"
vals = [x for x in range(3)]
print(vals, x)
def f():
    n = 10
    return [n + i for i in range(3)], {i: n for i in range(2)}, list(n * j for j in range(2))
print(f())
class Holder:
    items = (1, 2, 3)
    doubled = [v * 2 for v in items]
    total = sum(v for v in items)

print(Holder.doubled, Holder.total)
def shadow(i):
    squares = [i * i for i in range(i)]
    return i, squares
print(shadow(4))
matrix = [[1, 2], [3, 4]]
print([[row[i] for row in matrix] for i in range(2)], [row for row in matrix for row in row])
